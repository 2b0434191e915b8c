/*
 * A version sent as a file (GET …/versions/:vid?format=akn) is saved under the version's name,
 * without the characters file systems refuse, and not under the last part of its address.
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

describe("a version's Akoma Ntoso", () => {
  it("is a file named after the version, its name's slashes and colons made dashes, its accents kept", async () => {
    const { id } = (await owner.request<{ dossier: { id: number } }>("POST", "/api/dossiers", { title: "Files" })).body.dossier;
    const text = "Article 1\nThis Regulation lays down rules.\n";
    const mandate = (await addTextVersion(owner, id, "Council: mandate 2019/12", text)).body.version.id;
    const position = (await addTextVersion(owner, id, "Position du Parlement européen", text)).body.version.id;
    const first = await owner.request("GET", `/api/dossiers/${id}/versions/${mandate}?format=akn`);
    expect([first.status, first.headers.get("content-type")]).toEqual([200, "application/akn+xml; charset=utf-8"]);
    expect(first.headers.get("content-disposition")).toBe('attachment; filename="Council - mandate 2019-12.akn.xml"');
    expect(first.text).toMatch(/^<\?xml/);
    const second = await owner.request("GET", `/api/dossiers/${id}/versions/${position}?format=akn`);
    expect(second.headers.get("content-disposition")).toBe(
      "attachment; filename=\"Position du Parlement europ?en.akn.xml\"; filename*=UTF-8''Position%20du%20Parlement%20europ%C3%A9en.akn.xml",
    );
  });
});
