/*
 * The longest chain of pairs in order on both sides: given pairs (i, j) in increasing order of
 * j, the longest subsequence whose i also increase, strictly. Anchors of alignments and of word
 * diffs are chosen so: matches that agree on the order of both sequences.
 */

/** A pair of positions: in the first sequence, in the second. */
export type Pair = readonly [number, number];

/** Room for the chains being built: the last position of the best chain of each length, and back links. */
let tails = new Int32Array(256);
let previous = new Int32Array(256);

/**
 * The positions k, in increasing order, of the longest subsequence of `firsts[0..n)` whose
 * values strictly increase (patience sorting with back links).
 */
export function longestIncreasing(firsts: ArrayLike<number>, n: number): Int32Array {
  if (tails.length < n) {
    tails = new Int32Array(2 * n);
    previous = new Int32Array(2 * n);
  }
  let length = 0;
  for (let k = 0; k < n; k++) {
    const value = firsts[k]!;
    let lo = 0;
    let hi = length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (firsts[tails[mid]!]! < value) lo = mid + 1;
      else hi = mid;
    }
    previous[k] = lo > 0 ? tails[lo - 1]! : -1;
    tails[lo] = k;
    if (lo === length) length++;
  }
  const chain = new Int32Array(length);
  for (let at = length - 1, k = length > 0 ? tails[length - 1]! : -1; at >= 0; at--, k = previous[k]!) chain[at] = k;
  return chain;
}

/** The longest subsequence of `pairs` (sorted by their second position) whose first positions increase. */
export function longestChain(pairs: readonly Pair[]): Pair[] {
  return Array.from(
    longestIncreasing(
      pairs.map((p) => p[0]),
      pairs.length,
    ),
    (k) => pairs[k]!,
  );
}
