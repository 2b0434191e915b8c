/*
 * What a request carries once the session is checked: the signed-in user, and the services the
 * routes use. Routes stay thin: they parse, ask the policy, call a service and answer.
 */
import type { Request } from "express";
import type { UserRecord, Store } from "../storage/store";
import type { Sessions } from "../accounts/sessions";
import type { KnownBrowsers } from "../accounts/known-browsers";
import type { ComparisonService } from "../comparisons/comparison-service";
import type { ImportThread } from "../imports/import-thread";
import type { VersionViews } from "../versions/version-views";
import type { DossierEvents } from "../realtime/dossier-events";
import { HttpError } from "./errors";

export interface Services {
  readonly store: Store;
  readonly sessions: Sessions;
  /** The browsers each account has signed in from, which failed sign-ins by others do not stop. */
  readonly knownBrowsers: KnownBrowsers;
  readonly comparisons: ComparisonService;
  /** Reads uploaded files on a worker thread. */
  readonly imports: ImportThread;
  /** Makes what is served of a stored version on a worker thread. */
  readonly versionViews: VersionViews;
  readonly events: DossierEvents;
  /** The largest file an upload may carry, in bytes. */
  readonly maxUploadBytes: number;
}

declare module "express-serve-static-core" {
  interface Request {
    user?: UserRecord;
  }
}

/** The signed-in user, or a 401. */
export function userOf(req: Request): UserRecord {
  if (!req.user) throw new HttpError(401, "not-signed-in", "sign in first: POST /api/session");
  return req.user;
}

/**
 * The JSON body of a request, for its schema to check. A body that is missing, or sent as
 * anything but JSON, is refused as such, rather than as a body with every field missing.
 */
export function jsonBody(req: Request): unknown {
  if (req.body === undefined)
    throw new HttpError(
      // Nothing sent is a bad request; something sent in another type is an unsupported one.
      (req.headers["content-length"] ?? "0") === "0" && req.headers["transfer-encoding"] === undefined ? 400 : 415,
      "invalid-request",
      "the request needs a JSON object as its body, sent with Content-Type: application/json",
    );
  return req.body;
}
