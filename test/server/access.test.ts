/*
 * The access matrix: every role and a non-member on every dossier route, against a real server.
 * A restricted (LIMITE) dossier does not exist for non-members: they get the same 404 as for a
 * dossier that does not exist, so the NGO user cannot learn that the Council's dossier exists.
 */
import { readFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIXTURES } from "../support/fixtures";
import { ApiClient, dossierId, testServer, type TestServer } from "../support/server";
import { hold } from "../support/held";

let server: TestServer;
const users: Record<string, ApiClient> = {};
let testDossier: number;
let versionIds: number[];
let limite: number;
let ePrivacy: number;

/** Versions added so far: each takes a name of its own, as a dossier's versions must. */
let added = 0;

function akn(file: string): FormData {
  const form = new FormData();
  form.set("file", new Blob([readFileSync(join(FIXTURES, "dual-use", file))]), file);
  form.set("name", `${file} (${++added})`);
  form.set("stage", "other");
  return form;
}

beforeAll(async () => {
  server = await testServer();
  for (const name of ["commission", "parliament", "council", "ngo"]) users[name] = await new ApiClient(server.url).signIn(name);
  const created = await users.commission!.request<{ dossier: { id: number } }>("POST", "/api/dossiers", {
    title: "Access test",
    restricted: true,
  });
  testDossier = created.body.dossier.id;
  for (const [username, role] of [
    ["parliament", "drafter"],
    ["ngo", "commenter"],
    ["council", "reader"],
  ]) {
    await users.commission!.request("PUT", `/api/dossiers/${testDossier}/members`, { username, role });
  }
  versionIds = [];
  for (const file of ["commission-proposal-2016.akn.xml", "council-mandate-2019.akn.xml"]) {
    const answer = await users.commission!.request<{ version: { id: number } }>("POST", `/api/dossiers/${testDossier}/versions`, akn(file));
    versionIds.push(answer.body.version.id);
  }
  limite = await dossierId(users.council!, "Council working party");
  ePrivacy = await dossierId(users.commission!, "ePrivacy");
});

afterAll(() => server.close());

/** Every dossier route, each with what it takes to call it. */
function routes(id: number, [v1, v2]: number[]) {
  return {
    "read the dossier": () => ["GET", `/api/dossiers/${id}`] as const,
    "read a version as JSON": () => ["GET", `/api/dossiers/${id}/versions/${v1}`] as const,
    "read a version as Akoma Ntoso": () => ["GET", `/api/dossiers/${id}/versions/${v1}?format=akn`] as const,
    compare: () => ["GET", `/api/dossiers/${id}/compare?versions=${v1},${v2}`] as const,
    "save overrides": () => ["PUT", `/api/dossiers/${id}/overrides`, { overrides: [] }] as const,
    "add a version": () => ["POST", `/api/dossiers/${id}/versions`, akn("regulation-2021-821.akn.xml")] as const,
    "manage members": () => ["PUT", `/api/dossiers/${id}/members`, { username: "council", role: "reader" }] as const,
    "remove a member": () => ["DELETE", `/api/dossiers/${id}/members/council`] as const,
  };
}

type RouteName = keyof ReturnType<typeof routes>;

/** What a commenter, a reader and a non-member of an open dossier may do. */
const READ_AND_COMPARE_ONLY: Record<RouteName, number> = {
  "read the dossier": 200,
  "read a version as JSON": 200,
  "read a version as Akoma Ntoso": 200,
  compare: 200,
  "save overrides": 403,
  "add a version": 403,
  "manage members": 403,
  "remove a member": 403,
};

async function statuses(client: ApiClient, id: number, versions: number[]): Promise<Record<RouteName, number>> {
  const out = {} as Record<RouteName, number>;
  for (const [name, route] of Object.entries(routes(id, versions)) as [RouteName, () => readonly [string, string, unknown?]][]) {
    const [method, path, body] = route();
    out[name] = (await client.request(method, path, body)).status;
    if (name === "remove a member" && out[name] === 204)
      await users.commission!.request("PUT", `/api/dossiers/${id}/members`, { username: "council", role: "reader" });
  }
  return out;
}

const CREDENTIALS = ["commission", "parliament", "council", "ngo"].map((username) => ({ username, password: "demo" }));

