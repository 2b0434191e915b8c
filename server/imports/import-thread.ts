/*
 * The main thread's side of the import workers: files read there, and their failures turned back
 * into the errors the routes answer with. A file whose reading outgrows the worker's memory or
 * time is refused as too large, like a file over the upload limit, and the next file is read by
 * a new worker.
 *
 * Two workers, two queues: small files (a compromise text, a list of amendments) have a worker
 * of their own, so that they are read in a moment even while someone's 60 MB consolidated act is
 * being parsed. Zip archives always go to the other queue, however small: a few kilobytes of zip
 * may hold megabytes of XML.
 */
import { FormatError } from "../../shared/formats/errors";
import { JobCancelled, JobThread, JobTimedOut, WorkerOutOfMemory } from "../workers/job-thread";
import { HttpError } from "../http/errors";
import { defaultWorkerMemoryMiB, type WorkerLimits } from "../workers/worker-memory";
import type { ImportFailure } from "./import-worker";
import type { ReadUpload, UploadInput } from "./read-upload";

/** The longest reading one file may take: a file at the 64 MiB limit takes well under a minute. */
export const IMPORT_TIME_LIMIT_MS = 120_000;
/** Files up to this size, zip archives aside, are read on the small files' worker: well under a second each. */
export const SMALL_FILE_BYTES = 256 * 1024;
/**
 * The most memory the small files' worker may take, or IMPORT_MEMORY_MB if that is less: a file
 * of 256 KiB is read in a few tens of MiB, and a second worker with a full share of memory would
 * leave the server less than its own.
 */
export const SMALL_FILE_MEMORY_MIB = 128;

/** Whether the bytes are a zip archive (a zipped Formex act): they begin "PK\x03\x04". */
function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** A worker that reads files, with the bounds it reads them within. */
interface ImportLane {
  readonly jobs: JobThread<UploadInput, ReadUpload, ImportFailure>;
  readonly limits: WorkerLimits;
}

export class ImportThread {
  private readonly lanes: { readonly small: ImportLane; readonly large: ImportLane };

  /** `smallFileMemoryMiB` bounds the small files' worker (SMALL_FILE_MEMORY_MIB unless a test says less). */
  constructor(limits: Partial<WorkerLimits> & { readonly smallFileMemoryMiB?: number } = {}) {
    const large = { memoryMiB: limits.memoryMiB ?? defaultWorkerMemoryMiB(), timeLimitMs: limits.timeLimitMs ?? IMPORT_TIME_LIMIT_MS };
    const lane = (name: string, bounds: WorkerLimits): ImportLane => ({
      limits: bounds,
      jobs: new JobThread({
        name,
        module: new URL("./import-worker.ts", import.meta.url),
        revive: (failure) =>
          failure.format
            ? new FormatError(failure.code, failure.reason, failure.location)
            : new Error(`the import failed: ${failure.message}`),
        resourceLimits: { maxOldGenerationSizeMb: bounds.memoryMiB },
        timeLimitMs: bounds.timeLimitMs,
      }),
    });
    this.lanes = {
      small: lane("small-file import", {
        ...large,
        memoryMiB: Math.min(large.memoryMiB, limits.smallFileMemoryMiB ?? SMALL_FILE_MEMORY_MIB),
      }),
      large: lane("import", large),
    };
  }

  /** The worker that reads these bytes: small files have their own. */
  private laneFor(bytes: Uint8Array): ImportLane {
    return bytes.length <= SMALL_FILE_BYTES && !isZip(bytes) ? this.lanes.small : this.lanes.large;
  }

  /**
   * Reads an upload on the worker. The bytes are copied there: the caller keeps its own. When
   * `cancel` aborts (its sender hung up), the reading is given up, and nothing is to be stored.
   */
  async read(input: UploadInput, cancel?: AbortSignal): Promise<ReadUpload> {
    const lane = this.laneFor(input.bytes);
    try {
      return await this.readOn(lane, input, cancel);
    } catch (e) {
      // A small file that needs more than the small files' worker may take is read again on
      // the other, with all the memory an import may use.
      if (!(e instanceof WorkerOutOfMemory) || lane === this.lanes.large) throw this.refusal(e, lane, input.file);
      try {
        return await this.readOn(this.lanes.large, input, cancel);
      } catch (again) {
        throw this.refusal(again, this.lanes.large, input.file);
      }
    }
  }

  private readOn({ jobs }: ImportLane, input: UploadInput, cancel: AbortSignal | undefined): Promise<ReadUpload> {
    // A copy of exactly the file (a Buffer's slice would be a view), moved to the worker: the
    // caller's bytes may be a view of a larger buffer, which would be copied whole, and they
    // stay the caller's, to be read again elsewhere if need be.
    const bytes = new Uint8Array(input.bytes);
    return jobs.run({ ...input, bytes }, [bytes.buffer], cancel);
  }

  /** A reading that outgrew its worker, as the refusal of a file too large; other errors as they are. */
  private refusal(e: unknown, { limits }: ImportLane, file: string): unknown {
    const where = { file };
    if (e instanceof WorkerOutOfMemory)
      return new FormatError(
        "too-large",
        `reading this file needs more than the ${limits.memoryMiB} MiB of memory an import may use`,
        where,
      );
    if (e instanceof JobTimedOut)
      return new FormatError(
        "too-large",
        `reading this file takes longer than the ${limits.timeLimitMs / 1000} s an import may take`,
        where,
      );
    // Answered to no one (nginx's "client closed request"): said in the log as a refusal, not a failure.
    if (e instanceof JobCancelled) return abandoned(file);
    return e;
  }

  /** Starts the workers ahead of the first upload. */
  prepare(): void {
    this.lanes.small.jobs.prepare();
    this.lanes.large.jobs.prepare();
  }

  async close(): Promise<void> {
    await Promise.all([this.lanes.small.jobs.close(), this.lanes.large.jobs.close()]);
  }
}

/** The refusal of an upload whose sender hung up before it was stored. */
export function abandoned(file: string): HttpError {
  return new HttpError(
    499,
    "abandoned",
    `the upload of ${file} was given up: its sender hung up before the answer, and nothing was stored`,
  );
}
