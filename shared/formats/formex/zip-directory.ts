/*
 * What a zip archive's end says of its directory, read as the unzipper (fflate) reads it: how
 * many files it lists. The unzipper walks that many entries, whatever the archive's size, so a
 * 128-byte file whose ZIP64 record claims four billion entries kept it busy for minutes.
 */

/** The fewest bytes an entry of a zip's central directory takes: its fixed fields, with an empty name. */
export const DIRECTORY_ENTRY_BYTES = 46;

const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_END_OF_DIRECTORY = 0x06064b50;
/** The end record's own length, and the longest comment that may follow it. */
const END_BYTES = 22;
const LONGEST_COMMENT = 65535;

function u16(bytes: Uint8Array, at: number): number {
  return (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8);
}

function u32(bytes: Uint8Array, at: number): number {
  return (u16(bytes, at) | (u16(bytes, at + 2) << 16)) >>> 0;
}

/**
 * The number of entries the archive's directory claims, from its end record or, when there is
 * one, its ZIP64 end record; null when the archive has no end record (the unzipper refuses it).
 */
export function directoryEntries(bytes: Uint8Array): number | null {
  let end = bytes.length - END_BYTES;
  while (end > 0 && bytes.length - end <= END_BYTES + LONGEST_COMMENT && u32(bytes, end) !== END_OF_DIRECTORY) end--;
  if (end < 0 || u32(bytes, end) !== END_OF_DIRECTORY) return null;
  const count = u16(bytes, end + 8);
  if (count === 0 || u32(bytes, end - 20) !== ZIP64_LOCATOR) return count;
  const zip64End = u32(bytes, end - 12);
  return u32(bytes, zip64End) === ZIP64_END_OF_DIRECTORY ? u32(bytes, zip64End + 32) : count;
}

const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const LOCAL_HEADER_BYTES = 30;
/** Flag bits: the entry is encrypted; its name is UTF-8 (else code page 437, read as Latin-1 as fflate reads it). */
const ENCRYPTED = 0x1;
const UTF8_NAME = 0x800;

/** A file the directory lists: where its compressed bytes are, how it is compressed, and the size it says it unpacks to. */
export interface DirectoryFile {
  readonly name: string;
  /** 0 stored, 8 deflated; others as APPNOTE numbers them. */
  readonly compression: number;
  readonly encrypted: boolean;
  /** Its compressed bytes in the archive. */
  readonly data: Uint8Array;
  /** The size the directory gives it unpacked. */
  readonly size: number;
}

/**
 * The files the archive's central directory lists, in its order, each with its compressed bytes
 * found through its local header; or, when the directory or a header is not where it says, why.
 * Entries whose sizes stand in a ZIP64 record are the caller's to refuse before.
 */
export function directoryFiles(bytes: Uint8Array): DirectoryFile[] | string {
  let end = bytes.length - END_BYTES;
  while (end > 0 && bytes.length - end <= END_BYTES + LONGEST_COMMENT && u32(bytes, end) !== END_OF_DIRECTORY) end--;
  if (end < 0 || u32(bytes, end) !== END_OF_DIRECTORY) return "it has no end record";
  const count = u16(bytes, end + 10);
  let at = u32(bytes, end + 16);
  const files: DirectoryFile[] = [];
  for (let k = 0; k < count; k++) {
    if (u32(bytes, at) !== DIRECTORY_ENTRY) return `its directory's entry ${k + 1} is not where the directory says`;
    const flags = u16(bytes, at + 8);
    const compressedSize = u32(bytes, at + 20);
    const nameBytes = bytes.subarray(at + 46, at + 46 + u16(bytes, at + 28));
    const name = new TextDecoder(flags & UTF8_NAME ? "utf-8" : "latin1").decode(nameBytes);
    const header = u32(bytes, at + 42);
    if (u32(bytes, header) !== LOCAL_HEADER) return `the file ${name} is not where the directory says`;
    const start = header + LOCAL_HEADER_BYTES + u16(bytes, header + 26) + u16(bytes, header + 28);
    if (start + compressedSize > bytes.length) return `the file ${name} runs past the archive's end`;
    files.push({
      name,
      compression: u16(bytes, at + 10),
      encrypted: (flags & ENCRYPTED) !== 0,
      data: bytes.subarray(start, start + compressedSize),
      size: u32(bytes, at + 24),
    });
    at += 46 + u16(bytes, at + 28) + u16(bytes, at + 30) + u16(bytes, at + 32);
  }
  return files;
}
