/*
 * Who may do what with a dossier: the one place that decides. Routes and socket handlers ask it
 * and never decide on their own. A restricted (LIMITE) dossier does not exist for anyone who is
 * not a member; an open one may be read by anyone signed in.
 */
import type { Role } from "../../shared/protocol/api";
import type { DossierRecord } from "../storage/store";

export type DossierAction =
  "read" | "compare" | "add-version" | "remove-version" | "save-overrides" | "manage-members" | "comment" | "remove-dossier";

const ALLOWED: Record<DossierAction, readonly Role[]> = {
  read: ["owner", "drafter", "commenter", "reader"],
  compare: ["owner", "drafter", "commenter", "reader"],
  comment: ["owner", "drafter", "commenter"],
  "add-version": ["owner", "drafter"],
  // A drafter only the versions they added: see mayRemoveVersion.
  "remove-version": ["owner", "drafter"],
  "save-overrides": ["owner", "drafter"],
  "manage-members": ["owner"],
  "remove-dossier": ["owner"],
};

/** What a non-member may do with an open dossier. */
const OPEN_TO_ALL: ReadonlySet<DossierAction> = new Set(["read", "compare"]);

export type Decision = "allowed" | "forbidden" | "not-found";

/**
 * The decision for a user with `role` (null for a non-member) on a dossier. "not-found" is
 * the answer whenever the user may not know that the dossier exists.
 */
export function decide(dossier: DossierRecord, role: Role | null, action: DossierAction): Decision {
  if (role === null) {
    if (dossier.restricted) return "not-found";
    return OPEN_TO_ALL.has(action) ? "allowed" : "forbidden";
  }
  return ALLOWED[action].includes(role) ? "allowed" : "forbidden";
}

/**
 * Whether a user whose role allows "remove-version" may remove this version: an owner may remove
 * any, a drafter only one they added themselves (a wrong file, a wrong stage), never another
 * member's text.
 */
export function mayRemoveVersion(role: Role | null, addedByUser: boolean): boolean {
  return role === "owner" || (role === "drafter" && addedByUser);
}
