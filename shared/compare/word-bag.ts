/*
 * A bag of words (a multiset) as two sorted arrays of word ids and counts. Sorted arrays make
 * the intersection of two bags a single merge, which is what alignment does many thousands of
 * times on a long act.
 */
import type { Lexicon, TokenizedText } from "./lexicon";

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

  /** The bag of the words of some texts: their words in lower case; punctuation is no word. */
  static of(texts: readonly TokenizedText[], lexicon: Lexicon): WordBag {
    const counts = lexicon.counts(0);
    const unique: number[] = [];
    const add = (word: number) => {
      if (counts[word]!++ === 0) unique.push(word);
    };
    for (const text of texts) for (const id of text.ids) lexicon.forEachWord(id, add);
    if (unique.length === 0) return WordBag.empty;
    const ids = Int32Array.from(unique).sort();
    const bagCounts = new Int32Array(ids.length);
    for (let k = 0; k < ids.length; k++) {
      bagCounts[k] = counts[ids[k]!]!;
      counts[ids[k]!] = 0;
    }
    return new WordBag(ids, bagCounts);
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
