/*
 * The embedded store: SQLite through better-sqlite3, one file in the data folder, in WAL mode,
 * with the migrations run on open. Versions are immutable once added: there is no update, only
 * removal, and a removed version's id is never given again.
 */
import { chmodSync, closeSync, existsSync, openSync, statSync } from "node:fs";
import Database from "better-sqlite3";
import { sameOverrides, versionNameKey, type Overrides, type Role } from "../../shared/protocol/api";
import { MIGRATIONS } from "./migrations";
import {
  type DossierRecord,
  type MemberRecord,
  type NewVersion,
  type OverridesSaved,
  type Store,
  type SessionRenewal,
  type UserRecord,
  type VersionRecord,
} from "./store";

interface UserRow {
  id: number;
  username: string;
  display_name: string;
  organisation: string;
  password_hash: string;
}

interface DossierRow {
  id: number;
  title: string;
  procedure: string | null;
  restricted: number;
}

function user(row: UserRow | undefined): UserRecord | null {
  return row
    ? { id: row.id, username: row.username, displayName: row.display_name, organisation: row.organisation, passwordHash: row.password_hash }
    : null;
}

function dossier(row: DossierRow): DossierRecord {
  return { id: row.id, title: row.title, procedure: row.procedure, restricted: row.restricted === 1 };
}

const USER_SELECT = `SELECT u.id, u.username, u.display_name, o.name AS organisation, u.password_hash FROM users u JOIN organisations o ON o.id = u.organisation_id`;
const VERSION_SELECT = `SELECT v.id, v.dossier_id AS dossierId, v.name, v.stage, v.format, v.summary, v.created_at AS createdAt,
  v.created_by AS createdBy, u.display_name || ' (' || o.name || ')' AS createdByName
  FROM versions v JOIN users u ON u.id = v.created_by JOIN organisations o ON o.id = u.organisation_id`;

export class SqliteStore implements Store {
  private readonly db: Database.Database;

  constructor(file: string) {
    // Made readable by its owner alone: it holds restricted dossiers' texts and password hashes.
    // SQLite gives its journal files the database file's permissions.
    // A database made before it was so, by this user, is made so too.
    if (file !== ":memory:") {
      if (!existsSync(file)) closeSync(openSync(file, "a", 0o600));
      for (const made of [file, `${file}-wal`, `${file}-shm`]) {
        if (!existsSync(made)) continue;
        const { mode, uid } = statSync(made);
        if ((mode & 0o077) !== 0 && uid === process.getuid?.()) chmodSync(made, mode & 0o700);
      }
    }
    this.db = new Database(file);
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("foreign_keys = ON");
    this.db.pragma("busy_timeout = 5000");
    // A version name's key (capitals, spacing and characters of no width aside), as JavaScript
    // folds case, for every script: SQLite's NOCASE folds A to Z alone. No index is built on it.
    this.db.function("fold", { deterministic: true }, (text: unknown) => versionNameKey(String(text)));
    this.migrate();
  }

  private migrate(): void {
    const done = this.db.pragma("user_version", { simple: true }) as number;
    if (done > MIGRATIONS.length) {
      throw new Error(
        `the database has schema version ${done}, newer than this Synopsis knows (${MIGRATIONS.length}); use a newer Synopsis`,
      );
    }
    MIGRATIONS.slice(done).forEach((sql, i) => {
      this.db.transaction(() => {
        this.db.exec(sql);
        this.db.pragma(`user_version = ${done + i + 1}`);
      })();
    });
  }

  async addAccount(a: { username: string; displayName: string; organisation: string; passwordHash: string }): Promise<number | null> {
    return this.db.transaction(() => {
      if (this.db.prepare("SELECT 1 FROM users WHERE username = ?").get(a.username) !== undefined) return null;
      const found = this.db.prepare("SELECT id FROM organisations WHERE name = ?").get(a.organisation) as { id: number } | undefined;
      const organisationId =
        found?.id ?? Number(this.db.prepare("INSERT INTO organisations (name) VALUES (?)").run(a.organisation).lastInsertRowid);
      const result = this.db
        .prepare("INSERT INTO users (username, display_name, organisation_id, password_hash) VALUES (?, ?, ?, ?)")
        .run(a.username, a.displayName, organisationId, a.passwordHash);
      return Number(result.lastInsertRowid);
    })();
  }

  async setPassword(username: string, passwordHash: string, options: { readonly expected?: string } = {}): Promise<number | null> {
    return this.passwordSet(username, passwordHash, options.expected, null)?.ended ?? null;
  }

  async changePassword(
    username: string,
    passwordHash: string,
    expected: string,
    renewal: SessionRenewal,
  ): Promise<{ readonly ended: number; readonly renewed: boolean } | null> {
    return this.passwordSet(username, passwordHash, expected, renewal);
  }

