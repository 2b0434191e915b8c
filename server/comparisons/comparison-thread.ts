/*
 * The main thread's side of the comparison worker: comparisons made there, and their failures
 * turned back into typed errors. A comparison that outgrows the worker's time or memory is
 * refused with a clear answer, and the comparisons behind it are made by a new worker.
 */
import { ComparisonError } from "../../shared/compare/comparison";
import { HttpError } from "../http/errors";
import { JobCancelled, JobThread, JobTimedOut, WorkerOutOfMemory } from "../workers/job-thread";
import { defaultWorkerMemoryMiB, type WorkerLimits } from "../workers/worker-memory";
import type { ComparisonFailure, ComparisonJob, ComparisonResult } from "./comparison-worker";

/** The longest one comparison may take: four 100,000-word versions take about a second. */
export const COMPARISON_TIME_LIMIT_MS = 120_000;

/**
 * The memory a comparison needs, in MiB, from its documents as stored, with room to spare: it
 * takes from 11 to 21 times the size of their JSON (four versions of the bench's 114,000-word
 * act, 4.4 MB of JSON, ran in 64 MiB and not in 48; two of 50,000 short articles, 24 MB, in 512
 * and not in 256). Asked before the job is sent: a worker that reaches its bound does not always
 * stop alone, and may take the whole server down with it (a comparison of a 60 MB upload did).
 */
export function comparisonMemoryMiB(documents: readonly string[]): number {
  const chars = documents.reduce((sum, d) => sum + d.length, 0);
  return Math.ceil((24 * chars) / 2 ** 20);
}

export class ComparisonThread {
  private readonly thread: JobThread<ComparisonJob, ComparisonResult, ComparisonFailure>;
  private readonly memoryMiB: number;

  /**
   * `estimate` is what a job is taken to need before it is sent (`comparisonMemoryMiB` unless a
   * test says otherwise, to reach the worker's own bound).
   */
  constructor(
    limits: Partial<WorkerLimits> & { readonly stopCancelledAfterMs?: number } = {},
    private readonly estimate: (documents: readonly string[]) => number = comparisonMemoryMiB,
  ) {
    const memoryMiB = limits.memoryMiB ?? defaultWorkerMemoryMiB();
    this.memoryMiB = memoryMiB;
    this.thread = new JobThread({
      name: "comparison",
      module: new URL("./comparison-worker.ts", import.meta.url),
      revive: (failure) =>
        failure.comparison ? new ComparisonError(failure.code, failure.message) : new Error(`the comparison failed: ${failure.message}`),
      resourceLimits: { maxOldGenerationSizeMb: memoryMiB },
      timeLimitMs: limits.timeLimitMs ?? COMPARISON_TIME_LIMIT_MS,
      ...(limits.stopCancelledAfterMs !== undefined ? { stopCancelledAfterMs: limits.stopCancelledAfterMs } : {}),
    });
  }

  /** Makes a comparison; `cancel` aborts it when nobody waits for it any more (see JobThread.run). */
  async run(job: ComparisonJob, cancel?: AbortSignal): Promise<{ json: Buffer; gzipped: Buffer }> {
    const need = this.estimate(job.documents);
    if (need > this.memoryMiB)
      throw new HttpError(
        422,
        "comparison-too-large",
        `comparing these versions would need about ${need} MiB of memory, more than the ${this.memoryMiB} MiB a comparison may use: compare fewer or shorter versions at once`,
      );
    try {
      const { json, gzipped } = await this.thread.run(job, [], cancel);
      return {
        json: Buffer.from(json.buffer, json.byteOffset, json.byteLength),
        gzipped: Buffer.from(gzipped.buffer, gzipped.byteOffset, gzipped.byteLength),
      };
    } catch (e) {
      if (e instanceof JobTimedOut || e instanceof WorkerOutOfMemory)
        throw new HttpError(422, "comparison-too-large", `${e.message}: compare fewer or shorter versions at once`);
      // Answered to no one (nginx's "client closed request"): said in the log as a refusal, not a failure.
      if (e instanceof JobCancelled) throw new HttpError(499, "abandoned", `${e.message}: every request for it was abandoned`);
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
