/*
 * The first look at an input: size limits, text decoding, and which kind of file it is. A file
 * of an unknown kind is refused with the list of kinds that are known.
 */
import { FormatError } from "./errors";

/** The kinds of file the readers know. */
export const FORMATS = ["formex", "xhtml", "akn", "text"] as const;
export type FormatName = (typeof FORMATS)[number];

/**
 * The largest input accepted, in bytes. The largest acts on EUR-Lex (with annexes, in XHTML) are
 * around 20 MB; beyond this a file is almost certainly not one act.
 */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

export function isZip(bytes: Uint8Array): boolean {
  return ZIP_MAGIC.every((b, i) => bytes[i] === b);
}

/** Refuses empty and oversized inputs, with a message naming the file. */
export function checkSize(bytes: Uint8Array, file?: string): void {
  const where = file ? { file } : {};
  const blank = bytes.length <= 4096 && new TextDecoder().decode(bytes).trim() === "";
  if (bytes.length === 0 || blank) {
    throw new FormatError("empty", "the file is empty", where);
  }
  if (bytes.length > MAX_INPUT_BYTES) {
    throw new FormatError(
      "too-large",
      `the file is ${(bytes.length / 1048576).toFixed(1)} MiB; the limit is ${MAX_INPUT_BYTES / 1048576} MiB`,
      where,
    );
  }
}

/** What is said of a file that would be UTF-8 text but for its last character, cut short. */
const CUT_IN_CHARACTER = "the file ends in the middle of a character, as UTF-8 writes it; it may have been cut short";

/**
 * Whether bytes that are no UTF-8 text would be but for their last character, cut short: a
 * decoder that expects more to come keeps an unfinished last character back instead of refusing it.
 */
function cutInCharacter(bytes: Uint8Array): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes, { stream: true });
    return true;
  } catch {
    // Refused even so: the trouble is not at the end.
    return false;
  }
}

/** UTF-8 text of the bytes, without a byte-order mark. */
export function decodeText(bytes: Uint8Array, file?: string): string {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new FormatError("not-utf8", cutInCharacter(bytes) ? CUT_IN_CHARACTER : "the file is not UTF-8 text", file ? { file } : {});
  }
}

const FORMEX_ROOTS = new Set(["ACT", "CONS.ACT", "CONS.DOC", "CONS.OTH", "CONS.ANNEX", "ANNEX", "DOC", "GENERAL", "COM"]);

/** The name of an XML document's root element, read from its start without parsing the whole. */
function rootName(text: string): string | null {
  const head = text.slice(0, 65536);
  const match = head.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>[]*(\[[\s\S]*?\])?\s*>/gi, "").match(/^\s*<([A-Za-z_][\w.:-]*)/);
  return match ? (match[1] as string) : null;
}

/** Which kind of file this is, from its bytes and, failing that, its name. */
export function detectFormat(bytes: Uint8Array, file?: string): FormatName {
  if (isZip(bytes)) return "formex";
  const text = new TextDecoder().decode(bytes.subarray(0, 65536));
  const root = rootName(text);
  if (root !== null) {
    const local = root.includes(":") ? root.slice(root.indexOf(":") + 1) : root;
    if (local === "akomaNtoso") return "akn";
    if (local === "html") return "xhtml";
    if (FORMEX_ROOTS.has(local)) return "formex";
    throw new FormatError(
      "unknown-format",
      `an XML document with root <${root}> is none of the known kinds: Formex (ACT, CONS.ACT...), EUR-Lex XHTML (html), Akoma Ntoso (akomaNtoso), plain text`,
      file ? { file } : {},
    );
  }
  if (!text.trimStart().startsWith("<") && !text.includes("\u0000")) return "text";
  throw new FormatError(
    "unknown-format",
    "the file is none of the known kinds: Formex (.xml or EUR-Lex .zip package), EUR-Lex XHTML, Akoma Ntoso, plain text with numbered lines",
    file ? { file } : {},
  );
}
