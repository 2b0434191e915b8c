/*
 * The tokens and words of one comparison, numbered. Every distinct token ("Article 5(2)",
 * "exporter", ",") and every distinct word in lower case gets an id shared by all the versions
 * compared, so that word bags and word diffs compare numbers instead of strings, and each
 * distinct text is tokenized once however many versions carry it.
 */
import { scanTokens, tokenBounds, type TokenBounds } from "./tokens";
import { TokenTable } from "./token-table";
import { Int32Arena } from "./int-arena";

/** A text as its token ids, with where each token starts in it. */
export interface TokenizedText {
  readonly text: string;
  /** The text's number among the distinct texts of the comparison: equal exactly when the texts are. */
  readonly serial: number;
  /** Token ids, in reading order. */
  readonly ids: Int32Array;
  /**
   * Where each token starts, plus the text's length at the end: token k with the spacing after
   * it is `text.slice(starts[k], starts[k + 1])`. The first starts at 0, so that spacing before
   * it is kept too and the slices of all tokens give the whole text back (a text of nothing but
   * spaces has no tokens).
   */
  readonly starts: Int32Array;
}

/** What `wordOf` says of a token that holds no word: a punctuation mark. */
export const NO_WORD = -1;
/** What `wordOf` says of a token that holds several words ("Article 5(2)(a)"): ask `wordsOf`. */
export const SEVERAL_WORDS = -2;

const WORDS = /[\p{L}\p{N}]+/gu;
const PLAIN_WORD = /^[A-Za-z0-9]+$/;

export class Lexicon {
  private readonly ids = new TokenTable();
  private readonly tokenized = new Map<string, TokenizedText>();
  /** Per id: the id of its one word in lower case, or NO_WORD, or SEVERAL_WORDS (then in `wordLists`). */
  private wordIds = new Int32Array(4096);
  private readonly wordLists = new Map<number, Int32Array>();
  private readonly scratch: Int32Array[] = [];
  /** Where the comparison's small arrays of ids are cut from. */
  readonly arena = new Int32Arena();
  /** Where the scan of a text puts its tokens: room for one per character of the longest text yet. */
  private scanned: TokenBounds = tokenBounds(1024);
  /** Ids below this have their words in `wordIds`; a text's tokens get ids first, and their words in `catchUp`. */
  private described = 0;

  /** How many ids have been given: every id is below this. */
  get size(): number {
    return this.ids.size;
  }

  /** The text's tokens; the same object for the same text. */
  tokens(text: string): TokenizedText {
    let found = this.tokenized.get(text);
    if (found === undefined) {
      // A text has at most one token per character.
      if (this.scanned.starts.length < text.length) this.scanned = tokenBounds(2 * text.length);
      const { starts: scannedStarts, ends, hashes } = this.scanned;
      const n = scanTokens(text, this.scanned);
      const ids = this.arena.take(n);
      const starts = this.arena.take(n + 1);
      // The table alone, in the loop that sees every token: a new token's words are found after.
      for (let k = 0; k < n; k++) {
        ids[k] = this.ids.idIn(text, scannedStarts[k]!, ends[k]!, hashes[k]!);
        starts[k] = scannedStarts[k]!;
      }
      this.catchUp();
      // The first token starts at 0, so that spacing before it is kept; the end is the text's length.
      if (n > 0) starts[0] = 0;
      starts[n] = text.length;
      found = { text, serial: this.tokenized.size, ids, starts };
      this.tokenized.set(text, found);
    }
    return found;
  }

  /** The token (or word) an id stands for. */
  token(id: number): string {
    return this.ids.text(id);
  }

  /** The id of a token. */
  idOf(token: string): number {
    return this.idIn(token, 0, token.length);
  }

  /** The id of the token `text.slice(start, end)`, given on first sight with its words. */
  private idIn(text: string, start: number, end: number): number {
    const id = this.ids.idIn(text, start, end);
    this.catchUp();
    return id;
  }

  /**
   * Finds the words of the ids given since the last time: a token's words in lower case may be
   * new ids themselves, found in turn by the same loop.
   */
  private catchUp(): void {
    while (this.described < this.ids.size) {
      const id = this.described++;
      this.grow();
      // Its words may be new ids too, which may grow the array: take the value first.
      const word = this.wordsOfNew(this.ids.text(id), id);
      this.wordIds[id] = word;
    }
  }

  /** The id of the one word of token `id`, in lower case; or NO_WORD, or SEVERAL_WORDS. */
  wordOf(id: number): number {
    return this.wordIds[id]!;
  }

  /** `wordOf` for every token id at once, for loops over many tokens: valid until the next new token. */
  wordIdsOfTokens(): Int32Array {
    return this.wordIds;
  }

  /** The ids of the words of a token that holds several, in lower case. */
  wordsOf(id: number): Int32Array {
    return this.wordLists.get(id) ?? new Int32Array(0);
  }

  /**
   * A zeroed array with a slot for every id, for counting: `which` tells apart the arrays one
   * task uses at once (0 for word bags, 1 to 3 for word diffs). Whoever uses it sets back to
   * zero the slots it changed.
   */
  counts(which: number): Int32Array {
    let array = this.scratch[which];
    if (array === undefined || array.length < this.size) {
      array = new Int32Array(Math.max(1024, this.size * 2));
      this.scratch[which] = array;
    }
    return array;
  }

  private grow(): void {
    if (this.ids.size <= this.wordIds.length) return;
    const grown = new Int32Array(this.wordIds.length * 2);
    grown.set(this.wordIds);
    this.wordIds = grown;
  }

  /**
   * What `wordOf` holds for a token just given `id`. Its words in lower case are given ids here
   * without their own words: `catchUp`'s loop comes to them next, so that a text of thousands of
   * new capitalised tokens (an annex's list of item codes) never nests one call in another.
   */
  private wordsOfNew(token: string, id: number): number {
    // Most tokens are one plain word: no need to look for the words in them.
    if (PLAIN_WORD.test(token)) {
      const lower = token.toLowerCase();
      return lower === token ? id : this.plainIdOf(lower);
    }
    const lower = token.toLowerCase();
    const words = lower.match(WORDS);
    if (words === null) return NO_WORD;
    if (words.length === 1 && words[0] === lower) return lower === token ? id : this.plainIdOf(lower);
    this.wordLists.set(
      id,
      Int32Array.from(words, (w) => this.plainIdOf(w)),
    );
    return SEVERAL_WORDS;
  }

  /** The id of a word, given without finding its words: for `wordsOfNew` alone. */
  private plainIdOf(word: string): number {
    return this.ids.idIn(word, 0, word.length);
  }
}
