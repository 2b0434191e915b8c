/*
 * GET /api/dossiers/:id/compare?versions=ID,ID,...&ref=ID: the comparison table of the versions
 * in that column order, against the reference version (the first when not given), with the
 * dossier's saved alignment overrides applied. Sent compressed when the client accepts it,
 * with an ETag so a browser that has it already gets a 304.
 */
import { Router } from "express";
import { compareQuery } from "../../../shared/protocol/api";
import { dossierFor } from "../dossier-access";
import { COMPARISONS, WorkInProgress } from "../work-in-progress";
import type { PackedComparison } from "../../comparisons/comparison-service";
import { userOf, type Services } from "../context";
import { HttpError } from "../errors";

export function compareRoutes({ store, comparisons }: Services): Router {
  const router = Router({ mergeParams: true });
  const comparing = new WorkInProgress(COMPARISONS);
  router.get("/", async (req, res) => {
    const { dossier } = await dossierFor(req, store, "compare");
    const { versions, ref } = compareQuery.parse(req.query);
    if (new Set(versions).size !== versions.length)
      throw new HttpError(400, "invalid-request", "versions: a version may be compared only once");
    const refId = ref ?? versions[0]!;
    if (!versions.includes(refId)) throw new HttpError(400, "invalid-request", `ref: version ${refId} is not among the compared versions`);
    // The asker gone before the answer (a page left, a client timed out): the comparison need not be made for them.
    const abandoned = new AbortController();
    res.on("close", () => {
      if (!res.writableFinished) abandoned.abort();
    });
    // Counted until the comparison is made (or cancelled): one the asker left, made for others, still counts.
    const leave = comparing.enter(userOf(req).id);
    let served: PackedComparison;
    try {
      served = await comparisons.compare(dossier.id, versions, refId, await store.overrides(dossier.id), abandoned.signal);
    } finally {
      leave();
    }
    res.setHeader("ETag", served.etag);
    res.setHeader("Cache-Control", "private, no-cache");
    res.setHeader("Vary", "Accept-Encoding, Cookie");
    if (req.headers["if-none-match"] === served.etag) {
      res.status(304).end();
      return;
    }
    res.type("application/json");
    if (req.acceptsEncodings("gzip") === "gzip") {
      res.setHeader("Content-Encoding", "gzip");
      res.send(served.gzipped);
    } else res.send(served.json);
  });
  return router;
}
