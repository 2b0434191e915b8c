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
export function readDocument(input: ReadInput): ReadResult {
  try {
    return readAnyKind(input);
  } catch (e) {
    throw asStructureError(e, input.file) ?? e;
  }
}

/**
 * A reader that built a provision the legal model cannot hold (a chapter inside an article, a
 * table without rows) meets ProseMirror's content check, whose RangeError says it in the model's
 * terms: said as what is wrong with the file. Null for any other error.
 */
function asStructureError(e: unknown, file: string | undefined): FormatError | null {
  // The content is cut to 50 characters in the message: its kinds are read as far as it goes.
  const found = e instanceof RangeError ? /^Invalid content for node (\w+): <?(.*?)>?$/s.exec(e.message) : null;
  if (!found) return null;
  const [, node, content] = found as unknown as [string, string, string];
  // The kinds at the top of the content: "paragraph(p("x")), chapter(p("y"))" holds a paragraph and a chapter.
  const kinds: string[] = [];
  let depth = 0;
  for (const part of content.matchAll(/(\w+)|(\()|(\))|("(?:[^"\\]|\\.)*")/g)) {
    if (part[2]) depth++;
    else if (part[3]) depth--;
    else if (part[1] && depth === 0 && !kinds.includes(part[1])) kinds.push(part[1]);
  }
  // Cut short, the content may not name the kind at fault: said to go on.
  const cut = !(e as RangeError).message.endsWith(">");
  const holds = kinds.length === 0 ? (cut ? "what it holds" : "nothing") : `${kinds.join(", ")}${cut ? " and more" : ""}`;
  const a = /^[aeiou]/.test(node) ? "an" : "a";
  return new FormatError(
    "structure",
    `the act's structure cannot be kept: it has ${a} ${node} that holds ${holds}, which ${a} ${node} of an act cannot hold in that order or at all`,
    file ? { file } : {},
  );
}

function readAnyKind({ bytes, file, format }: ReadInput): ReadResult {
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
