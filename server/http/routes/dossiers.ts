/*
 * Dossiers: the list a user may see, creating one, one dossier with its versions, members and
 * alignment overrides, and the owners' management of members and overrides.
 */
import { Router } from "express";
import { dossierCreate, memberUpsert, overridesBody, type DossierDetail, type DossierSummary } from "../../../shared/protocol/api";
import { overrideProblems, type AlignableProvisions } from "../../../shared/compare/override-check";
import { versionSummary } from "../../imports/import-version";
import type { DossierRecord } from "../../storage/store";
import { jsonBody, userOf, type Services } from "../context";
import { dossierFor } from "../dossier-access";
import { mayRemoveVersion } from "../../policies/dossier-policy";
import { HttpError, notFound } from "../errors";

function summary(d: DossierRecord, role: DossierSummary["role"]): DossierSummary {
  return { id: d.id, title: d.title, procedure: d.procedure, restricted: d.restricted, role };
}

export function dossierRoutes({ store, comparisons, versionViews, events }: Services): Router {
  const router = Router();

  router.get("/", async (req, res) => {
    const user = userOf(req);
    const dossiers = await store.dossiersVisibleTo(user.id);
    res.json({ dossiers: dossiers.map((d) => summary(d, d.role)) });
  });

  router.post("/", async (req, res) => {
    const user = userOf(req);
    const body = dossierCreate.parse(jsonBody(req));
    const id = await store.createDossier({ title: body.title, procedure: body.procedure ?? null, restricted: body.restricted }, user.id);
    res.status(201).json({ dossier: summary((await store.dossier(id))!, "owner") });
  });

  router.get("/:id", async (req, res) => {
    const { dossier, role } = await dossierFor(req, store, "read");
    const user = userOf(req);
    const detail: DossierDetail = {
      ...summary(dossier, role),
      versions: (await store.versions(dossier.id)).map((v) => ({
        ...versionSummary(v),
        removable: mayRemoveVersion(role, v.createdBy === user.id),
      })),
      members: (await store.members(dossier.id)).map(({ username, displayName, organisation, role: r }) => ({
        username,
        displayName,
        organisation,
        role: r,
      })),
      overrides: await store.overrides(dossier.id),
    };
    res.json({ dossier: detail });
  });

  router.delete("/:id", async (req, res) => {
    const { dossier } = await dossierFor(req, store, "remove-dossier");
    const versions = await store.versions(dossier.id);
    // Removed meanwhile by another request: gone all the same.
    if (!(await store.removeDossier(dossier.id))) throw notFound(`no dossier ${dossier.id}`);
    for (const version of versions) {
      comparisons.forgetVersion(dossier.id, version.id);
      versionViews.forgetVersion(dossier.id, version.id);
    }
    events.dossierRemoved({ dossierId: dossier.id, userId: userOf(req).id, by: userOf(req).displayName });
    res.status(204).end();
  });

  router.put("/:id/members", async (req, res) => {
    const { dossier } = await dossierFor(req, store, "manage-members");
    const { username, role } = memberUpsert.parse(jsonBody(req));
    const member = await store.userByName(username);
    if (!member) throw notFound(`no user "${username}"`);
    if (member.id === userOf(req).id && role !== "owner")
      throw new HttpError(409, "last-owner", "an owner cannot step down themselves; another owner can change their role");
    await store.setMember(dossier.id, member.id, role);
    res.json({ members: await store.members(dossier.id) });
  });

  router.delete("/:id/members/:username", async (req, res) => {
    const { dossier } = await dossierFor(req, store, "manage-members");
    const member = await store.userByName(String(req.params.username));
    if (!member) throw notFound(`no user "${String(req.params.username)}"`);
    if (member.id === userOf(req).id) throw new HttpError(409, "last-owner", "an owner cannot remove themselves");
    // Said rather than answered as done: the owner may have meant someone else.
    if (!(await store.members(dossier.id)).some((m) => m.userId === member.id))
      throw notFound(`${member.username} is not a member of this dossier`);
    await store.removeMember(dossier.id, member.id);
    events.membersChanged({ dossierId: dossier.id });
    res.status(204).end();
  });

  router.put("/:id/overrides", async (req, res) => {
    const { dossier } = await dossierFor(req, store, "save-overrides");
    const { overrides, expected } = overridesBody.parse(jsonBody(req));
    const versions = await store.versions(dossier.id);
    const versionIds = new Set(versions.map((v) => v.id));
    const unknown = overrides.flatMap((o) => [o.a.version, o.b.version]).filter((v) => !versionIds.has(v));
    if (unknown.length > 0)
      throw new HttpError(
        400,
        "invalid-request",
        `overrides name versions this dossier does not have: ${[...new Set(unknown)].join(", ")}`,
      );
    const named = [...new Set(overrides.flatMap((o) => [o.a.version, o.b.version]))];
    const provisions = new Map<number, AlignableProvisions>();
    const removed: number[] = [];
    await Promise.all(
      named.map(async (v) => {
        try {
          provisions.set(v, await versionViews.provisions(dossier.id, v));
        } catch (e) {
          // Listed above, gone by the time its provisions were asked for: removed meanwhile.
          if (!(e instanceof HttpError && e.code === "not-found")) throw e;
          removed.push(v);
        }
      }),
    );
    if (removed.length > 0) throw versionsRemoved(removed);
    const nameOf = new Map(versions.map((v) => [v.id, v.name]));
    const problems = overrideProblems(
      overrides,
      (v) => provisions.get(v),
      (v) => nameOf.get(v) ?? `version ${v}`,
    );
    if (problems.length > 0) throw new HttpError(400, "invalid-request", `the overrides were not saved: ${problems.join("; ")}`);
    // Checked again at the moment of writing, after the awaits above: against the versions, which
    // another request may have removed meanwhile, and against the list the sender changed.
    const saved = await store.saveOverrides(dossier.id, overrides, expected);
    if (saved.outcome === "versions-gone") {
      // Gone with the whole dossier: there is none to load again.
      if ((await store.dossier(dossier.id)) === null)
        throw notFound(`no dossier ${dossier.id}: it was removed while the corrections were being checked`);
      throw versionsRemoved(saved.versions);
    }
    if (saved.outcome === "changed")
      throw new HttpError(
        409,
        "overrides-changed",
        "the alignment corrections were changed since you loaded them (by another member, or by you elsewhere); nothing was saved: load them again and redo your change",
      );
    const user = userOf(req);
    events.overridesChanged({ dossierId: dossier.id, userId: user.id, by: user.displayName, overrides });
    res.json({ overrides });
  });

  return router;
}

/** Overrides naming versions removed while they were being checked: nothing saved, and why. */
function versionsRemoved(versions: readonly number[]): HttpError {
  return new HttpError(
    409,
    "versions-removed",
    `the overrides name versions removed while they were being checked (${[...versions].sort((a, b) => a - b).join(", ")}); nothing was saved: load the dossier again and redo your change`,
  );
}
