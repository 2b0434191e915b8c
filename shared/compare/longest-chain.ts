/*
 * The longest chain of pairs in order on both sides: given pairs (i, j) in increasing order of
 * j, the longest subsequence whose i also increase, strictly. Anchors of alignments and of word
 * diffs are chosen so: matches that agree on the order of both sequences.
 */

/** A pair of positions: in the first sequence, in the second. */
export type Pair = readonly [number, number];

/** The longest subsequence of `pairs` (sorted by their second position) whose first positions increase. */
export function longestChain(pairs: readonly Pair[]): Pair[] {
  const tails: number[] = [];
  const previous = new Int32Array(pairs.length).fill(-1);
  pairs.forEach(([i], k) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pairs[tails[mid]!]![0] < i) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[k] = tails[lo - 1]!;
    tails[lo] = k;
  });
  const chain: Pair[] = [];
  for (let k = tails.length > 0 ? tails[tails.length - 1]! : -1; k >= 0; k = previous[k]!) chain.push(pairs[k]!);
  return chain.reverse();
}
