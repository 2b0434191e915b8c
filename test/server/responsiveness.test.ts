/*
 * Comparisons are made, and uploaded files read, on worker threads: while a long act is being
 * aligned or parsed, the server goes on answering other requests.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIXTURES } from "../support/fixtures";
import { ApiClient, testServer, type TestServer } from "../support/server";

let server: TestServer;
let owner: ApiClient;
let dossier: number;
const versions: number[] = [];

beforeAll(async () => {
  server = await testServer();
  owner = await new ApiClient(server.url).signIn("commission");
  dossier = (await owner.request<{ dossier: { id: number } }>("POST", "/api/dossiers", { title: "GDPR" })).body.dossier.id;
  for (const file of ["gdpr-2016-679.fmx.xml", "gdpr-2016-679.xhtml", "gdpr-2016-679-cons-2016.fmx.xml", "dsa-2022-2065.fmx.zip"]) {
    const form = new FormData();
    form.set("file", new Blob([new Uint8Array(readFileSync(join(FIXTURES, "eurlex", file)))]), file);
    form.set("name", file);
    versions.push((await owner.request<{ version: { id: number } }>("POST", `/api/dossiers/${dossier}/versions`, form)).body.version.id);
  }
});

afterAll(() => server.close());

/**
 * Asks who am I 20 ms after a slow request was sent, and says which answer came first; the
 * slow request's answer is handed back for its own checks.
 */
async function firstAnswered<T>(slow: Promise<T>): Promise<{ first: "session" | "slow request"; slowAnswer: T }> {
  let first: "session" | "slow request" | null = null;
  const answered = slow.then((a) => {
    first ??= "slow request";
    return a;
  });
  await new Promise((r) => setTimeout(r, 20));
  const session = await owner.request("GET", "/api/session");
  first ??= "session";
  expect(session.status).toBe(200);
  return { first, slowAnswer: await answered };
}

describe("while a comparison is being made", () => {
  it("other requests are answered first", async () => {
    const { first, slowAnswer } = await firstAnswered(
      owner.request("GET", `/api/dossiers/${dossier}/compare?versions=${versions.join(",")}`),
    );
    expect(slowAnswer.status).toBe(200);
    expect(first).toBe("session");
  });

  it("serves the next comparison from the same worker", async () => {
    const answer = await owner.request("GET", `/api/dossiers/${dossier}/compare?versions=${versions[0]},${versions[1]}`);
    expect(answer.status).toBe(200);
    expect((answer.body as { rows: unknown[] }).rows.length).toBeGreaterThan(1000);
  });
});

describe("while an uploaded file is being read", () => {
  const upload = (file: string) => {
    const form = new FormData();
    form.set("file", new Blob([new Uint8Array(readFileSync(join(FIXTURES, "eurlex", file)))]), file);
    form.set("name", file);
    return owner.request<{ version: { id: number; counts: Record<string, number> } }>("POST", `/api/dossiers/${dossier}/versions`, form);
  };

  it("other requests are answered first", async () => {
    const { first, slowAnswer } = await firstAnswered(upload("dsa-2022-2065.xhtml"));
    expect(slowAnswer.status).toBe(201);
    expect(slowAnswer.body.version.counts.article).toBe(93);
    expect(first).toBe("session");
  });

  it("a bad file is refused from the worker with where it went wrong, and the next file is read", async () => {
    const form = new FormData();
    form.set("file", new Blob(["<?xml version='1.0'?>\n<ACT><BROKEN></ACT>"]), "broken.fmx.xml");
    form.set("name", "broken");
    const refused = await owner.request<{ error: { code: string; message: string } }>("POST", `/api/dossiers/${dossier}/versions`, form);
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe("file-malformed");
    expect(refused.body.error.message).toMatch(/^broken\.fmx\.xml, line 2, column \d+: not well-formed XML: [^:]+$/);
    const next = await upload("eprivacy-2002-58-cons-2009.fmx.xml");
    expect(next.status).toBe(201);
  });
});
