/*
 * The main thread's side of the import worker: files read there, and their failures turned back
 * into the errors the routes answer with. A file whose reading outgrows the worker's memory or
 * time is refused as too large, like a file over the upload limit, and the next file is read by
 * a new worker.
 */
import { FormatError } from "../../shared/formats/errors";
import { JobThread, JobTimedOut, WorkerOutOfMemory } from "../workers/job-thread";
import { defaultWorkerMemoryMiB, type WorkerLimits } from "../workers/worker-memory";
import type { ImportFailure } from "./import-worker";
import type { ReadUpload, UploadInput } from "./read-upload";

/** The longest reading one file may take: a file at the 64 MiB limit takes well under a minute. */
export const IMPORT_TIME_LIMIT_MS = 120_000;

export class ImportThread {
  private readonly thread: JobThread<UploadInput, ReadUpload, ImportFailure>;
  private readonly limits: WorkerLimits;

  constructor(limits: Partial<WorkerLimits> = {}) {
    this.limits = { memoryMiB: limits.memoryMiB ?? defaultWorkerMemoryMiB(), timeLimitMs: limits.timeLimitMs ?? IMPORT_TIME_LIMIT_MS };
    this.thread = new JobThread({
      name: "import",
      module: new URL("./import-worker.ts", import.meta.url),
      revive: (failure) =>
        failure.format
          ? new FormatError(failure.code, failure.reason, failure.location)
          : new Error(`the import failed: ${failure.message}`),
      resourceLimits: { maxOldGenerationSizeMb: this.limits.memoryMiB },
      timeLimitMs: this.limits.timeLimitMs,
    });
  }

  /** Reads an upload on the worker. The bytes are copied there: the caller keeps its own. */
  async read(input: UploadInput): Promise<ReadUpload> {
    // A copy of exactly the file (a Buffer's slice would be a view), moved to the worker: the
    // caller's bytes may be a view of a larger buffer, which would be copied whole.
    const bytes = new Uint8Array(input.bytes);
    try {
      return await this.thread.run({ ...input, bytes }, [bytes.buffer]);
    } catch (e) {
      const where = { file: input.file };
      if (e instanceof WorkerOutOfMemory)
        throw new FormatError(
          "too-large",
          `reading this file needs more than the ${this.limits.memoryMiB} MiB of memory an import may use`,
          where,
        );
      if (e instanceof JobTimedOut)
        throw new FormatError(
          "too-large",
          `reading this file takes longer than the ${this.limits.timeLimitMs / 1000} s an import may take`,
          where,
        );
      throw e;
    }
  }

  /** Starts the worker ahead of the first upload. */
  prepare(): void {
    this.thread.prepare();
  }

  close(): Promise<void> {
    return this.thread.close();
  }
}
