/*
 * Numbers for distinct strings, looked up straight from a stretch of a longer text: an open
 * hash table over the characters, so that a token already seen costs a probe and a comparison
 * in place, and makes no new string. The characters of the known tokens lie one after another
 * in one array, and each slot holds a hash next to its id, so a lookup touches little memory:
 * tokenizing every version of an act looks up every token.
 */
import { tokenHash } from "./tokens";

export class TokenTable {
  private readonly strings: string[] = [];
  /** Where each id's characters start in `chars`; the next entry is where they end. */
  private offsets = new Int32Array(1024);
  private chars = new Uint16Array(8192);
  /** Pairs of (hash, id + 1); an id of 0 is an empty slot. Kept at most half full, so that probes stay short. */
  private slots = new Int32Array(2 * 2048);
  /**
   * Ids of the tokens of one or two ASCII characters, by their codes ("," is 0x2c, "of" is
   * 0x6f | 0x66 << 7), or -1 before first sight: more than a quarter of a text's tokens, found
   * without a probe.
   */
  private readonly short = new Int32Array(1 << 14).fill(-1);

  /** How many ids have been given: every id is below this. */
  get size(): number {
    return this.strings.length;
  }

  /** The string of an id. */
  text(id: number): string {
    return this.strings[id]!;
  }

  /** The id of `text.slice(start, end)`, whose `tokenHash` is `hash`, given on first sight. */
  idIn(text: string, start: number, end: number, hash: number = tokenHash(text, start, end)): number {
    const length = end - start;
    if (length <= 2) {
      const first = text.charCodeAt(start);
      const second = length === 2 ? text.charCodeAt(start + 1) : 0;
      // A second character of code 0 would give a one-character token's code.
      if (first < 128 && second < 128 && (length === 1 || second !== 0)) {
        const code = first | (second << 7);
        const id = this.short[code]!;
        if (id >= 0) return id;
        return (this.short[code] = this.probe(text, start, end, hash, length));
      }
    }
    return this.probe(text, start, end, hash, length);
  }

  /** `idIn` by the hash table. */
  private probe(text: string, start: number, end: number, hash: number, length: number): number {
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = slots[2 * slot + 1]!;
      if (entry === 0) return this.add(text, start, end, hash, slot);
      if (slots[2 * slot] !== hash) continue;
      const id = entry - 1;
      const from = this.offsets[id]!;
      if (this.offsets[id + 1]! - from !== length) continue;
      let k = 0;
      while (k < length && this.chars[from + k] === text.charCodeAt(start + k)) k++;
      if (k === length) return id;
    }
  }

  private add(text: string, start: number, end: number, hash: number, slot: number): number {
    const id = this.strings.length;
    this.strings.push(text.slice(start, end));
    if (id + 2 > this.offsets.length) this.offsets = grown(this.offsets, id + 2);
    const from = this.offsets[id]!;
    if (from + end - start > this.chars.length) this.chars = grown(this.chars, from + end - start);
    for (let k = start; k < end; k++) this.chars[from + k - start] = text.charCodeAt(k);
    this.offsets[id + 1] = from + end - start;
    this.slots[2 * slot] = hash;
    this.slots[2 * slot + 1] = id + 1;
    if (this.strings.length * 4 > this.slots.length) this.rehash();
    return id;
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = (slots.length >> 1) - 1;
    for (let s = 0; s < this.slots.length >> 1; s++) {
      const entry = this.slots[2 * s + 1]!;
      if (entry === 0) continue;
      const hash = this.slots[2 * s]!;
      let slot = hash & mask;
      while (slots[2 * slot + 1] !== 0) slot = (slot + 1) & mask;
      slots[2 * slot] = hash;
      slots[2 * slot + 1] = entry;
    }
    this.slots = slots;
  }
}

/** A copy of `array` with room for at least `needed` entries. */
function grown<T extends Int32Array | Uint16Array>(array: T, needed: number): T {
  const copy = new (array.constructor as new (length: number) => T)(Math.max(needed, array.length * 2));
  copy.set(array);
  return copy;
}
