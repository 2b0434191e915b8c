/*
 * The Socket.IO contract: events each side may send, with their validators. A socket is
 * authenticated by its session cookie before any event is accepted.
 */
import { z } from "zod";
import { fields, type Overrides } from "./api";

export const joinDossier = fields({ dossierId: z.number().int().positive() });
export type JoinDossier = z.infer<typeof joinDossier>;

/** Events the client sends; each acknowledges with `{ ok: true }` or `{ ok: false, error }`. */
export interface ClientEvents {
  "dossier:join": (payload: JoinDossier, ack: (answer: SocketAnswer) => void) => void;
}

/** Events the server sends to the members of a dossier's room. */
export interface ServerEvents {
  "dossier:version-added": (payload: VersionNews) => void;
  "dossier:version-removed": (payload: VersionNews) => void;
  "dossier:overrides-changed": (payload: OverridesNews) => void;
  /** The socket was taken out of a dossier's room: its user may no longer read it, or signed out. */
  "dossier:left": (payload: { dossierId: number; reason: string }) => void;
  /** The dossier was removed, with its versions and corrections; its room is emptied. */
  "dossier:removed": (payload: DossierRemovedNews) => void;
}

/** A dossier was removed, and by whom (the user's id and display name). */
export interface DossierRemovedNews {
  readonly dossierId: number;
  readonly userId: number;
  readonly by: string;
}

/** Which version of which dossier was added or removed, and its name. */
export interface VersionNews {
  readonly dossierId: number;
  readonly versionId: number;
  readonly name: string;
}

/**
 * A dossier's alignment corrections were changed, and by whom (the user's id and display name):
 * the list as it now is, so that a page can tell whether it already shows it.
 */
export interface OverridesNews {
  readonly dossierId: number;
  readonly userId: number;
  readonly by: string;
  readonly overrides: Overrides;
}

/**
 * Why a message was refused: not as the protocol says; no such dossier for this user (none, or
 * removed, or not theirs to read: the same answer, as the REST routes give); the socket's session
 * has ended; the server failed.
 */
export type SocketErrorCode = "invalid-message" | "not-found" | "signed-out" | "internal";

/** What a connection refused by the server carries in its error's `data`, besides the message. */
export interface ConnectionRefusal {
  readonly code: Extract<SocketErrorCode, "signed-out" | "internal">;
}

export type SocketAnswer = { ok: true } | { ok: false; error: { code: SocketErrorCode; message: string } };
