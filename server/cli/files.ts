/*
 * The command line's files: reading an input and writing an output, with a failure said in a
 * sentence (no such file, a folder, no permission) instead of a stack trace.
 */
import { createReadStream } from "node:fs";
import { readFile, realpath, stat, writeFile } from "node:fs/promises";
import { basename, resolve } from "node:path";
import { FormatError } from "../../shared/formats/errors";
import { MAX_INPUT_BYTES } from "../../shared/formats/input";

/** A file the command could not write: exit status 1 with the reason. */
export class OutputError extends Error {
  override readonly name = "OutputError";
}

const REASONS: Record<string, string> = {
  ENOENT: "no such file or folder",
  EISDIR: "it is a folder, not a file",
  ENOTDIR: "a part of its path is not a folder",
  EACCES: "permission denied",
  EPERM: "permission denied",
};

function reason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  return (code !== undefined && REASONS[code]) || String((e as Error)?.message ?? e);
}

/** The bytes of an input file, refused before reading when it is over the readers' limit. */
export async function readInput(path: string): Promise<Uint8Array> {
  const info = await stat(path).catch((e: unknown) => {
    throw new FormatError("empty", `cannot read ${path}: ${reason(e)}`);
  });
  if (info.isDirectory()) throw new FormatError("empty", `cannot read ${path}: ${REASONS.EISDIR}`);
  if (info.size > MAX_INPUT_BYTES)
    throw new FormatError(
      "too-large",
      `the file is ${(info.size / 1048576).toFixed(1)} MiB; the limit is ${MAX_INPUT_BYTES / 1048576} MiB`,
      {
        file: basename(path),
      },
    );
  // A pipe or a device says nothing of its size: it is read up to the limit, and no further.
  const bytes = info.isFile() ? await readFile(path).catch(cannotRead(path)) : await readUpToLimit(path);
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

const cannotRead = (path: string) => (e: unknown) => {
  throw new FormatError("empty", `cannot read ${path}: ${reason(e)}`);
};

/** What a pipe or a device gives, refused as soon as it is more than the readers' limit. */
async function readUpToLimit(path: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  const stream = createReadStream(path);
  try {
    for await (const chunk of stream) {
      size += (chunk as Buffer).length;
      if (size > MAX_INPUT_BYTES)
        throw new FormatError("too-large", `more than ${MAX_INPUT_BYTES / 1048576} MiB came from it, the limit; the rest was not read`, {
          file: basename(path),
        });
      chunks.push(chunk as Buffer);
    }
  } catch (e) {
    throw e instanceof FormatError ? e : new FormatError("empty", `cannot read ${path}: ${reason(e)}`);
  } finally {
    stream.destroy();
  }
  return Buffer.concat(chunks);
}

/** Refuses an output that is one of the inputs, by its path or as a link to it: writing it would lose the input. */
export async function refuseOverwritingInput(output: string, inputs: readonly string[]): Promise<void> {
  const real = (path: string) => realpath(path).catch(() => resolve(path));
  const file = (path: string) => stat(path).catch(() => null);
  const target = await real(output);
  const targetFile = await file(output);
  for (const input of inputs) {
    const inputFile = await file(input);
    const sameFile = targetFile !== null && inputFile !== null && targetFile.dev === inputFile.dev && targetFile.ino === inputFile.ino;
    if (sameFile || (await real(input)) === target)
      throw new OutputError(`cannot write ${output}: it is the input ${input}, which it would overwrite`);
  }
}

/** Writes an output file, or says why it cannot be written. */
export async function writeOutput(path: string, content: string | Uint8Array): Promise<void> {
  await writeFile(path, content).catch((e: unknown) => {
    throw new OutputError(`cannot write ${path}: ${reason(e)}`);
  });
}
