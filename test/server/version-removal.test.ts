/*
 * Removing a version: owners may remove any version of their dossier, a drafter only the ones
 * they added, nobody else any. A removed version is gone everywhere at once: from the dossier,
 * from the comparisons kept in memory, and from the alignment overrides that named it. Its id
 * is never given again, in a new database or in one made before removal existed.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MIGRATIONS } from "../../server/storage/migrations";
import { SqliteStore } from "../../server/storage/sqlite-store";
import { addTextVersion, ApiClient, testServer, type TestServer } from "../support/server";
import { hold } from "../support/held";

let server: TestServer;
const users: Record<string, ApiClient> = {};
let dossier: number;

const TEXT = "Article 1\nSubject matter\nThis Regulation lays down rules.\n\nArticle 2\nThis Regulation enters into force.\n";

async function added(client: ApiClient, name: string): Promise<number> {
  const answer = await addTextVersion(client, dossier, name, TEXT);
  expect(answer.status).toBe(201);
  return answer.body.version.id;
}

const remove = (client: ApiClient, versionId: number | string) =>
  client.request("DELETE", `/api/dossiers/${dossier}/versions/${versionId}`);

async function versionsSeenBy(client: ApiClient): Promise<{ id: number; name: string; addedBy: string; removable: boolean }[]> {
  const answer = await client.request<{ dossier: { versions: { id: number; name: string; addedBy: string; removable: boolean }[] } }>(
    "GET",
    `/api/dossiers/${dossier}`,
  );
  return answer.body.dossier.versions.map(({ id, name, addedBy, removable }) => ({ id, name, addedBy, removable }));
}

beforeAll(async () => {
  server = await testServer();
  for (const name of ["commission", "parliament", "council", "ngo"]) users[name] = await new ApiClient(server.url).signIn(name);
  const created = await users.commission!.request<{ dossier: { id: number } }>("POST", "/api/dossiers", { title: "Removal test" });
  dossier = created.body.dossier.id;
  for (const [username, role] of [
    ["parliament", "drafter"],
    ["council", "drafter"],
    ["ngo", "commenter"],
  ])
    await users.commission!.request("PUT", `/api/dossiers/${dossier}/members`, { username, role });
});

afterAll(() => server.close());

describe("removing a version", () => {
  it("is open to owners for any version and to drafters for their own, and says who may when refused", async () => {
    const mine = await added(users.parliament!, "Parliament's own draft");
    const theirs = await added(users.council!, "Council's draft");
    const owners = await added(users.commission!, "Commission's text");

    const seen = await versionsSeenBy(users.parliament!);
    expect(seen.filter((v) => [mine, theirs, owners].includes(v.id))).toEqual([
      { id: mine, name: "Parliament's own draft", addedBy: "Parliament staffer (European Parliament)", removable: true },
      { id: theirs, name: "Council's draft", addedBy: "Council secretariat (Council of the European Union)", removable: false },
      { id: owners, name: "Commission's text", addedBy: "Commission policy officer (European Commission)", removable: false },
    ]);
    expect((await versionsSeenBy(users.commission!)).every((v) => v.removable)).toBe(true);
    expect((await versionsSeenBy(users.ngo!)).some((v) => v.removable)).toBe(false);

    const refused = await remove(users.parliament!, theirs);
    expect(refused.status).toBe(403);
    expect(refused.body).toEqual({
      error: {
        code: "forbidden",
        message: "a drafter may remove only the versions they added; Council secretariat (Council of the European Union) added this one",
      },
    });
    expect((await remove(users.ngo!, mine)).status).toBe(403);
    expect((await remove(new ApiClient(server.url), mine)).status).toBe(401);

    expect((await remove(users.parliament!, mine)).status).toBe(204);
    expect((await remove(users.commission!, theirs)).status).toBe(204);
    const left = (await versionsSeenBy(users.commission!)).map((v) => v.id);
    expect(left).toContain(owners);
    expect(left).not.toContain(mine);
    expect(left).not.toContain(theirs);
  });

  it("answers 404 for a version removed already, one of another dossier, or no id at all", async () => {
    const version = await added(users.commission!, "Removed twice");
    expect((await remove(users.commission!, version)).status).toBe(204);
    const again = await remove(users.commission!, version);
    expect([again.status, again.body]).toEqual([
      404,
      { error: { code: "not-found", message: `no version ${version} in dossier ${dossier}` } },
    ]);
    expect((await remove(users.commission!, "1e0")).status).toBe(404);
    const other = await users.commission!.request<{ dossier: { id: number } }>("POST", "/api/dossiers", { title: "Another dossier" });
    const elsewhere = (await addTextVersion(users.commission!, other.body.dossier.id, "Elsewhere", TEXT)).body.version.id;
    expect((await remove(users.commission!, elsewhere)).status).toBe(404);
    expect((await users.commission!.request("GET", `/api/dossiers/${other.body.dossier.id}/versions/${elsewhere}`)).status).toBe(200);
  });

  it("is not answered from memory afterwards: the version, and every comparison it was in, are gone", async () => {
    const kept = await added(users.commission!, "Kept");
    const gone = await added(users.commission!, "Gone");
    const compare = () => users.commission!.request("GET", `/api/dossiers/${dossier}/compare?versions=${kept},${gone}`);
    // Compared and read once, so that both are kept in the server's memory.
    expect((await compare()).status).toBe(200);
    expect((await users.commission!.request("GET", `/api/dossiers/${dossier}/versions/${gone}`)).status).toBe(200);

    expect((await remove(users.commission!, gone)).status).toBe(204);
    const comparison = await compare();
    expect([comparison.status, comparison.body]).toEqual([
      404,
      { error: { code: "not-found", message: `no version ${gone} in dossier ${dossier}` } },
    ]);
    expect((await users.commission!.request("GET", `/api/dossiers/${dossier}/versions/${gone}`)).status).toBe(404);
    expect((await users.commission!.request("GET", `/api/dossiers/${dossier}/versions/${kept}`)).status).toBe(200);
  });

  it("drops the alignment overrides that name the version, and keeps the others", async () => {
    const [a, b, c] = [await added(users.commission!, "A"), await added(users.commission!, "B"), await added(users.commission!, "C")];
    const pinAB = { kind: "pin", a: { version: a, eId: "art_1" }, b: { version: b, eId: "art_2" } };
    const separateAC = { kind: "separate", a: { version: a, eId: "art_1" }, b: { version: c, eId: "art_1" } };
    expect((await users.commission!.request("PUT", `/api/dossiers/${dossier}/overrides`, { overrides: [pinAB, separateAC] })).status).toBe(
      200,
    );
    expect((await remove(users.commission!, c)).status).toBe(204);
    const after = await users.commission!.request<{ dossier: { overrides: unknown[] } }>("GET", `/api/dossiers/${dossier}`);
    expect(after.body.dossier.overrides).toEqual([pinAB]);
  });

  it.each([
    ["before the worker that checks overrides reads it", "before"],
    ["after the worker has read it, before the overrides are written", "after"],
  ] as const)("is not undone by overrides that name it, saved while it was being removed: %s", async (_when, when) => {
    const [a, b] = [await added(users.commission!, `Pinned A ${when}`), await added(users.commission!, `Pinned B ${when}`)];
    // The save is held where it waits for the worker, while the version is removed.
    const checking = hold(server.services.versionViews, "provisions", when);
    try {
      const pin = { kind: "pin", a: { version: a, eId: "art_1" }, b: { version: b, eId: "art_2" } };
      const saving = users.commission!.request("PUT", `/api/dossiers/${dossier}/overrides`, { overrides: [pin] });
      await checking.reached();
      expect((await remove(users.commission!, b)).status).toBe(204);
      checking.release();
      const saved = await saving;
      expect([saved.status, saved.body]).toEqual([
        409,
        {
          error: {
            code: "versions-removed",
            message: `the overrides name versions removed while they were being checked (${b}); nothing was saved: load the dossier again and redo your change`,
          },
        },
      ]);
    } finally {
      checking.restore();
    }
    const after = await users.commission!.request<{ dossier: { overrides: { a: { version: number }; b: { version: number } }[] } }>(
      "GET",
      `/api/dossiers/${dossier}`,
    );
    expect(after.body.dossier.overrides.filter((o) => o.a.version === b || o.b.version === b)).toEqual([]);
  });

  it("never gives a removed version's id to a new one", async () => {
    const last = await added(users.commission!, "The latest version");
    expect((await remove(users.commission!, last)).status).toBe(204);
    expect(await added(users.commission!, "A new version")).toBeGreaterThan(last);
  });
});

describe("a database made before versions could be removed", () => {
  it("keeps its versions, and from then on never gives a removed version's id again", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "synopsis-migration-")), "synopsis.db");
    const old = new Database(file);
    old.exec(MIGRATIONS[0]!);
    old.pragma("user_version = 1");
    old.exec(`
      INSERT INTO organisations (id, name) VALUES (1, 'European Commission');
      INSERT INTO users (id, username, display_name, organisation_id, password_hash) VALUES (1, 'commission', 'Commission', 1, 'x');
      INSERT INTO dossiers (id, title) VALUES (1, 'Dual-use');
      INSERT INTO versions (id, dossier_id, name, stage, format, summary, document, created_by, created_at) VALUES
        (1, 1, 'Proposal', 'Commission proposal', 'akn', '{}', '{"type":"doc"}', 1, '2026-01-01T00:00:00.000Z'),
        (2, 1, 'Regulation', 'adopted act', 'formex', '{}', '{"type":"doc"}', 1, '2026-01-02T00:00:00.000Z');
    `);
    old.close();

    const store = new SqliteStore(file);
    try {
      expect((await store.versions(1)).map((v) => [v.id, v.name, v.createdAt, v.createdByName])).toEqual([
        [1, "Proposal", "2026-01-01T00:00:00.000Z", "Commission (European Commission)"],
        [2, "Regulation", "2026-01-02T00:00:00.000Z", "Commission (European Commission)"],
      ]);
      expect(await store.versionDocument(1, 2)).toBe('{"type":"doc"}');
      expect(await store.removeVersion(1, 2)).toBe(true);
      const next = await store.addVersion({
        dossierId: 1,
        name: "Compromise",
        stage: "compromise",
        format: "text",
        summary: "{}",
        document: '{"type":"doc"}',
        createdBy: 1,
      });
      expect(next).toBe(3);
      // A name already taken in the dossier, in any case, stores nothing, in one statement.
      const twin = { dossierId: 1, name: "COMPROMISE", stage: "compromise", format: "text", summary: "{}", document: "{}", createdBy: 1 };
      expect(await store.addVersion(twin)).toBeNull();
      // In every script, not only A to Z.
      expect(await store.addVersion({ ...twin, name: "Ärzte" })).not.toBeNull();
      expect(await store.addVersion({ ...twin, name: "äRZTE" })).toBeNull();
      expect((await store.versions(1)).map((v) => v.name)).toEqual(["Proposal", "Compromise", "Ärzte"]);
    } finally {
      store.close();
    }
  });
});
