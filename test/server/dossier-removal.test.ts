/*
 * Removing a dossier: its owner alone may, and it goes with its versions, members and alignment
 * corrections; the pages open on it are told who removed it, and nothing of another dossier moves.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { MIGRATIONS } from "../../server/storage/migrations";
import { SqliteStore } from "../../server/storage/sqlite-store";
import { io, type Socket } from "socket.io-client";
import type { ClientEvents, ServerEvents, SocketAnswer } from "../../shared/protocol/socket";
import { addTextVersion, ApiClient, dossierId, testServer, type TestServer } from "../support/server";

let server: TestServer;
const users: Record<string, ApiClient> = {};
const sockets: Socket[] = [];

beforeAll(async () => {
  server = await testServer();
  for (const name of ["commission", "parliament", "council", "ngo"]) users[name] = await new ApiClient(server.url).signIn(name);
});

afterAll(async () => {
  for (const s of sockets) s.close();
  await server.close();
});

/** A restricted dossier of the Commission's, with a version, a drafter and a commenter. */
async function madeDossier(title: string): Promise<{ id: number; version: number }> {
  const created = await users.commission!.request<{ dossier: { id: number } }>("POST", "/api/dossiers", { title, restricted: true });
  const id = created.body.dossier.id;
  await users.commission!.request("PUT", `/api/dossiers/${id}/members`, { username: "parliament", role: "drafter" });
  await users.commission!.request("PUT", `/api/dossiers/${id}/members`, { username: "ngo", role: "commenter" });
  const added = await addTextVersion(users.commission!, id, "Draft", "Article 1\nExporters shall notify the authority.\n");
  return { id, version: added.body.version.id };
}

/** How many rows of a table belong to a dossier, read from the database itself. */
function rowsOf(table: string, dossier: number): number {
  const db = new Database(join(server.dataDir, "synopsis.db"), { readonly: true });
  try {
    return (db.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE dossier_id = ?`).get(dossier) as { n: number }).n;
  } finally {
    db.close();
  }
}

describe("removing a dossier", () => {
  it("is for its owners: a drafter and a commenter are refused, someone who may not know of it is told there is none", async () => {
    const { id } = await madeDossier("Kept by its owner");
    const drafter = await users.parliament!.request<{ error: { code: string; message: string } }>("DELETE", `/api/dossiers/${id}`);
    expect([drafter.status, drafter.body.error.code]).toEqual([403, "forbidden"]);
    expect(drafter.body.error.message).toContain("remove it");
    expect((await users.ngo!.request("DELETE", `/api/dossiers/${id}`)).status).toBe(403);
    expect((await users.council!.request("DELETE", `/api/dossiers/${id}`)).status).toBe(404);
    expect((await users.commission!.request("GET", `/api/dossiers/${id}`)).status).toBe(200);
  });

  it("takes its versions, members and corrections with it, and leaves the others' dossiers as they were", async () => {
    const { id, version } = await madeDossier("Made by mistake");
    const other = await madeDossier("Kept");
    expect((await users.commission!.request("PUT", `/api/dossiers/${id}/overrides`, { overrides: [] })).status).toBe(200);
    expect([rowsOf("versions", id), rowsOf("members", id), rowsOf("alignment_overrides", id)]).toEqual([1, 3, 1]);
    expect((await users.commission!.request("DELETE", `/api/dossiers/${id}`)).status).toBe(204);
    expect((await users.commission!.request("GET", `/api/dossiers/${id}`)).status).toBe(404);
    expect((await users.commission!.request("GET", `/api/dossiers/${id}/versions/${version}`)).status).toBe(404);
    expect((await users.commission!.request("DELETE", `/api/dossiers/${id}`)).status).toBe(404);
    const listed = await users.parliament!.request<{ dossiers: { id: number }[] }>("GET", "/api/dossiers");
    expect(listed.body.dossiers.map((d) => d.id)).not.toContain(id);
    expect(listed.body.dossiers.map((d) => d.id)).toContain(other.id);
    expect([rowsOf("versions", id), rowsOf("members", id), rowsOf("alignment_overrides", id)]).toEqual([0, 0, 0]);
    expect([rowsOf("versions", other.id), rowsOf("members", other.id)]).toEqual([1, 3]);
    // The demonstration dossiers are untouched.
    expect(await dossierId(users.commission!, "Dual-use")).toBeGreaterThan(0);
  });

  it("never gives its number to another dossier: pages, uploads in flight and rooms name a dossier by it", async () => {
    const { id } = await madeDossier("The newest, removed");
    expect((await users.commission!.request("DELETE", `/api/dossiers/${id}`)).status).toBe(204);
    const next = await madeDossier("Made after it");
    expect(next.id).toBeGreaterThan(id);
    expect((await users.commission!.request("DELETE", `/api/dossiers/${id}`)).status).toBe(404);
  });

  it("tells the pages open on it who removed it", async () => {
    const { id } = await madeDossier("Removed while read");
    const socket: Socket<ServerEvents, ClientEvents> = io(server.url, {
      transports: ["websocket"],
      extraHeaders: { cookie: users.ngo!.cookie },
      reconnection: false,
    });
    sockets.push(socket);
    await new Promise<void>((resolve, reject) => {
      socket.on("connect", resolve);
      socket.on("connect_error", reject);
    });
    expect(await new Promise<SocketAnswer>((resolve) => socket.emit("dossier:join", { dossierId: id }, resolve))).toEqual({ ok: true });
    const removed = new Promise((resolve) => socket.on("dossier:removed", resolve));
    expect((await users.commission!.request("DELETE", `/api/dossiers/${id}`)).status).toBe(204);
    const me = (await users.commission!.request<{ user: { id: number } }>("GET", "/api/session")).body.user;
    expect(await removed).toEqual({ dossierId: id, userId: me.id, by: "Commission policy officer" });
  });
});

describe("a database made before dossiers could be removed", () => {
  it("keeps its dossiers, and from then on never gives a removed dossier's number again", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "synopsis-migration-")), "synopsis.db");
    const old = new Database(file);
    for (const sql of MIGRATIONS.slice(0, 2)) old.exec(sql);
    old.pragma("user_version = 2");
    old.exec(`
      INSERT INTO organisations (id, name) VALUES (1, 'European Commission');
      INSERT INTO users (id, username, display_name, organisation_id, password_hash) VALUES (1, 'commission', 'Commission', 1, 'x');
      INSERT INTO dossiers (id, title) VALUES (1, 'Dual-use'), (2, 'ePrivacy');
      INSERT INTO members (dossier_id, user_id, role) VALUES (1, 1, 'owner'), (2, 1, 'owner');
    `);
    old.close();

    const store = new SqliteStore(file);
    try {
      expect((await store.dossiersVisibleTo(1)).map((d) => [d.id, d.title, d.role])).toEqual([
        [1, "Dual-use", "owner"],
        [2, "ePrivacy", "owner"],
      ]);
      const third = await store.createDossier({ title: "Third", procedure: null, restricted: false }, 1);
      expect(third).toBe(3);
      expect(await store.removeDossier(third)).toBe(true);
      expect(await store.createDossier({ title: "Fourth", procedure: null, restricted: false }, 1)).toBe(4);
    } finally {
      store.close();
    }
  });
});
