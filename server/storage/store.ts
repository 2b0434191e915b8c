/*
 * The storage interface: everything the server keeps, asked for by what it means. SQLite stands
 * behind it by default; the methods are asynchronous so that PostgreSQL can stand behind it too.
 */
import type { Overrides, Role } from "../../shared/protocol/api";

export interface UserRecord {
  readonly id: number;
  readonly username: string;
  readonly displayName: string;
  readonly organisation: string;
  readonly passwordHash: string;
}

/** A session given a new token: its token's hash before and after, and when it now ends. */
export interface SessionRenewal {
  readonly tokenHash: string;
  readonly newTokenHash: string;
  readonly expiresAt: Date;
}

export interface DossierRecord {
  readonly id: number;
  readonly title: string;
  readonly procedure: string | null;
  readonly restricted: boolean;
}

export interface MemberRecord {
  readonly userId: number;
  readonly username: string;
  readonly displayName: string;
  readonly organisation: string;
  readonly role: Role;
}

export interface VersionRecord {
  readonly id: number;
  readonly dossierId: number;
  readonly name: string;
  readonly stage: string;
  readonly format: string;
  /** The summary as JSON: title, counts, words, warnings, notice. */
  readonly summary: string;
  readonly createdAt: string;
  /** Who added it: their user id, and their name with their organisation's. */
  readonly createdBy: number;
  readonly createdByName: string;
}

export interface NewVersion {
  readonly dossierId: number;
  readonly name: string;
  readonly stage: string;
  readonly format: string;
  readonly summary: string;
  /** The document as ProseMirror JSON. */
  readonly document: string;
  readonly createdBy: number;
}

/** What saving overrides did: saved them, or nothing because the stored ones changed or versions they name are gone. */
export type OverridesSaved =
  | { readonly outcome: "saved" }
  | { readonly outcome: "changed" }
  | { readonly outcome: "versions-gone"; readonly versions: readonly number[] };

export interface Store {
  /**
   * Adds an account, with its organisation if the store has none of that name, at once; null when
   * the username is taken.
   */
  addAccount(account: { username: string; displayName: string; organisation: string; passwordHash: string }): Promise<number | null>;
  userByName(username: string): Promise<UserRecord | null>;
  /**
   * Sets an account's password and ends all its sessions, at once, as an administrator does for
   * someone who lost theirs. Returns how many open sessions were ended; null, and nothing
   * changed, when there is no account of that name, or when its password is no longer
   * `expected` (the hash that was checked), as another change came first.
   */
  setPassword(username: string, passwordHash: string, options?: { readonly expected?: string }): Promise<number | null>;
  /**
   * A person's change of their own password, checked against `expected`: at once, the password
   * is set, their other sessions end, and the session they changed it from goes on under a new
   * token. Returns how many other open sessions were ended, and whether that session went on:
   * `renewed` false, and nothing changed, when it had ended meanwhile. Null, and nothing changed,
   * as for `setPassword`.
   */
  changePassword(
    username: string,
    passwordHash: string,
    expected: string,
    renewal: SessionRenewal,
  ): Promise<{ readonly ended: number; readonly renewed: boolean } | null>;
  userById(id: number): Promise<UserRecord | null>;

  /**
   * Opens a session, when the account's password is still the one checked (`passwordHash`): a
   * new password set while a sign-in with the old one was being checked ends that sign-in too.
   * False, and nothing opened, when it is not. Sessions that have expired are deleted on the way.
   */
  createSession(tokenHash: string, userId: number, expiresAt: Date, passwordHash: string): Promise<boolean>;
  sessionUser(tokenHash: string, now: Date): Promise<UserRecord | null>;
  deleteSession(tokenHash: string): Promise<void>;

  createDossier(dossier: { title: string; procedure: string | null; restricted: boolean }, owner: number): Promise<number>;
  dossier(id: number): Promise<DossierRecord | null>;
  /** Dossiers a user may know of, with the user's role in each (null where not a member): every open one, and the restricted ones the user is a member of. */
  dossiersVisibleTo(userId: number): Promise<(DossierRecord & { readonly role: Role | null })[]>;
  members(dossierId: number): Promise<MemberRecord[]>;
  roleOf(dossierId: number, userId: number): Promise<Role | null>;
  setMember(dossierId: number, userId: number, role: Role): Promise<void>;
  removeMember(dossierId: number, userId: number): Promise<void>;
  /** Removes a dossier with its versions, members and alignment overrides; false when it was not there. */
  removeDossier(dossierId: number): Promise<boolean>;

  /** Adds a version; null, and nothing stored, when the dossier has a version of that name already (in any case). */
  addVersion(version: NewVersion): Promise<number | null>;
  versions(dossierId: number): Promise<VersionRecord[]>;
  version(dossierId: number, versionId: number): Promise<VersionRecord | null>;
  versionDocument(dossierId: number, versionId: number): Promise<string | null>;
  /**
   * Removes a version, with the overrides that name it, at once; false when the dossier has no
   * such version. Its id is never given again.
   */
  removeVersion(dossierId: number, versionId: number): Promise<boolean>;

  overrides(dossierId: number): Promise<Overrides>;
  /**
   * Sets the overrides, at once with the checks that every version they name is still in the
   * dossier and, when `expected` is given, that the stored ones are still those: what a request
   * checked before, another may have changed since (removed a version, saved other overrides).
   */
  saveOverrides(dossierId: number, overrides: Overrides, expected?: Overrides): Promise<OverridesSaved>;

  /** True when the store holds no users yet: a new data folder. */
  isEmpty(): Promise<boolean>;
  close(): void;
}
