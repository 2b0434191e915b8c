/*
 * A request carries the fields its route takes and no others: a field of another name (a
 * misspelling, most often) is refused with its name and the fields there are, and nothing is
 * stored, where ignoring it would store something else than was meant. So with the parameters
 * of a query, where ignoring one would answer something else than was asked.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addTextVersion, ApiClient, testServer, type TestServer } from "../support/server";

let server: TestServer;
let owner: ApiClient;

beforeAll(async () => {
  server = await testServer();
  owner = await new ApiClient(server.url).signIn("commission");
});

afterAll(() => server.close());

const titles = async () =>
  (await owner.request<{ dossiers: { title: string }[] }>("GET", "/api/dossiers")).body.dossiers.map((d) => d.title);

describe("a field the route does not take", () => {
  it("refuses a dossier whose restriction is misspelt, rather than make it open to all", async () => {
    const refused = await owner.request("POST", "/api/dossiers", { title: "LIMITE working party notes", restriced: true });
    expect([refused.status, refused.body]).toEqual([
      400,
      {
        error: {
          code: "invalid-request",
          message: 'unknown field "restriced": the fields here are title, procedure, restricted',
        },
      },
    ]);
    expect(await titles()).not.toContain("LIMITE working party notes");
  });

  it("refuses a sign-in with fields it does not know, naming them all", async () => {
    const refused = await new ApiClient(server.url).request("POST", "/api/session", {
      username: "commission",
      password: "demo",
      remember: true,
      admin: true,
    });
    expect([refused.status, refused.body]).toEqual([
      400,
      { error: { code: "invalid-request", message: 'unknown fields "remember", "admin": the fields here are username, password' } },
    ]);
  });

  it("refuses an alignment correction with a field inside it, saying where, and keeps the corrections as they were", async () => {
    const { id } = (await owner.request<{ dossier: { id: number } }>("POST", "/api/dossiers", { title: "Corrections" })).body.dossier;
    const text = "Article 1\nThis Regulation lays down rules.\n";
    const [a, b] = [
      (await addTextVersion(owner, id, "Proposal", text)).body.version.id,
      (await addTextVersion(owner, id, "Mandate", text)).body.version.id,
    ];
    const refused = await owner.request("PUT", `/api/dossiers/${id}/overrides`, {
      overrides: [{ kind: "pin", a: { version: a, eId: "art_1", label: "Article 1" }, b: { version: b, eId: "art_1" } }],
    });
    expect([refused.status, refused.body]).toEqual([
      400,
      { error: { code: "invalid-request", message: 'overrides.0.a: unknown field "label": the fields here are version, eId' } },
    ]);
    expect((await owner.request<{ dossier: { overrides: unknown[] } }>("GET", `/api/dossiers/${id}`)).body.dossier.overrides).toEqual([]);
  });

  it("refuses an upload with a field of the form misspelt, and stores no version", async () => {
    const { id } = (await owner.request<{ dossier: { id: number } }>("POST", "/api/dossiers", { title: "Uploads" })).body.dossier;
    const form = new FormData();
    form.set("file", new Blob(["Article 1\nWords.\n"]), "proposal.txt");
    form.set("name", "Proposal");
    form.set("stag", "Commission proposal");
    const refused = await owner.request("POST", `/api/dossiers/${id}/versions`, form);
    expect([refused.status, refused.body]).toEqual([
      400,
      { error: { code: "invalid-request", message: 'unknown field "stag": the fields here are name, stage, format' } },
    ]);
    expect((await owner.request<{ dossier: { versions: unknown[] } }>("GET", `/api/dossiers/${id}`)).body.dossier.versions).toEqual([]);
  });
});

describe("a query parameter the route does not take", () => {
  it("refuses a comparison whose reference is misspelt, rather than compare against the first column", async () => {
    const { id } = (await owner.request<{ dossier: { id: number } }>("POST", "/api/dossiers", { title: "Queries" })).body.dossier;
    const [a, b] = [
      (await addTextVersion(owner, id, "Proposal", "Article 1\nThis Regulation lays down rules.\n")).body.version.id,
      (await addTextVersion(owner, id, "Mandate", "Article 1\nThis Regulation lays down the rules.\n")).body.version.id,
    ];
    const refused = await owner.request("GET", `/api/dossiers/${id}/compare?versions=${a},${b}&Ref=${b}`);
    expect([refused.status, refused.body]).toEqual([
      400,
      { error: { code: "invalid-request", message: 'unknown query parameter "Ref": the query parameters here are versions, ref' } },
    ]);
    expect(await owner.request("GET", `/api/dossiers/${id}/compare?versions=${a},${b}&ref=${b}`)).toMatchObject({
      status: 200,
      body: { ref: 1 },
    });
    const version = await owner.request("GET", `/api/dossiers/${id}/versions/${a}?formt=akn`);
    expect([version.status, version.body]).toEqual([
      400,
      { error: { code: "invalid-request", message: 'unknown query parameter "formt": the query parameters here are format' } },
    ]);
    const format = await owner.request("GET", `/api/dossiers/${id}/versions/${a}?format=pdf`);
    expect([format.status, format.body]).toEqual([
      400,
      { error: { code: "invalid-request", message: 'format: format must be json or akn, not "pdf"' } },
    ]);
  });
});
