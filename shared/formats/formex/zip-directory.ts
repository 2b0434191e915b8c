/*
 * A zip archive's central directory: the files it lists, each with its compressed bytes, found
 * through its local header, and the size it says the file unpacks to. The one reading of the
 * archive that both the check of the sizes and the unpacking go by: when the check read the
 * directory one way (fflate's: the entries "on this disk", ZIP64 records) and the unpacking
 * another, a zip could pass the one with no file and unpack gigabytes by the other.
 *
 * Refused, with what is wrong: an archive without its end record; one spanning several disks; a
 * directory that claims more entries than its bytes could list, or whose entries or local headers
 * are not where it says; files whose bytes overlap (a zip bomb's way of inflating one stream
 * many times over); a size given as 0xFFFFFFFF without the ZIP64 field that holds it.
 */

/** The fewest bytes an entry of a zip's central directory takes: its fixed fields, with an empty name. */
export const DIRECTORY_ENTRY_BYTES = 46;

const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_END_OF_DIRECTORY = 0x06064b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const LOCAL_HEADER_BYTES = 30;
/** The end record's own length, and the longest comment that may follow it. */
const END_BYTES = 22;
const LONGEST_COMMENT = 65535;
/** What a 16- or 32-bit field holds when its value stands in a ZIP64 record instead. */
const IN_ZIP64_16 = 0xffff;
const IN_ZIP64_32 = 0xffffffff;
/** The id of the extra field that holds a file's ZIP64 sizes and offset. */
const ZIP64_EXTRA = 0x0001;
/** Flag bits: the entry is encrypted; its name is UTF-8 (else code page 437, read as Latin-1). */
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

/** Why an archive's directory cannot be read: `sizedElsewhere` when a size stands in a ZIP64 record the archive does not have. */
export class ZipDirectoryError extends Error {
  override readonly name = "ZipDirectoryError";
  constructor(
    message: string,
    readonly sizedElsewhere = false,
  ) {
    super(message);
  }
}

function u16(bytes: Uint8Array, at: number): number {
  return (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8);
}

function u32(bytes: Uint8Array, at: number): number {
  return (u16(bytes, at) | (u16(bytes, at + 2) << 16)) >>> 0;
}

function u64(bytes: Uint8Array, at: number): number {
  return u32(bytes, at) + u32(bytes, at + 4) * 2 ** 32;
}

/** Where the directory starts and how many entries it claims, from the end record, or ZIP64's when there is one. */
function directoryPlace(bytes: Uint8Array): { readonly count: number; readonly offset: number } {
  let end = bytes.length - END_BYTES;
  while (end > 0 && bytes.length - end <= END_BYTES + LONGEST_COMMENT && u32(bytes, end) !== END_OF_DIRECTORY) end--;
  if (end < 0 || u32(bytes, end) !== END_OF_DIRECTORY) throw new ZipDirectoryError("it has no end record; it may have been cut short");
  let place = { disk: u16(bytes, end + 4), directoryDisk: u16(bytes, end + 6), onDisk: u16(bytes, end + 8), count: u16(bytes, end + 10) };
  let offset = u32(bytes, end + 16);
  if (end >= 20 && u32(bytes, end - 20) === ZIP64_LOCATOR) {
    const zip64End = u64(bytes, end - 12);
    if (u32(bytes, zip64End) !== ZIP64_END_OF_DIRECTORY) throw new ZipDirectoryError("its ZIP64 end record is not where its locator says");
    place = {
      disk: u32(bytes, zip64End + 16),
      directoryDisk: u32(bytes, zip64End + 20),
      onDisk: u64(bytes, zip64End + 24),
      count: u64(bytes, zip64End + 32),
    };
    offset = u64(bytes, zip64End + 48);
  } else if (place.count === IN_ZIP64_16 || offset === IN_ZIP64_32) {
    throw new ZipDirectoryError("its end record points to a ZIP64 end record it does not have");
  }
  // Walked entry by entry: a claim the archive's bytes cannot hold is refused before.
  if (place.count * DIRECTORY_ENTRY_BYTES > bytes.length) {
    throw new ZipDirectoryError(`its directory claims ${place.count} files, more than its ${bytes.length} bytes could list`);
  }
  if (place.disk !== 0 || place.directoryDisk !== 0 || place.onDisk !== place.count) {
    throw new ZipDirectoryError("it is one part of an archive split across several files");
  }
  return { count: place.count, offset };
}

