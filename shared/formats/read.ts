/*
 * Reading any supported file: checks size, finds the kind (unless told), decodes and hands the
 * input to the right reader. The single entry point for the command line and the server.
 */
import { FormatError } from "./errors";
import { checkSize, decodeText, detectFormat, FORMATS, isZip, type FormatName } from "./input";
import type { ReadResult } from "./reader";
import { readAkn } from "./akn/read-akn";
import { readFormex, readFormexPackage } from "./formex/index";
import { readXhtml } from "./xhtml/index";
import { readText } from "./text/read-text";

export interface ReadInput {
  readonly bytes: Uint8Array;
  /** The file's name, for messages. */
  readonly file?: string;
  /** The kind, when the caller knows it; otherwise detected. */
  readonly format?: FormatName;
}

const READERS: Record<FormatName, (text: string, file?: string) => ReadResult> = {
  formex: readFormex,
  xhtml: readXhtml,
  akn: readAkn,
  text: readText,
};

/** Reads a file of any known kind into a document in the legal schema. */
export function readDocument({ bytes, file, format }: ReadInput): ReadResult {
  checkSize(bytes, file);
  const kind = format ?? detectFormat(bytes, file);
  if (!FORMATS.includes(kind)) {
    throw new FormatError("unknown-format", `"${String(kind)}" is not a known format; known: ${FORMATS.join(", ")}`, file ? { file } : {});
  }
  if (isZip(bytes)) {
    if (kind !== "formex")
      throw new FormatError("unknown-format", `a zip archive can only be a Formex package, not ${kind}`, file ? { file } : {});
    return readFormexPackage(bytes, file);
  }
  return READERS[kind](decodeText(bytes, file), file);
}
