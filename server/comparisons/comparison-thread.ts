/*
 * The main thread's side of the comparison worker: comparisons made there, and their failures
 * turned back into typed errors. A comparison that outgrows the worker's time or memory is
 * refused with a clear answer, and the comparisons behind it are made by a new worker.
 */
import { ComparisonError } from "../../shared/compare/comparison";
import { HttpError } from "../http/errors";
import { JobThread, JobTimedOut, WorkerOutOfMemory } from "../workers/job-thread";
import { defaultWorkerMemoryMiB, type WorkerLimits } from "../workers/worker-memory";
import type { ComparisonFailure, ComparisonJob, ComparisonResult } from "./comparison-worker";

/** The longest one comparison may take: four 100,000-word versions take about a second. */
export const COMPARISON_TIME_LIMIT_MS = 120_000;

export class ComparisonThread {
  private readonly thread: JobThread<ComparisonJob, ComparisonResult, ComparisonFailure>;

  constructor(limits: Partial<WorkerLimits> = {}) {
    const memoryMiB = limits.memoryMiB ?? defaultWorkerMemoryMiB();
    this.thread = new JobThread({
      name: "comparison",
      module: new URL("./comparison-worker.ts", import.meta.url),
      revive: (failure) =>
        failure.comparison ? new ComparisonError(failure.code, failure.message) : new Error(`the comparison failed: ${failure.message}`),
      resourceLimits: { maxOldGenerationSizeMb: memoryMiB },
      timeLimitMs: limits.timeLimitMs ?? COMPARISON_TIME_LIMIT_MS,
    });
  }

  async run(job: ComparisonJob): Promise<{ json: Buffer; gzipped: Buffer }> {
    try {
      const { json, gzipped } = await this.thread.run(job);
      return {
        json: Buffer.from(json.buffer, json.byteOffset, json.byteLength),
        gzipped: Buffer.from(gzipped.buffer, gzipped.byteOffset, gzipped.byteLength),
      };
    } catch (e) {
      if (e instanceof JobTimedOut || e instanceof WorkerOutOfMemory)
        throw new HttpError(422, "comparison-too-large", `${e.message}: compare fewer or shorter versions at once`);
      throw e;
    }
  }

  /** Starts the worker ahead of the first comparison. */
  prepare(): void {
    this.thread.prepare();
  }

  close(): Promise<void> {
    return this.thread.close();
  }
}