describe("ids in paths", () => {
  it("are digits alone: 1e0, 0x1 or an id with a space name no dossier", async () => {
    const real = await users.ngo!.request("GET", `/api/dossiers/${ePrivacy}`);
    expect(real.status).toBe(200);
    for (const written of [`${ePrivacy}e0`, `0x${ePrivacy.toString(16)}`, `%20${ePrivacy}`, `${ePrivacy}.0`])
      expect((await users.ngo!.request("GET", `/api/dossiers/${written}`)).status).toBe(404);
  });
});

describe("the access matrix of a restricted dossier", () => {
  it("lets the owner do everything", async () => {
    expect(await statuses(users.commission!, testDossier, versionIds)).toEqual({
      "read the dossier": 200,
      "read a version as JSON": 200,
      "read a version as Akoma Ntoso": 200,
      compare: 200,
      "save overrides": 200,
      "add a version": 201,
      "manage members": 200,
      "remove a member": 204,
    });
  });

  it("lets a drafter read, compare, add versions and save overrides, but not manage members", async () => {
    expect(await statuses(users.parliament!, testDossier, versionIds)).toEqual({
      "read the dossier": 200,
      "read a version as JSON": 200,
      "read a version as Akoma Ntoso": 200,
      compare: 200,
      "save overrides": 200,
      "add a version": 201,
      "manage members": 403,
      "remove a member": 403,
    });
  });

  it("tells an owner who removes someone not in the dossier that they are not, instead of answering as done", async () => {
    const answer = await users.commission!.request<{ error: { code: string; message: string } }>(
      "DELETE",
      `/api/dossiers/${ePrivacy}/members/council`,
    );
    expect(answer.status).toBe(404);
    expect(answer.body.error).toEqual({ code: "not-found", message: "council is not a member of this dossier" });
  });

  it.each([
    ["commenter", "ngo"],
    ["reader", "council"],
  ])("lets a %s read and compare only", async (_, user) => {
    expect(await statuses(users[user]!, testDossier, versionIds)).toEqual(READ_AND_COMPARE_ONLY);
  });
});

describe("non-members", () => {
  it("find nothing of a restricted dossier: every route answers as for a dossier that does not exist", async () => {
    const versions = (
      await users.council!.request<{ dossier: { versions: { id: number }[] } }>("GET", `/api/dossiers/${limite}`)
    ).body.dossier.versions.map((v) => v.id);
    for (const outsider of ["ngo", "parliament", "commission"]) {
      const seen = await statuses(users[outsider]!, limite, [versions[0]!, versions[0]!]);
      expect(Object.values(seen).every((s) => s === 404)).toBe(true);
    }
    const real = await users.ngo!.request<{ error: { code: string } }>("GET", `/api/dossiers/${limite}`);
    const missing = await users.ngo!.request<{ error: { code: string } }>("GET", `/api/dossiers/999999`);
    expect(real.body.error.code).toBe(missing.body.error.code);
    expect(real.text.replace(String(limite), "N")).toBe(missing.text.replace("999999", "N"));
  });

  it("do not see a restricted dossier in their list", async () => {
    const list = await users.ngo!.request<{ dossiers: { title: string }[] }>("GET", "/api/dossiers");
    expect(list.body.dossiers.map((d) => d.title)).not.toContain("Council working party: dual-use compromise (LIMITE)");
    expect(list.body.dossiers.some((d) => d.title.startsWith("Dual-use"))).toBe(true);
  });

  it("may read and compare an open dossier, and do nothing else", async () => {
    const versions = (
      await users.commission!.request<{ dossier: { versions: { id: number }[] } }>("GET", `/api/dossiers/${ePrivacy}`)
    ).body.dossier.versions.map((v) => v.id);
    expect(await statuses(users.parliament!, ePrivacy, versions)).toEqual(READ_AND_COMPARE_ONLY);
  });
});

describe("without a session", () => {
  it("every route answers 401", async () => {
    const anonymous = new ApiClient(server.url);
    const seen = await statuses(anonymous, testDossier, versionIds);
    expect(Object.values(seen).every((s) => s === 401)).toBe(true);
    expect((await anonymous.request("GET", "/api/dossiers")).status).toBe(401);
    expect((await anonymous.request("GET", "/api/session")).status).toBe(401);
  });

  it("a wrong password is refused as a wrong name is, with the same words", async () => {
    const a = await new ApiClient(server.url).request("POST", "/api/session", { username: "ngo", password: "wrong" });
    const b = await new ApiClient(server.url).request("POST", "/api/session", { username: "nobody", password: "wrong" });
    expect([a.status, b.status]).toEqual([401, 401]);
    expect(a.text).toBe(b.text);
  });

  it("many people signing in from one address are not held back: only failed attempts count towards the limit", async () => {
    // The limit is 30 failed attempts a quarter of an hour; the other tests here sign in a dozen times.
    for (let k = 0; k < 32; k++)
      expect((await new ApiClient(server.url).request("POST", "/api/session", CREDENTIALS[k % 4]!)).status).toBe(201);
  });

  it("logging out ends the session", async () => {
    const client = await new ApiClient(server.url).signIn("ngo");
    const cookie = client.cookie;
    expect((await client.request("DELETE", "/api/session")).status).toBe(204);
    client.cookie = cookie;
    expect((await client.request("GET", "/api/session")).status).toBe(401);
  });
});