  /**
   * A new password, in one transaction with the end of the account's sessions, but the one
   * `renewal` names, which goes on under its new token. Immediate: it reads before it writes,
   * and a write of the server's in between would make it fail rather than wait.
   */
  private passwordSet(
    username: string,
    passwordHash: string,
    expected: string | undefined,
    renewal: SessionRenewal | null,
  ): { readonly ended: number; readonly renewed: boolean } | null {
    return this.db
      .transaction(() => {
        const found = this.db.prepare("SELECT id, password_hash FROM users WHERE username = ?").get(username) as
          { id: number; password_hash: string } | undefined;
        if (found === undefined || (expected !== undefined && found.password_hash !== expected)) return null;
        const now = new Date().toISOString();
        // The session that goes on must still be open: else nothing changes, and its person signs in again.
        if (
          renewal !== null &&
          this.db
            .prepare("UPDATE sessions SET token_hash = ?, expires_at = ? WHERE token_hash = ? AND user_id = ? AND expires_at > ?")
            .run(renewal.newTokenHash, renewal.expiresAt.toISOString(), renewal.tokenHash, found.id, now).changes === 0
        )
          return { ended: 0, renewed: false };
        this.db.prepare("UPDATE users SET password_hash = ? WHERE id = ?").run(passwordHash, found.id);
        const keep = renewal?.newTokenHash ?? null;
        // Expired sessions go too, uncounted: they were over already.
        const open = this.db
          .prepare("SELECT COUNT(*) AS n FROM sessions WHERE user_id = ? AND expires_at > ? AND token_hash IS NOT ?")
          .get(found.id, now, keep) as { n: number };
        this.db.prepare("DELETE FROM sessions WHERE user_id = ? AND token_hash IS NOT ?").run(found.id, keep);
        return { ended: open.n, renewed: renewal !== null };
      })
      .immediate();
  }

  async userByName(username: string): Promise<UserRecord | null> {
    return user(this.db.prepare(`${USER_SELECT} WHERE u.username = ?`).get(username) as UserRow | undefined);
  }

  async userById(id: number): Promise<UserRecord | null> {
    return user(this.db.prepare(`${USER_SELECT} WHERE u.id = ?`).get(id) as UserRow | undefined);
  }

  async createSession(tokenHash: string, userId: number, expiresAt: Date, passwordHash: string): Promise<boolean> {
    return this.db.transaction(() => {
      this.db.prepare("DELETE FROM sessions WHERE expires_at <= ?").run(new Date().toISOString());
      const opened = this.db
        .prepare("INSERT INTO sessions (token_hash, user_id, expires_at) SELECT ?, id, ? FROM users WHERE id = ? AND password_hash = ?")
        .run(tokenHash, expiresAt.toISOString(), userId, passwordHash);
      return opened.changes === 1;
    })();
  }

  async sessionUser(tokenHash: string, now: Date): Promise<UserRecord | null> {
    const row = this.db
      .prepare(`${USER_SELECT} JOIN sessions s ON s.user_id = u.id WHERE s.token_hash = ? AND s.expires_at > ?`)
      .get(tokenHash, now.toISOString()) as UserRow | undefined;
    return user(row);
  }

  async deleteSession(tokenHash: string): Promise<void> {
    this.db.prepare("DELETE FROM sessions WHERE token_hash = ?").run(tokenHash);
  }

  async createDossier(d: { title: string; procedure: string | null; restricted: boolean }, owner: number): Promise<number> {
    return this.db.transaction(() => {
      // A number never given before, not even to a dossier removed since.
      const { last: id } = this.db.prepare("UPDATE dossier_numbers SET last = last + 1 RETURNING last").get() as { last: number };
      this.db
        .prepare("INSERT INTO dossiers (id, title, procedure, restricted) VALUES (?, ?, ?, ?)")
        .run(id, d.title, d.procedure, d.restricted ? 1 : 0);
      this.db.prepare("INSERT INTO members (dossier_id, user_id, role) VALUES (?, ?, 'owner')").run(id, owner);
      return id;
    })();
  }

  async dossier(id: number): Promise<DossierRecord | null> {
    const row = this.db.prepare("SELECT id, title, procedure, restricted FROM dossiers WHERE id = ?").get(id) as DossierRow | undefined;
    return row ? dossier(row) : null;
  }

  async dossiersVisibleTo(userId: number): Promise<(DossierRecord & { readonly role: Role | null })[]> {
    // The role in the same query: one query per dossier listed made the list slower with every dossier made.
    const rows = this.db
      .prepare(
        `SELECT d.id, d.title, d.procedure, d.restricted, m.role FROM dossiers d
         LEFT JOIN members m ON m.dossier_id = d.id AND m.user_id = ?
         WHERE d.restricted = 0 OR m.role IS NOT NULL ORDER BY d.id`,
      )
      .all(userId) as (DossierRow & { role: Role | null })[];
    return rows.map((row) => ({ ...dossier(row), role: row.role }));
  }

