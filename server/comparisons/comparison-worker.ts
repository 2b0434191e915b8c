/*
 * The comparison worker: aligns and diffs versions on a thread of its own, so that the server
 * keeps answering other requests while a long act is compared. It receives documents as stored
 * (ProseMirror JSON) and answers with the comparison's JSON, compressed and not.
 */
import { parentPort } from "node:worker_threads";
import { gzipSync } from "node:zlib";
import { Node } from "prosemirror-model";
import { compareVersions, ComparisonError, type CompareOptions } from "../../shared/compare/comparison";
import { legalSchema } from "../../shared/model/schema";

export interface ComparisonJob {
  readonly id: number;
  /** The versions' documents as stored: ProseMirror JSON text. */
  readonly documents: readonly string[];
  readonly options: CompareOptions;
  /** Added to the answer so the browser can name versions by id. */
  readonly versionIds: readonly number[];
}

export type ComparisonAnswer =
  | { readonly id: number; readonly ok: true; readonly json: Uint8Array; readonly gzipped: Uint8Array }
  | {
      readonly id: number;
      readonly ok: false;
      readonly error: { readonly comparison: boolean; readonly code: string; readonly message: string };
    };

/** Fast compression: a tenth of the size of the JSON for a few tens of milliseconds. */
const GZIP_LEVEL = 1;

const port = parentPort;
if (!port) throw new Error("the comparison worker runs on a worker thread");

port.on("message", (job: ComparisonJob) => {
  try {
    const docs = job.documents.map((text) => Node.fromJSON(legalSchema, JSON.parse(text)));
    const comparison = compareVersions(docs, job.options);
    const json = new TextEncoder().encode(JSON.stringify({ ...comparison, versionIds: job.versionIds }));
    const gzipped = new Uint8Array(gzipSync(json, { level: GZIP_LEVEL }));
    const answer: ComparisonAnswer = { id: job.id, ok: true, json, gzipped };
    port.postMessage(answer, [json.buffer, gzipped.buffer]);
  } catch (e) {
    const comparison = e instanceof ComparisonError;
    const answer: ComparisonAnswer = {
      id: job.id,
      ok: false,
      error: { comparison, code: comparison ? e.code : "internal", message: comparison ? e.message : String((e as Error)?.message ?? e) },
    };
    port.postMessage(answer);
  }
});
