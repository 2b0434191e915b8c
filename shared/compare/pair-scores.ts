/*
 * Which pairs of a level's rows and one version's items get scored, and their scores, each
 * computed once. Scoring every pair costs the square of the level's length; most of it is
 * wasted, as a provision is mostly found where it is expected. So an item is first scored only
 * against the rows where it is expected (just after the last sure match, the rows with its
 * number, the rows with its exact words); the sure matches found there split the level into
 * short stretches, and only inside those are pairs searched, all of them when the stretch is
 * short, and otherwise those that share a rare word or their number.
 */
import type { Comparable } from "./comparable";
import { longestChain, type Pair } from "./longest-chain";
import type { WordWeights } from "./similarity";

/** A match this close is sure: nothing a search could find would be better. */
export const SURE_MATCH = 0.9;
/** Rows scored just after the last sure match: a few provisions deleted in between do not lose the thread. */
const EXPECTED_WINDOW = 3;
/** Up to this many row-item pairs are all scored; past it, only candidates that share a rare word or their number. */
const ALL_PAIRS_LIMIT = 2048;
/** The rarest words of a provision that make it a candidate for the provisions sharing them. */
const SIGNATURE_WORDS = 8;
/**
 * The most rows an item is scored against in a search by shared words, those that share the
 * most: 64, and fewer in levels so long that the pairs would pass CANDIDATE_PAIRS, down to 8 (a
 * provision's counterpart shares all its rarest words, and comes first).
 */
const CANDIDATES_PER_ITEM = 64;
const FEWEST_CANDIDATES_PER_ITEM = 8;
const CANDIDATE_PAIRS = 1 << 18;
/** What a shared number counts for, against one for each shared word: more than all of them. */
const NUMBER_SHARE = SIGNATURE_WORDS + 1;
/** The most a row can share with an item: every word of its signature, and its number. */
const MOST_SHARED = SIGNATURE_WORDS + NUMBER_SHARE;
/** Memo entry of a pair that may not match. */
const NO_MATCH = -1;

export class PairScores {
  /** Scores by `i * items + j`: an array for the many short levels, a map for long ones. */
  private readonly memo: { get(key: number): number | undefined; set(key: number, score: number): void };
  /** Per item, the rows it was scored against, in the order they were: where its candidates are. */
  private readonly scoredRows: number[][];
  /** The best row found so far for the item being placed, and its score. */
  private best = -1;
  private bestScore = 0;

  /**
   * `rows[i]` holds the cells of row i; `rowScore(i, j)` is the similarity of item j to row i,
   * or null when they may not match (incompatible kinds, separated by hand).
   */
  constructor(
    private readonly rows: readonly (readonly (Comparable | null)[])[],
    private readonly items: readonly Comparable[],
    private readonly rowScore: (i: number, j: number) => number | null,
    private readonly weights: WordWeights,
  ) {
    this.memo = rows.length * items.length <= ALL_PAIRS_LIMIT ? new PairArray(rows.length * items.length) : new Map();
    this.scoredRows = Array.from({ length: items.length }, () => []);
  }

  /** The similarity of row i and item j, computed on first asking; null when they may not match. */
  score(i: number, j: number): number | null {
    const key = i * this.items.length + j;
    let s = this.memo.get(key);
    if (s === undefined) {
      s = this.rowScore(i, j) ?? NO_MATCH;
      this.memo.set(key, s);
      this.scoredRows[j]!.push(i);
    }
    return s === NO_MATCH ? null : s;
  }

  /** The rows item j has been scored against, in no particular order: the only ones `known` has a score of. */
  rowsScoredWith(j: number): readonly number[] {
    return this.scoredRows[j]!;
  }

  /** The similarity of row i and item j if it was computed, else null. */
  known(i: number, j: number): number | null {
    const s = this.memo.get(i * this.items.length + j);
    return s === undefined || s === NO_MATCH ? null : s;
  }

