/*
 * A bag of words (a multiset) as two sorted arrays of word ids and counts, and the vocabulary
 * that gives words their ids. Sorted arrays make the intersection of two bags a single merge,
 * which is what alignment does millions of times on a long act.
 */

/** Word ids for one comparison, shared by all its versions so that equal words have equal ids. */
export class Vocabulary {
  private readonly ids = new Map<string, number>();

  idOf(word: string): number {
    let id = this.ids.get(word);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(word, id);
    }
    return id;
  }

  get size(): number {
    return this.ids.size;
  }

  private counts = new Int32Array(1024);

  /** A zeroed tally of word ids, large enough for every id given out so far and `more` to come. */
  tally(more: number): { at(id: number): number; add(id: number): void; take(id: number): number } {
    if (this.counts.length < this.ids.size + more) {
      const grown = new Int32Array(Math.max(this.counts.length * 2, this.ids.size + more));
      grown.set(this.counts);
      this.counts = grown;
    }
    const counts = this.counts;
    return {
      at: (id) => counts[id]!,
      add: (id) => {
        counts[id]!++;
      },
      // Reads a count and zeroes it, so the tally is clean for the next bag.
      take: (id) => {
        const n = counts[id]!;
        counts[id] = 0;
        return n;
      },
    };
  }
}

const WORD = /[\p{L}\p{N}]+/gu;

export class WordBag {
  /** Total number of words, repeats included. */
  readonly size: number;

  private constructor(
    /** Word ids in increasing order. */
    readonly ids: Int32Array,
    /** How often each word occurs, aligned with `ids`. */
    readonly counts: Int32Array,
  ) {
    let size = 0;
    for (const c of counts) size += c;
    this.size = size;
  }

  static readonly empty = new WordBag(new Int32Array(0), new Int32Array(0));

  /** A bag from sorted unique ids and their counts. */
  static from(ids: Int32Array, counts: Int32Array): WordBag {
    return new WordBag(ids, counts);
  }

  /** The bag of the words of a text: letters and digits, in lower case; punctuation is no word. */
  static of(text: string, vocabulary: Vocabulary): WordBag {
    const matches = text.toLowerCase().match(WORD);
    if (!matches) return WordBag.empty;
    const tally = vocabulary.tally(matches.length);
    const unique: number[] = [];
    for (const word of matches) {
      const id = vocabulary.idOf(word);
      if (tally.at(id) === 0) unique.push(id);
      tally.add(id);
    }
    const ids = Int32Array.from(unique).sort();
    const counts = new Int32Array(ids.length);
    for (let k = 0; k < ids.length; k++) counts[k] = tally.take(ids[k]!);
    return new WordBag(ids, counts);
  }

  /** A bag holding the words of all the given bags: a merge of their sorted ids. */
  static union(bags: readonly WordBag[]): WordBag {
    const nonEmpty = bags.filter((b) => b.ids.length > 0);
    if (nonEmpty.length === 0) return WordBag.empty;
    let merged = nonEmpty[0]!;
    for (let k = 1; k < nonEmpty.length; k++) merged = merge(merged, nonEmpty[k]!);
    return merged;
  }
}

function merge(a: WordBag, b: WordBag): WordBag {
  const ids = new Int32Array(a.ids.length + b.ids.length);
  const counts = new Int32Array(ids.length);
  let n = 0;
  let i = 0;
  let j = 0;
  while (i < a.ids.length || j < b.ids.length) {
    const x = i < a.ids.length ? a.ids[i]! : Infinity;
    const y = j < b.ids.length ? b.ids[j]! : Infinity;
    if (x === y) {
      ids[n] = x;
      counts[n++] = a.counts[i++]! + b.counts[j++]!;
    } else if (x < y) {
      ids[n] = x;
      counts[n++] = a.counts[i++]!;
    } else {
      ids[n] = y;
      counts[n++] = b.counts[j++]!;
    }
  }
  return WordBag.from(ids.subarray(0, n), counts.subarray(0, n));
}
