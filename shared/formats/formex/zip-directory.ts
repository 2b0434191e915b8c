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
