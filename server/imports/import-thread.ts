/*
 * The main thread's side of the import worker: files read there, and their failures turned back
 * into the errors the routes answer with. A file whose reading outgrows the worker's memory is
 * refused as too large, like a file over the upload limit.
 */
import { FormatError } from "../../shared/formats/errors";
import { JobThread, WorkerOutOfMemory } from "../workers/job-thread";
import type { ImportFailure } from "./import-worker";
import type { ReadUpload, UploadInput } from "./read-upload";

/** The most memory reading one file may take: a 100,000-word act takes about 150 MiB. */
export const IMPORT_MEMORY_MIB = 2048;

export class ImportThread {
  private readonly thread: JobThread<UploadInput, ReadUpload, ImportFailure>;

  constructor(private readonly memoryMiB: number = IMPORT_MEMORY_MIB) {
    this.thread = new JobThread({
      name: "import",
      module: new URL("./import-worker.ts", import.meta.url),
      revive: (failure) =>
        failure.format
          ? new FormatError(failure.code, failure.reason, failure.location)
          : new Error(`the import failed: ${failure.message}`),
      resourceLimits: { maxOldGenerationSizeMb: memoryMiB },
    });
  }

  /** Reads an upload on the worker. The bytes are copied there: the caller keeps its own. */
  async read(input: UploadInput): Promise<ReadUpload> {
    // A copy of exactly the file, moved to the worker: the caller's bytes may be a view of a
    // larger buffer, which would be copied whole.
    const bytes = input.bytes.slice();
    try {
      return await this.thread.run({ ...input, bytes }, [bytes.buffer]);
    } catch (e) {
      if (e instanceof WorkerOutOfMemory) {
        throw new FormatError("too-large", `reading this file needs more than the ${this.memoryMiB} MiB of memory an import may use`, {
          file: input.file,
        });
      }
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
