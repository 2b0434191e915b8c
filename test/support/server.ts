/*
 * A real Synopsis server for integration tests: its own temporary data folder, a free port on
 * loopback, the demonstration data, and a small client that keeps a session cookie per user.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { configFrom } from "../../server/config";
import { startServer, type RunningServer } from "../../server/main";
import { SESSION_COOKIE } from "../../server/accounts/sessions";

export interface TestServer extends RunningServer {
  readonly dataDir: string;
}

export async function testServer(options: { dataDir?: string; env?: Record<string, string> } = {}): Promise<TestServer> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), "synopsis-test-"));
  const config = configFrom({ DATA_DIR: dataDir, PORT: "0", HOST: "127.0.0.1", SESSION_SECRET: "test secret", ...options.env });
  const server = await startServer(config, pino({ level: "silent" }));
  return { ...server, dataDir };
}

export interface Answer<T = unknown> {
  readonly status: number;
  readonly body: T;
  readonly text: string;
  readonly headers: Headers;
}

/** A user's side of the API: remembers the session cookie the server sets. */
export class ApiClient {
  cookie = "";

  constructor(private readonly base: string) {}

  async request<T = unknown>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer<T>> {
    const isForm = body instanceof FormData;
    const response = await fetch(this.base + path, {
      method,
      headers: {
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(body !== undefined && !isForm ? { "content-type": "application/json" } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
    });
    // The session's cookie, kept for the next requests; the known browser's is sent with sign-ins alone (see sign-in-limits.test.ts).
    const session = response.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`));
    if (session) this.cookie = session.split(";")[0]!;
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON: the text is the body
    }
    return { status: response.status, body: parsed as T, text, headers: response.headers };
  }

  async signIn(username: string, password = "demo"): Promise<this> {
    const answer = await this.request("POST", "/api/session", { username, password });
    if (answer.status !== 201) throw new Error(`sign-in as ${username} failed: ${answer.text}`);
    return this;
  }
}

/** The id of the dossier whose title starts with `title`, as the user sees the list. */
export async function dossierId(client: ApiClient, title: string): Promise<number> {
  const { body } = await client.request<{ dossiers: { id: number; title: string }[] }>("GET", "/api/dossiers");
  const found = body.dossiers.find((d) => d.title.startsWith(title));
  if (!found) throw new Error(`no dossier "${title}" in ${JSON.stringify(body)}`);
  return found.id;
}

/** Adds a plain-text version to a dossier as the client; returns the server's answer. */
export function addTextVersion(
  client: ApiClient,
  dossier: number,
  name: string,
  text: string,
  stage = "other",
): Promise<Answer<{ version: { id: number } }>> {
  const form = new FormData();
  form.set("file", new Blob([text]), `${name}.txt`);
  form.set("name", name);
  form.set("stage", stage);
  return client.request("POST", `/api/dossiers/${dossier}/versions`, form);
}
