/*
 * Numbers for sequences of numbers, given one step at a time: `next(key, part)` is the number
 * of the sequence numbered `key` followed by `part`, and 0 the empty sequence's. Equal
 * sequences get equal numbers and different ones different numbers, so that a provision's
 * kind, number, words and sub-provisions become one number that is equal exactly when they are.
 *
 * An open hash table over the pairs (key, part), in one array: every provision of every version
 * takes a step per part, and a table of maps cost more than the rest of making it.
 */

/** Ints per slot: key, part, and the number given (0 in an empty slot, as no step gives 0). */
const SLOT = 4;

export class SequenceNumbers {
  /**
   * Four versions of a 100,000-word act give some 18,000 numbers (a number for each new step):
   * room for 32,768 before growing, so that a long comparison never stops to grow the table.
   */
  private slots = new Int32Array(SLOT * (1 << 16));
  /** Numbers given so far, the empty sequence's included. */
  private count = 1;

  next(key: number, part: number): number {
    const slots = this.slots;
    const mask = slots.length / SLOT - 1;
    for (let slot = mix(key, part) & mask; ; slot = (slot + 1) & mask) {
      const at = SLOT * slot;
      const number = slots[at + 2]!;
      if (number === 0) {
        slots[at] = key;
        slots[at + 1] = part;
        slots[at + 2] = this.count;
        // Kept at most half full, so that probes stay short.
        if (2 * this.count > mask) this.grow();
        return this.count++;
      }
      if (slots[at] === key && slots[at + 1] === part) return number;
    }
  }

  private grow(): void {
    const old = this.slots;
    const slots = new Int32Array(old.length * 2);
    const mask = slots.length / SLOT - 1;
    for (let at = 0; at < old.length; at += SLOT) {
      if (old[at + 2] === 0) continue;
      let slot = mix(old[at]!, old[at + 1]!) & mask;
      while (slots[SLOT * slot + 2] !== 0) slot = (slot + 1) & mask;
      slots.set(old.subarray(at, at + SLOT), SLOT * slot);
    }
    this.slots = slots;
  }
}

/** A hash of a pair, its bits well spread (a multiplicative mix as in MurmurHash's finalizer). */
function mix(key: number, part: number): number {
  let h = Math.imul(key ^ Math.imul(part, 0x85ebca6b), 0x9e3779b1);
  h ^= h >>> 15;
  return h;
}