  async members(dossierId: number): Promise<MemberRecord[]> {
    return this.db
      .prepare(
        `SELECT m.user_id AS userId, u.username, u.display_name AS displayName, o.name AS organisation, m.role
         FROM members m JOIN users u ON u.id = m.user_id JOIN organisations o ON o.id = u.organisation_id
         WHERE m.dossier_id = ? ORDER BY u.username`,
      )
      .all(dossierId) as MemberRecord[];
  }

  async roleOf(dossierId: number, userId: number): Promise<Role | null> {
    const row = this.db.prepare("SELECT role FROM members WHERE dossier_id = ? AND user_id = ?").get(dossierId, userId) as
      { role: Role } | undefined;
    return row?.role ?? null;
  }

  async setMember(dossierId: number, userId: number, role: Role): Promise<void> {
    this.db
      .prepare(
        "INSERT INTO members (dossier_id, user_id, role) VALUES (?, ?, ?) ON CONFLICT (dossier_id, user_id) DO UPDATE SET role = excluded.role",
      )
      .run(dossierId, userId, role);
  }

  async removeMember(dossierId: number, userId: number): Promise<void> {
    this.db.prepare("DELETE FROM members WHERE dossier_id = ? AND user_id = ?").run(dossierId, userId);
  }

  async removeDossier(dossierId: number): Promise<boolean> {
    // Its versions, members and overrides go with it (ON DELETE CASCADE).
    return this.db.prepare("DELETE FROM dossiers WHERE id = ?").run(dossierId).changes > 0;
  }

  async addVersion(v: NewVersion): Promise<number | null> {
    // One statement: two uploads of one name at the same moment cannot both be stored.
    const result = this.db
      .prepare(
        `INSERT INTO versions (dossier_id, name, stage, format, summary, document, created_by)
         SELECT ?, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM versions WHERE dossier_id = ? AND fold(name) = fold(?))`,
      )
      .run(v.dossierId, v.name, v.stage, v.format, v.summary, v.document, v.createdBy, v.dossierId, v.name);
    return result.changes === 0 ? null : Number(result.lastInsertRowid);
  }

  async versions(dossierId: number): Promise<VersionRecord[]> {
    return this.db.prepare(`${VERSION_SELECT} WHERE v.dossier_id = ? ORDER BY v.id`).all(dossierId) as VersionRecord[];
  }

  async version(dossierId: number, versionId: number): Promise<VersionRecord | null> {
    return (
      (this.db.prepare(`${VERSION_SELECT} WHERE v.dossier_id = ? AND v.id = ?`).get(dossierId, versionId) as VersionRecord | undefined) ??
      null
    );
  }

  async versionDocument(dossierId: number, versionId: number): Promise<string | null> {
    const row = this.db.prepare("SELECT document FROM versions WHERE dossier_id = ? AND id = ?").get(dossierId, versionId) as
      { document: string } | undefined;
    return row?.document ?? null;
  }

  async removeVersion(dossierId: number, versionId: number): Promise<boolean> {
    return this.db.transaction(() => {
      const removed = this.db.prepare("DELETE FROM versions WHERE dossier_id = ? AND id = ?").run(dossierId, versionId).changes > 0;
      if (removed) {
        const kept = this.overridesOf(dossierId).filter((o) => o.a.version !== versionId && o.b.version !== versionId);
        this.writeOverrides(dossierId, kept);
      }
      return removed;
    })();
  }

  async overrides(dossierId: number): Promise<Overrides> {
    return this.overridesOf(dossierId);
  }

  async saveOverrides(dossierId: number, overrides: Overrides, expected?: Overrides): Promise<OverridesSaved> {
    return this.db.transaction((): OverridesSaved => {
      const present = new Set(
        (this.db.prepare("SELECT id FROM versions WHERE dossier_id = ?").all(dossierId) as { id: number }[]).map((v) => v.id),
      );
      const gone = [...new Set(overrides.flatMap((o) => [o.a.version, o.b.version]))].filter((v) => !present.has(v));
      if (gone.length > 0) return { outcome: "versions-gone", versions: gone };
      if (expected !== undefined && !sameOverrides(this.overridesOf(dossierId), expected)) return { outcome: "changed" };
      this.writeOverrides(dossierId, overrides);
      return { outcome: "saved" };
    })();
  }

  private overridesOf(dossierId: number): Overrides {
    const row = this.db.prepare("SELECT overrides FROM alignment_overrides WHERE dossier_id = ?").get(dossierId) as
      { overrides: string } | undefined;
    return row ? (JSON.parse(row.overrides) as Overrides) : [];
  }

  private writeOverrides(dossierId: number, overrides: Overrides): void {
    this.db
      .prepare(
        "INSERT INTO alignment_overrides (dossier_id, overrides) VALUES (?, ?) ON CONFLICT (dossier_id) DO UPDATE SET overrides = excluded.overrides",
      )
      .run(dossierId, JSON.stringify(overrides));
  }

  async isEmpty(): Promise<boolean> {
    return (this.db.prepare("SELECT COUNT(*) AS n FROM users").get() as { n: number }).n === 0;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
