/*
 * The SQLite schema, as an ordered list of migrations. The database's user_version says how many
 * have run; the others run on start, each in its own transaction. A migration, once released,
 * is never edited: a change to the schema is a new migration at the end.
 */

export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE organisations (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
  );
  CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    password_hash TEXT NOT NULL
  );
  CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    expires_at TEXT NOT NULL
  );
  CREATE TABLE dossiers (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    procedure TEXT,
    restricted INTEGER NOT NULL DEFAULT 0 CHECK (restricted IN (0, 1)),
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
  );
  CREATE TABLE members (
    dossier_id INTEGER NOT NULL REFERENCES dossiers(id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('owner', 'drafter', 'commenter', 'reader')),
    PRIMARY KEY (dossier_id, user_id)
  );
  CREATE TABLE versions (
    id INTEGER PRIMARY KEY,
    dossier_id INTEGER NOT NULL REFERENCES dossiers(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    stage TEXT NOT NULL,
    format TEXT NOT NULL,
    summary TEXT NOT NULL,
    document TEXT NOT NULL,
    created_by INTEGER NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
  );
  CREATE INDEX versions_by_dossier ON versions(dossier_id);
  CREATE TABLE alignment_overrides (
    dossier_id INTEGER PRIMARY KEY REFERENCES dossiers(id) ON DELETE CASCADE,
    overrides TEXT NOT NULL
  );
  `,
  // Versions can be removed: their ids must never be given again, since caches, overrides and
  // the addresses of open pages name versions by id. AUTOINCREMENT promises that, and SQLite
  // cannot add it to a table, so the table is made anew with its rows.
  `
  CREATE TABLE versions_numbered_once (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    dossier_id INTEGER NOT NULL REFERENCES dossiers(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    stage TEXT NOT NULL,
    format TEXT NOT NULL,
    summary TEXT NOT NULL,
    document TEXT NOT NULL,
    created_by INTEGER NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
  );
  INSERT INTO versions_numbered_once (id, dossier_id, name, stage, format, summary, document, created_by, created_at)
    SELECT id, dossier_id, name, stage, format, summary, document, created_by, created_at FROM versions;
  DROP TABLE versions;
  ALTER TABLE versions_numbered_once RENAME TO versions;
  CREATE INDEX versions_by_dossier ON versions(dossier_id);
  `,
  // Dossiers can be removed: their numbers must never be given again either, since pages, uploads
  // in flight and the realtime channel's rooms name a dossier by its number. Made anew as the
  // versions were, the table would take its members, versions and corrections with it (its rows
  // are referred to, ON DELETE CASCADE): the last number given is kept in a table of its own.
  `
  CREATE TABLE dossier_numbers (last INTEGER NOT NULL);
  INSERT INTO dossier_numbers (last) SELECT COALESCE(MAX(id), 0) FROM dossiers;
  `,
];
