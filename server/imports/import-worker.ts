/*
 * The import worker: reads uploaded files on a thread of its own, so that the server keeps
 * answering everyone else (and their notes keep arriving in real time) while a long act is
 * parsed, and so that a file that needs more memory than an import may use stops this thread,
 * not the server.
 */
import { FormatError, type FormatErrorCode, type SourceLocation } from "../../shared/formats/errors";
import { serveJobs } from "../workers/job-worker";
import { readUpload, type ReadUpload, type UploadInput } from "./read-upload";

/** Why a file could not be read: a bad file (a FormatError, with where), or a fault. */
export type ImportFailure =
  | { readonly format: true; readonly code: FormatErrorCode; readonly reason: string; readonly location: SourceLocation }
  | { readonly format: false; readonly message: string };

serveJobs<UploadInput, ReadUpload, ImportFailure>(
  (input) => ({ result: readUpload(input) }),
  (e) =>
    e instanceof FormatError
      ? { format: true, code: e.code, reason: e.reason, location: e.location }
      : { format: false, message: String((e as Error)?.message ?? e) },
);
