/*
 * Loading a dossier for a request and asking the policy whether the user may do the action. A
 * restricted dossier the user may not know of is "not found", exactly as a dossier that is not.
 */
import type { Request } from "express";
import { idParam, type Role } from "../../shared/protocol/api";
import { decide, type DossierAction } from "../policies/dossier-policy";
import type { DossierRecord, Store } from "../storage/store";
import { userOf } from "./context";
import { HttpError, notFound } from "./errors";

/** What each action is, in the words of a refusal: "does not allow you to save alignment corrections". */
const ACTION_WORDS: Record<DossierAction, string> = {
  read: "read it",
  compare: "compare its versions",
  "add-version": "add versions",
  "remove-version": "remove versions",
  "save-overrides": "save alignment corrections",
  "manage-members": "manage its members",
  "remove-dossier": "remove it",
  comment: "comment",
};

export async function dossierFor(
  req: Request,
  store: Store,
  action: DossierAction,
): Promise<{ dossier: DossierRecord; role: Role | null }> {
  const user = userOf(req);
  const id = idParam.safeParse(req.params.id);
  if (!id.success) throw notFound(`no dossier "${String(req.params.id)}"`);
  const dossier = await store.dossier(id.data);
  const role = dossier ? await store.roleOf(dossier.id, user.id) : null;
  const decision = dossier ? decide(dossier, role, action) : "not-found";
  if (decision === "not-found" || !dossier) throw notFound(`no dossier ${id.data}`);
  if (decision === "forbidden")
    throw new HttpError(
      403,
      "forbidden",
      `your role in this dossier (${role ?? "not a member"}) does not allow you to ${ACTION_WORDS[action]}`,
    );
  return { dossier, role };
}
