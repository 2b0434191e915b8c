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
    if (cutInCharacter(bytes)) throw new FormatError("not-utf8", CUT_IN_CHARACTER, file ? { file } : {});
    const at = firstInvalidByte(bytes);
    throw new FormatError("not-utf8", notUtf8(bytes, at), { ...(file ? { file } : {}), line: lineOf(bytes, at) });
  }
}

/** Why bytes are no UTF-8 text, in words: the encoding they declare or seem to be in, and where the first byte that is no UTF-8 stands. */
function notUtf8(bytes: Uint8Array, at: number): string {
  const where = `its byte ${at + 1} (0x${bytes[at]!.toString(16).padStart(2, "0")}) is no UTF-8`;
  if (hasUtf16Mark(bytes)) return "the file is UTF-16 text (it begins with UTF-16's byte-order mark); only UTF-8 is read: save it as UTF-8";
  const declared = /^<\?xml[^>]*\sencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(new TextDecoder("latin1").decode(bytes.subarray(0, 200)));
  if (declared && !/^utf-?8$/i.test(declared[1]!))
    return `the file declares the encoding ${declared[1]}; only UTF-8 is read: save it as UTF-8 (${where})`;
  return `the file is not UTF-8 text: ${where}`;
}

/** Whether the bytes begin with UTF-16's byte-order mark, in either order. */
function hasUtf16Mark(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

/** Where the first byte that does not belong to a UTF-8 character stands, counted from 0; the length when there is none. */
function firstInvalidByte(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    // The second byte's range, narrower after some lead bytes: no overlong form, no surrogate, nothing past U+10FFFF.
    const second = bytes[i + 1]!;
    const [low, high] =
      b === 0xe0 ? [0xa0, 0xbf] : b === 0xed ? [0x80, 0x9f] : b === 0xf0 ? [0x90, 0xbf] : b === 0xf4 ? [0x80, 0x8f] : [0x80, 0xbf];
    if (second < low || second > high) return i;
    for (let k = 2; k < length; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += length;
  }
  return bytes.length;
}

/** The line, counted from 1, that byte `at` stands on. */
function lineOf(bytes: Uint8Array, at: number): number {
  let line = 1;
  for (let i = 0; i < at && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
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
  // A zip archive without any file is its end record alone: "PK\x05\x06".
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x05 && bytes[3] === 0x06)
    throw new FormatError("empty", "the file is an empty zip archive: it holds no file", file ? { file } : {});
  // UTF-16 text would be read as none of the kinds: its encoding is the trouble, and is said.
  if (hasUtf16Mark(bytes)) decodeText(bytes, file);
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
