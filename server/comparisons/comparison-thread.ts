/*
 * The main thread's side of the comparison worker: comparisons made there, and their failures
 * turned back into typed errors.
 */
import { ComparisonError } from "../../shared/compare/comparison";
import { JobThread } from "../workers/job-thread";
import type { ComparisonFailure, ComparisonJob, ComparisonResult } from "./comparison-worker";

export class ComparisonThread {
  private readonly thread = new JobThread<ComparisonJob, ComparisonResult, ComparisonFailure>({
    name: "comparison",
    module: new URL("./comparison-worker.ts", import.meta.url),
    revive: (failure) =>
      failure.comparison ? new ComparisonError(failure.code, failure.message) : new Error(`the comparison failed: ${failure.message}`),
  });

  async run(job: ComparisonJob): Promise<{ json: Buffer; gzipped: Buffer }> {
    const { json, gzipped } = await this.thread.run(job);
    return {
      json: Buffer.from(json.buffer, json.byteOffset, json.byteLength),
      gzipped: Buffer.from(gzipped.buffer, gzipped.byteOffset, gzipped.byteLength),
    };
  }

  /** Starts the worker ahead of the first comparison. */
  prepare(): void {
    this.thread.prepare();
  }

  close(): Promise<void> {
    return this.thread.close();
  }
}
