/*
 * Comparisons are made, uploaded files read, and stored versions turned into what is served of
 * them, on worker threads: while a long act is being aligned or parsed, the server goes on
 * answering other requests.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ComparisonThread } from "../../server/comparisons/comparison-thread";
import { FIXTURES } from "../support/fixtures";
import { addTextVersion, ApiClient, testServer, type TestServer } from "../support/server";

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

describe("while a stored version is being read", () => {
  /** A plain-text act of 20,000 articles, 400,000 words: reading it as stored takes a few hundred milliseconds. */
  let long: number;
  beforeAll(async () => {
    const articles = Array.from(
      { length: 20_000 },
      (_, i) =>
        `Article ${i + 1}\n\n1. The exporter shall apply for an authorisation for the items of list ${i} before they leave the Union.\n\n`,
    );
    const form = new FormData();
    form.set("file", new Blob([`REGULATION ON TESTS\n\n${articles.join("")}`]), "long.txt");
    form.set("name", "long");
    long = (await owner.request<{ version: { id: number } }>("POST", `/api/dossiers/${dossier}/versions`, form)).body.version.id;
  }, 60_000);

  /**
   * The answer's head, as soon as it comes: the view's body is megabytes long, and reading it
   * in this same process would hold up the other answer however early the server sent it.
   */
  const head = (path: string) => fetch(server.url + path, { headers: { cookie: owner.cookie } });

  it("other requests are answered first, for its Akoma Ntoso and for its outline", async () => {
    const akn = await firstAnswered(head(`/api/dossiers/${dossier}/versions/${long}?format=akn`));
    expect(akn.slowAnswer.status).toBe(200);
    expect(await akn.slowAnswer.text()).toContain('eId="art_20000"');
    expect(akn.first).toBe("session");
    const outline = await firstAnswered(head(`/api/dossiers/${dossier}/versions/${long}`));
    expect(((await outline.slowAnswer.json()) as { provisions: unknown[] }).provisions).toHaveLength(20_000);
    expect(outline.first).toBe("session");
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

describe("a comparison its askers abandon", () => {
  /** Asks for a comparison, and abandons the request when `abandon` aborts. */
  const ask = (query: string, abandon?: AbortSignal) =>
    fetch(`${server.url}/api/dossiers/${dossier}/compare?${query}`, { headers: { cookie: owner.cookie }, signal: abandon ?? null });
  /** What became of each comparison sent to the worker while `during` ran. */
  async function madeDuring(during: (sent: () => Promise<void>, settled: () => Promise<void>) => Promise<void>): Promise<string[]> {
    const run = vi.spyOn(ComparisonThread.prototype, "run");
    const until = async (done: () => boolean) => {
      while (!done()) await new Promise((r) => setTimeout(r, 5));
    };
    try {
      await during(
        // Once a comparison has been sent to the worker; once the first has been made or cancelled.
        () => until(() => run.mock.calls.length > 0),
        () => until(() => run.mock.settledResults.some((r) => r.type !== "incomplete")),
      );
      return run.mock.settledResults.map((r) => (r.type === "fulfilled" ? "made" : `${(r.value as { code?: string }).code}`));
    } finally {
      run.mockRestore();
    }
  }

  it("is still made for an asker who waits, when another asker of it leaves", async () => {
    const query = `versions=${versions[3]},${versions[0]},${versions[2]}`;
    const made = await madeDuring(async (sent) => {
      // The one who stays asks first, and is waiting for the comparison when the other asks and leaves.
      const staying = ask(query);
      await sent();
      const leaving = new AbortController();
      const gone = ask(query, leaving.signal);
      await new Promise((r) => setTimeout(r, 100));
      leaving.abort();
      await expect(gone).rejects.toThrow();
      expect((await staying).status).toBe(200);
    });
    expect(made).toEqual(["made"]);
  });

  it("is cancelled once nobody waits, once it has been at work a second, and made anew for the next asker", async () => {
    // Two versions of 6,000 articles, one shuffled: seconds of work.
    let seed = 5;
    const random = (below: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % below;
    };
    const texts = Array.from({ length: 6000 }, () => Array.from({ length: 12 }, () => `w${random(3000)}`).join(" ") + ".");
    const act = (order: readonly string[]) => order.map((t, k) => `Article ${k + 1}\n${t}\n`).join("\n");
    const shuffled = [...texts].sort(() => random(3) - 1);
    const long: number[] = [];
    for (const [name, text] of [
      ["6,000 articles", act(texts)],
      ["6,000 articles shuffled", act(shuffled)],
    ] as const)
      long.push((await addTextVersion(owner, dossier, name, text)).body.version.id);
    const query = `versions=${long.join(",")}`;
    const made = await madeDuring(async (sent, settled) => {
      const leaving = [new AbortController(), new AbortController()];
      const gone = leaving.map((l) => ask(query, l.signal));
      await sent();
      for (const l of leaving) l.abort();
      for (const g of gone) await expect(g).rejects.toThrow();
      // The server hears of it after the askers have given up: the next asks once it has.
      await settled();
      // Not joined to the cancelled one: answered.
      const next = await ask(query);
      expect(next.status).toBe(200);
      expect(((await next.json()) as { rows: unknown[] }).rows.length).toBeGreaterThanOrEqual(6000);
    });
    expect(made).toEqual(["abandoned", "made"]);
  }, 120_000);
});
