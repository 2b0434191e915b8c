/*
 * Comparisons are made on a worker thread: while a long act is being aligned, the server goes on
 * answering other requests.
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

describe("while a comparison is being made", () => {
  it("other requests are answered first", async () => {
    const order: string[] = [];
    const comparing = owner.request("GET", `/api/dossiers/${dossier}/compare?versions=${versions.join(",")}`).then((a) => {
      order.push("comparison");
      return a;
    });
    await new Promise((r) => setTimeout(r, 20));
    const session = await owner.request("GET", "/api/session");
    order.push("session");
    expect(session.status).toBe(200);
    expect((await comparing).status).toBe(200);
    expect(order).toEqual(["session", "comparison"]);
  });

  it("serves the next comparison from the same worker", async () => {
    const answer = await owner.request("GET", `/api/dossiers/${dossier}/compare?versions=${versions[0]},${versions[1]}`);
    expect(answer.status).toBe(200);
    expect((answer.body as { rows: unknown[] }).rows.length).toBeGreaterThan(1000);
  });
});
