/*
 * The command line's files: reading an input and writing an output, with a failure said in a
 * sentence (no such file, a folder, no permission) instead of a stack trace.
 */
import { readFile, stat, writeFile } from "node:fs/promises";
import { basename } from "node:path";
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
  const bytes = await readFile(path).catch((e: unknown) => {
    throw new FormatError("empty", `cannot read ${path}: ${reason(e)}`);
  });
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Writes an output file, or says why it cannot be written. */
export async function writeOutput(path: string, content: string): Promise<void> {
  await writeFile(path, content).catch((e: unknown) => {
    throw new OutputError(`cannot write ${path}: ${reason(e)}`);
  });
}