describe("a server listening on this machine alone", () => {
  /** A request with the Host header given: fetch keeps the Host it makes itself. */
  const asked = (path: string, host: string, body?: string) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = httpRequest(
        `${server.url}${path}`,
        {
          method: body === undefined ? "GET" : "POST",
          headers: { host, ...(body === undefined ? {} : { "content-type": "application/json", origin: `http://${host}` }) },
        },
        (response) => {
          let text = "";
          response.setEncoding("utf8").on("data", (chunk: string) => (text += chunk));
          response.on("end", () => resolve({ status: response.statusCode!, body: text }));
        },
      );
      request.on("error", reject);
      request.end(body);
    });

  it("answers to the names of this machine", async () => {
    const port = new URL(server.url).port;
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`, `localhost.:${port}`, `[::ffff:127.0.0.1]:${port}`])
      expect((await asked("/api/dossiers", host)).status).toBe(401);
  });

  it("refuses a page of another site whose name points here (DNS rebinding), before anything is read or signed in", async () => {
    const port = new URL(server.url).port;
    const signIn = await asked("/api/session", `rebind.attacker.example:${port}`, JSON.stringify(CREDENTIALS[0]));
    expect([signIn.status, JSON.parse(signIn.body)]).toEqual([
      403,
      {
        error: {
          code: "host-not-allowed",
          message: "this server answers to localhost, 127.0.0.1, [::1] only (ALLOWED_HOSTS)",
        },
      },
    ]);
    expect((await asked("/", `127.0.0.1.attacker.example:${port}`)).status).toBe(403);
  });

  it("answers to the names ALLOWED_HOSTS gives too, as a proxy in front of it passes them on", async () => {
    const proxied = await testServer({ env: { ALLOWED_HOSTS: "synopsis.example.org" } });
    try {
      const port = new URL(proxied.url).port;
      const answer = (host: string) =>
        new Promise<number>((resolve, reject) =>
          httpRequest(`${proxied.url}/api/dossiers`, { headers: { host } }, (response) => resolve(response.resume().statusCode!))
            .on("error", reject)
            .end(),
        );
      expect([await answer("synopsis.example.org"), await answer(`localhost:${port}`), await answer("attacker.example")]).toEqual([
        401, 401, 403,
      ]);
    } finally {
      await proxied.close();
    }
  });
});

describe("a drafter removed while their file is read", () => {
  it("is refused before the version is stored, and nothing is stored", async () => {
    const owner = users.commission!;
    const { id } = (await owner.request<{ dossier: { id: number } }>("POST", "/api/dossiers", { title: "Removed while reading" })).body
      .dossier;
    expect((await owner.request("PUT", `/api/dossiers/${id}/members`, { username: "parliament", role: "drafter" })).status).toBe(200);
    // The file's reading is held until the drafter has been removed.
    const reading = hold(server.services.imports, "read");
    try {
      const form = new FormData();
      form.set("file", new Blob(["Article 1\nThe exporter shall apply.\n"]), "late.txt");
      form.set("name", "Late");
      const sending = users.parliament!.request<{ error: { code: string; message: string } }>("POST", `/api/dossiers/${id}/versions`, form);
      await reading.reached();
      expect((await owner.request("DELETE", `/api/dossiers/${id}/members/parliament`)).status).toBe(204);
      reading.release();
      const sent = await sending;
      expect([sent.status, sent.body.error]).toEqual([
        403,
        {
          code: "forbidden",
          message:
            "your role in this dossier (not a member) does not allow you to add versions, since the file was sent: nothing was stored",
        },
      ]);
    } finally {
      reading.restore();
    }
    expect((await owner.request<{ dossier: { versions: unknown[] } }>("GET", `/api/dossiers/${id}`)).body.dossier.versions).toEqual([]);
  });
});
