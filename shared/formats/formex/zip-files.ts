/*
 * The files of a zip archive, each unpacked no further than the size its directory gives it.
 * fflate's unzipper gives each file a buffer of that size and inflates all its compressed bytes
 * into it, dropping what does not fit: a file that says it is 100 bytes and inflates to 1.5 GB
 * kept the import busy for its whole time limit. Here each file is inflated a slice of its
 * compressed bytes at a time, and refused as soon as it outgrows its stated size.
 */
import { Inflate } from "fflate";
import type { DirectoryFile } from "./zip-directory";

/** Compressed bytes inflated at a time: deflate's best ratio (1032 to 1) makes this at most 66 MB out. */
const SLICE = 64 * 1024;
const STORED = 0;
const DEFLATED = 8;

/** Why a file cannot be unpacked as its directory says: `outgrown` when it unpacks to more than its stated size. */
export class ZipFileError extends Error {
  override readonly name = "ZipFileError";
  constructor(
    message: string,
    readonly outgrown = false,
  ) {
    super(message);
  }
}

/** The unpacked bytes of a file, exactly its stated size; throws ZipFileError when they are not. */
export function unpackFile(file: DirectoryFile): Uint8Array {
  if (file.encrypted) throw new ZipFileError(`the file ${file.name} is encrypted`);
  if (file.compression === STORED) {
    if (file.data.length !== file.size)
      throw new ZipFileError(`the file ${file.name} holds ${file.data.length} bytes, not the ${file.size} its directory says`);
    return file.data.slice();
  }
  if (file.compression !== DEFLATED)
    throw new ZipFileError(`the file ${file.name} is compressed by method ${file.compression}, not deflated or stored`);
  const out = new Uint8Array(file.size);
  let length = 0;
  const inflate = new Inflate((chunk) => {
    if (length + chunk.length > file.size)
      throw new ZipFileError(`the file ${file.name} unpacks to more than the ${file.size} bytes its directory says`, true);
    out.set(chunk, length);
    length += chunk.length;
  });
  for (let at = 0; at < file.data.length; at += SLICE) {
    const end = Math.min(at + SLICE, file.data.length);
    inflate.push(file.data.subarray(at, end), end === file.data.length);
  }
  if (file.data.length === 0) inflate.push(new Uint8Array(0), true);
  if (length !== file.size)
    throw new ZipFileError(`the file ${file.name} unpacks to ${length} bytes, not the ${file.size} its directory says`);
  return out;
}
