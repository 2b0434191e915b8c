/*
 * Zip archives written as Info-ZIP's `zip -fz` writes them: every size and offset in ZIP64
 * fields, the 32-bit fields given as 0xFFFFFFFF, and a ZIP64 end record. fflate writes no such
 * archive; this one is laid out by hand from APPNOTE 6.3, for tests only.
 */
import { crc32 } from "node:zlib";
import { deflateSync } from "fflate";

const FULL_32 = 0xffffffff;
const FULL_16 = 0xffff;

class Writer {
  readonly bytes: number[] = [];
  u16(v: number): this {
    this.bytes.push(v & 0xff, (v >>> 8) & 0xff);
    return this;
  }
  u32(v: number): this {
    return this.u16(v & 0xffff).u16(v >>> 16);
  }
  u64(v: number): this {
    return this.u32(v % 2 ** 32).u32(Math.floor(v / 2 ** 32));
  }
  raw(data: Uint8Array): this {
    for (const b of data) this.bytes.push(b);
    return this;
  }
  get length(): number {
    return this.bytes.length;
  }
}

/** A ZIP64 archive of the files, deflated. */
export function zip64(files: Record<string, Uint8Array>): Uint8Array {
  const out = new Writer();
  const directory = new Writer();
  for (const [name, data] of Object.entries(files)) {
    const nameBytes = new TextEncoder().encode(name);
    const packed = deflateSync(data);
    const crc = crc32(data);
    const offset = out.length;
    out.u32(0x04034b50).u16(45).u16(0x800).u16(8).u16(0).u16(0).u32(crc).u32(FULL_32).u32(FULL_32);
    out.u16(nameBytes.length).u16(20).raw(nameBytes);
    out.u16(0x0001).u16(16).u64(data.length).u64(packed.length).raw(packed);
    directory.u32(0x02014b50).u16(45).u16(45).u16(0x800).u16(8).u16(0).u16(0).u32(crc).u32(FULL_32).u32(FULL_32);
    directory.u16(nameBytes.length).u16(28).u16(0).u16(0).u16(0).u32(0).u32(FULL_32).raw(nameBytes);
    directory.u16(0x0001).u16(24).u64(data.length).u64(packed.length).u64(offset);
  }
  const count = Object.keys(files).length;
  const directoryOffset = out.length;
  out.raw(Uint8Array.from(directory.bytes));
  const zip64End = out.length;
  out.u32(0x06064b50).u64(44).u16(45).u16(45).u32(0).u32(0).u64(count).u64(count).u64(directory.length).u64(directoryOffset);
  out.u32(0x07064b50).u32(0).u64(zip64End).u32(1);
  out.u32(0x06054b50).u16(0).u16(0).u16(FULL_16).u16(FULL_16).u32(FULL_32).u32(FULL_32).u16(0);
  return Uint8Array.from(out.bytes);
}