/** The values of a ZIP64 extra field that stand for the 32-bit fields given as 0xFFFFFFFF, in their order. */
function zip64Values(bytes: Uint8Array, from: number, to: number, wanted: number): number[] | null {
  for (let at = from; at + 4 <= to; at += 4 + u16(bytes, at + 2)) {
    if (u16(bytes, at) !== ZIP64_EXTRA) continue;
    if (u16(bytes, at + 2) < 8 * wanted) return null;
    return Array.from({ length: wanted }, (_, k) => u64(bytes, at + 4 + 8 * k));
  }
  return null;
}

/**
 * The files the archive's central directory lists, in its order, each with its compressed bytes
 * found through its local header. Throws ZipDirectoryError, saying what is wrong, when the
 * directory cannot be gone by.
 */
export function directoryFiles(bytes: Uint8Array): DirectoryFile[] {
  const { count, offset } = directoryPlace(bytes);
  const files: DirectoryFile[] = [];
  const spans: { readonly from: number; readonly to: number; readonly name: string }[] = [];
  let at = offset;
  for (let k = 0; k < count; k++) {
    if (u32(bytes, at) !== DIRECTORY_ENTRY) throw new ZipDirectoryError(`its directory's entry ${k + 1} is not where the directory says`);
    const flags = u16(bytes, at + 8);
    const nameLength = u16(bytes, at + 28);
    const extraFrom = at + 46 + nameLength;
    const extraTo = extraFrom + u16(bytes, at + 30);
    const name = new TextDecoder(flags & UTF8_NAME ? "utf-8" : "latin1").decode(bytes.subarray(at + 46, at + 46 + nameLength));
    // Size, compressed size and the local header's place, each from the ZIP64 field when given as 0xFFFFFFFF, in that order.
    const given = [u32(bytes, at + 24), u32(bytes, at + 20), u32(bytes, at + 42)];
    const elsewhere = given.filter((value) => value === IN_ZIP64_32).length;
    let [size, compressedSize, header] = given as [number, number, number];
    if (elsewhere > 0) {
      const values = zip64Values(bytes, extraFrom, extraTo, elsewhere);
      if (values === null) throw new ZipDirectoryError(`the file ${name} gives a size only in a ZIP64 record it does not have`, true);
      [size, compressedSize, header] = given.map((value) => (value === IN_ZIP64_32 ? values.shift()! : value)) as [number, number, number];
    }
    if (u32(bytes, header) !== LOCAL_HEADER) throw new ZipDirectoryError(`the file ${name} is not where the directory says`);
    const start = header + LOCAL_HEADER_BYTES + u16(bytes, header + 26) + u16(bytes, header + 28);
    if (start + compressedSize > bytes.length) throw new ZipDirectoryError(`the file ${name} runs past the archive's end`);
    files.push({
      name,
      compression: u16(bytes, at + 10),
      encrypted: (flags & ENCRYPTED) !== 0,
      data: bytes.subarray(start, start + compressedSize),
      size,
    });
    spans.push({ from: header, to: start + compressedSize, name });
    at = extraTo + u16(bytes, at + 32);
  }
  // Each file's bytes its own: files sharing bytes would have one stream inflated as many times.
  spans.sort((a, b) => a.from - b.from);
  for (let k = 1; k < spans.length; k++) {
    if (spans[k]!.from < spans[k - 1]!.to) throw new ZipDirectoryError(`the files ${spans[k - 1]!.name} and ${spans[k]!.name} share bytes`);
  }
  return files;
}
