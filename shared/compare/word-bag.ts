/*
 * A bag of words (a multiset) as two arrays, of word ids and of their counts, made by tallying
 * ids in an array indexed by id; alignment compares bags many thousands of times on a long act,
 * and typed arrays keep that to a walk over numbers.
 */
import { SEVERAL_WORDS, type Lexicon, type TokenizedText } from "./lexicon";

/** The ids met while tallying a bag, in the order met. */
let unique = new Int32Array(1024);

export class WordBag {
  private constructor(
    /** Word ids, each once, in the order first met. */
    readonly ids: Int32Array,
    /** How often each word occurs, aligned with `ids`. */
    readonly counts: Int32Array,
    /** Total number of words, repeats included. */
    readonly size: number,
  ) {}

  static readonly empty = new WordBag(new Int32Array(0), new Int32Array(0), 0);

  /**
   * The bag of the words of some texts, in lower case (punctuation is no word), together with
   * the words of some bags: one tally in the lexicon's counting array.
   */
  static of(lexicon: Lexicon, texts: readonly TokenizedText[], bags: readonly WordBag[] = []): WordBag {
    if (texts.length === 0 && bags.length === 1) return bags[0]!;
    const counts = lexicon.counts(0);
    // Every id met once at most: room for as many as the lexicon has.
    if (unique.length < lexicon.size) unique = new Int32Array(lexicon.size * 2);
    const met = unique;
    const wordOf = lexicon.wordIdsOfTokens();
    let n = 0;
    for (let t = 0; t < texts.length; t++) {
      const ids = texts[t]!.ids;
      for (let k = 0; k < ids.length; k++) {
        const word = wordOf[ids[k]!]!;
        if (word >= 0) {
          if (counts[word]!++ === 0) met[n++] = word;
        } else if (word === SEVERAL_WORDS) {
          for (const w of lexicon.wordsOf(ids[k]!)) if (counts[w]!++ === 0) met[n++] = w;
        }
      }
    }
    for (let b = 0; b < bags.length; b++) {
      const { ids, counts: bagCounts } = bags[b]!;
      for (let k = 0; k < ids.length; k++) {
        const id = ids[k]!;
        if (counts[id] === 0) met[n++] = id;
        counts[id]! += bagCounts[k]!;
      }
    }
    if (n === 0) return WordBag.empty;
    const ids = lexicon.arena.take(n);
    const bagCounts = lexicon.arena.take(n);
    let size = 0;
    for (let k = 0; k < n; k++) {
      const id = met[k]!;
      const count = counts[id]!;
      ids[k] = id;
      bagCounts[k] = count;
      size += count;
      counts[id] = 0;
    }
    return new WordBag(ids, bagCounts, size);
  }

  /** A bag holding the words of all the given bags. */
  static union(lexicon: Lexicon, bags: readonly WordBag[]): WordBag {
    return WordBag.of(lexicon, [], bags);
  }
}
