/*
 * Numbers for distinct strings, looked up straight from a stretch of a longer text: an open
 * hash table over the characters, so that a token already seen costs a hash and a comparison
 * in place, and makes no new string. Tokenizing every version of an act looks up every token.
 */
import { tokenHash } from "./tokens";

export class TokenTable {
  private readonly strings: string[] = [];
  private hashes = new Int32Array(1024);
  /** Slots hold id + 1; 0 is an empty slot. Kept at most half full, so that probes stay short. */
  private slots = new Int32Array(2048);

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
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot]!;
      if (entry === 0) return this.add(text.slice(start, end), hash, slot);
      const id = entry - 1;
      if (this.hashes[id] === hash && sameText(this.strings[id]!, text, start, length)) return id;
    }
  }

  private add(text: string, hash: number, slot: number): number {
    const id = this.strings.length;
    this.strings.push(text);
    if (id === this.hashes.length) {
      const grown = new Int32Array(this.hashes.length * 2);
      grown.set(this.hashes);
      this.hashes = grown;
    }
    this.hashes[id] = hash;
    this.slots[slot] = id + 1;
    if (this.strings.length * 2 > this.slots.length) this.rehash();
    return id;
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let id = 0; id < this.strings.length; id++) {
      let slot = this.hashes[id]! & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = id + 1;
    }
    this.slots = slots;
  }
}

/** Whether `known` is written in `text` from `start`, `length` characters long. */
function sameText(known: string, text: string, start: number, length: number): boolean {
  if (known.length !== length) return false;
  for (let k = 0; k < length; k++) if (known.charCodeAt(k) !== text.charCodeAt(start + k)) return false;
  return true;
}