  /**
   * Sure matches found where each item is expected, as a chain in order on both sides: the
   * longest such chain of the sure matches found. Items and rows that `skip` rules out take no part.
   */
  sureMatches(skipItem: (j: number) => boolean, skipRow: (i: number) => boolean): Pair[] {
    // Rows by number (any kind: kinds that may not match score null) and by exact words, made
    // when an item is first not found in the next row: in most levels, none is.
    let rowsBy: { readonly number: Map<string, number[]>; readonly key: Map<number, number[]> } | null = null;
    const indexRows = () => {
      const byNumber = new Map<string, number[]>();
      const byKey = new Map<number, number[]>();
      this.rows.forEach((cells, i) => {
        for (const cell of cells) {
          if (cell === null) continue;
          if (cell.numToken !== null) index(byNumber, cell.numToken, i);
          index(byKey, cell.key, i);
        }
      });
      return { number: byNumber, key: byKey };
    };
    const found: Pair[] = [];
    let last = -1;
    for (let j = 0; j < this.items.length; j++) {
      if (skipItem(j)) continue;
      const item = this.items[j]!;
      this.best = -1;
      this.bestScore = 0;
      // The next row first. For a numbered item, a sure match there is the one: a sure match
      // shares the number (a different number alone keeps the score below it), and rows of one
      // number are told apart by their words. An unnumbered item must match it word for word.
      if (last + 1 < this.rows.length) this.consider(last + 1, j, skipRow);
      if (this.bestScore < (item.numToken === null ? 1 : SURE_MATCH)) {
        for (let i = last + 2; i <= last + EXPECTED_WINDOW && i < this.rows.length; i++) this.consider(i, j, skipRow);
        rowsBy ??= indexRows();
        if (item.numToken !== null) for (const i of rowsBy.number.get(item.numToken) ?? []) this.consider(i, j, skipRow);
        for (const i of rowsBy.key.get(item.key) ?? []) this.consider(i, j, skipRow);
      }
      if (this.bestScore < SURE_MATCH) continue;
      found.push([this.best, j]);
      // A sure match behind the last one is a provision moved back: the thread stays where it was.
      if (this.best > last) last = this.best;
    }
    return longestChain(found);
  }

  private consider(i: number, j: number, skipRow: (i: number) => boolean): void {
    if (i === this.best || skipRow(i)) return;
    const s = this.score(i, j);
    if (s !== null && s > this.bestScore) {
      this.best = i;
      this.bestScore = s;
    }
  }

  /**
   * Scores the pairs of the given rows and items worth scoring: all of them when they are few;
   * else those that share one of their rarest words, or their number, as a pair that shares
   * neither could not reach the match threshold anyway (kinds that may not match score null).
   */
  scoreCandidates(rowIndices: readonly number[], itemIndices: readonly number[]): void {
    if (rowIndices.length * itemIndices.length <= ALL_PAIRS_LIMIT) {
      for (const i of rowIndices) for (const j of itemIndices) this.score(i, j);
      return;
    }
    const byWord = new Map<number, number[]>();
    const byNumber = new Map<string, number[]>();
    for (const i of rowIndices) {
      for (const cell of this.rows[i]!) {
        if (cell === null) continue;
        for (const id of this.weights.signature(cell.bag, SIGNATURE_WORDS)) index(byWord, id, i);
        if (cell.numToken !== null) index(byNumber, cell.numToken, i);
      }
    }
    const shared = new Int32Array(this.rows.length);
    const most = Math.max(FEWEST_CANDIDATES_PER_ITEM, Math.min(CANDIDATES_PER_ITEM, Math.floor(CANDIDATE_PAIRS / itemIndices.length)));
    const touched: number[] = [];
    /** How many touched rows share each amount, for the rows that share the most to be found without sorting. */
    const ofShare = new Int32Array(MOST_SHARED + 1);
    for (const j of itemIndices) {
      const item = this.items[j]!;
      // How much each row shares with the item: a word of its signature each, its number more than any.
      touched.length = 0;
      for (const id of this.weights.signature(item.bag, SIGNATURE_WORDS)) {
        for (const i of byWord.get(id) ?? []) {
          if (shared[i] === 0) touched.push(i);
          shared[i]!++;
        }
      }
      if (item.numToken !== null) {
        for (const i of byNumber.get(item.numToken) ?? []) {
          if (shared[i] === 0) touched.push(i);
          shared[i] = shared[i]! + NUMBER_SHARE;
        }
      }
      if (touched.length <= most) {
        for (const i of touched) shared[i] = 0;
        for (const i of touched) this.score(i, j);
        continue;
      }
      // Words shared by many rows (a level of thousands of provisions of like words) would make
      // the pairs to score the square of the level: the rows that share the most are scored,
      // those that share as much as the last of them in the order they were found.
      ofShare.fill(0);
      for (const i of touched) ofShare[Math.min(MOST_SHARED, shared[i]!)]!++;
      let least = MOST_SHARED;
      for (let above = 0; least > 1 && above + ofShare[least]! < most; least--) above += ofShare[least]!;
      let room = most;
      for (const i of touched) if (Math.min(MOST_SHARED, shared[i]!) > least) room--;
      for (const i of touched) {
        const share = Math.min(MOST_SHARED, shared[i]!);
        shared[i] = 0;
        if (share > least || (share === least && room-- > 0)) this.score(i, j);
      }
    }
  }
}

/** A memo of scores in a plain array, for levels short enough to hold every pair. */
class PairArray {
  private readonly scores: (number | undefined)[];

  constructor(size: number) {
    this.scores = new Array<number | undefined>(size);
  }

  get(key: number): number | undefined {
    return this.scores[key];
  }

  set(key: number, score: number): void {
    this.scores[key] = score;
  }
}

/** Adds row `i` to the list under `key`, once. */
function index<K>(map: Map<K, number[]>, key: K, i: number): void {
  const list = map.get(key);
  if (!list) map.set(key, [i]);
  else if (list[list.length - 1] !== i) list.push(i);
}
