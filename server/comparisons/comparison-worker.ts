/*
 * The comparison worker: aligns and diffs versions on a thread of its own, so that the server
 * keeps answering other requests while a long act is compared. It receives documents as stored
 * (ProseMirror JSON) and answers with the comparison's JSON, compressed and not.
 */
import { gzipSync } from "node:zlib";
import { Node } from "prosemirror-model";
import { compareVersions, ComparisonError, type CompareOptions } from "../../shared/compare/comparison";
import { legalSchema } from "../../shared/model/schema";
import { serveJobs } from "../workers/job-worker";
import type { Overrides, ServedComparison } from "../../shared/protocol/api";

export interface ComparisonJob {
  /** The versions' documents as stored: ProseMirror JSON text. */
  readonly documents: readonly string[];
  readonly options: CompareOptions;
  /** Added to the answer so the browser can name versions by id. */
  readonly versionIds: readonly number[];
  /** `options.overrides` by version id, added to the answer: what the browser tells news of corrections against. */
  readonly overrides: Overrides;
}

export interface ComparisonResult {
  readonly json: Uint8Array;
  readonly gzipped: Uint8Array;
}

/** Why a comparison failed: one that cannot be made as asked (a ComparisonError), or a fault. */
export type ComparisonFailure =
  | { readonly comparison: true; readonly code: ComparisonError["code"]; readonly message: string }
  | { readonly comparison: false; readonly message: string };

/** Fast compression: a tenth of the size of the JSON for a few tens of milliseconds. */
const GZIP_LEVEL = 1;

serveJobs<ComparisonJob, ComparisonResult, ComparisonFailure>(
  (job) => {
    const docs = job.documents.map((text) => Node.fromJSON(legalSchema, JSON.parse(text)));
    const comparison = compareVersions(docs, job.options);
    const served: ServedComparison = { ...comparison, versionIds: job.versionIds, overrides: job.overrides };
    const json = new TextEncoder().encode(JSON.stringify(served));
    const gzipped = new Uint8Array(gzipSync(json, { level: GZIP_LEVEL }));
    return { result: { json, gzipped }, transfer: [json.buffer, gzipped.buffer] };
  },
  (e) =>
    e instanceof ComparisonError
      ? { comparison: true, code: e.code, message: e.message }
      : { comparison: false, message: String((e as Error)?.message ?? e) },
);
