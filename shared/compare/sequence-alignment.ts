/*
 * Order-preserving alignment of two sequences (Needleman–Wunsch without gap costs): the set of
 * matched pairs, in order on both sides, with the greatest total score. A pair scored null may
 * never match. Identical items found in the same order first serve as anchors, so that only the
 * stretches between anchors are searched pair by pair, which keeps long acts near linear.
 */
import { longestChain, type Pair } from "./longest-chain";

/** Stretches longer than this on both sides are searched pair by pair only after anchoring. */
const DIRECT_SEARCH_LIMIT = 64 * 64;
/**
 * Stretches of more pairs than this are searched through the pairs that may match alone, when
 * the caller can list them: a table of every pair would take gigabytes for a level of 45,000
 * articles that share no sure match in order (an act's articles shuffled), and seconds to fill.
 */
const TABLE_LIMIT = 1 << 20;

/** The i that may match j (those `score` does not say null for), when the caller knows them: few, in long levels. */
export type Candidates = (j: number) => Iterable<number>;

/** The best order-preserving matching of items 0..n-1 with items 0..m-1 under `score`. */
export function alignSequences(
  n: number,
  m: number,
  score: (i: number, j: number) => number | null,
  keys?: { a: readonly number[]; b: readonly number[] },
  candidates?: Candidates,
): Pair[] {
  if (keys && n * m > DIRECT_SEARCH_LIMIT) return alignAroundAnchors(n, m, score, keys, candidates);
  return alignDirect(0, n, 0, m, score, candidates);
}

/** The best matching over the stretch [i0, i1) × [j0, j1): by a table of every pair, or through the candidates when it is large. */
function alignDirect(
  i0: number,
  i1: number,
  j0: number,
  j1: number,
  score: (i: number, j: number) => number | null,
  candidates?: Candidates,
): Pair[] {
  const n = i1 - i0;
  const m = j1 - j0;
  if (n === 0 || m === 0) return [];
  if (candidates && n * m > TABLE_LIMIT) return heaviestChain(i0, i1, j0, j1, score, candidates);
  const width = m + 1;
  const best = new Float64Array((n + 1) * width);
  const move = new Uint8Array((n + 1) * width); // 0 skip a, 1 skip b, 2 match
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      const skipA = best[(i - 1) * width + j]!;
      const skipB = best[i * width + j - 1]!;
      let value = skipA;
      let how = 0;
      if (skipB > value) {
        value = skipB;
        how = 1;
      }
      const s = score(i0 + i - 1, j0 + j - 1);
      if (s !== null && s > 0) {
        const matched = best[(i - 1) * width + j - 1]! + s;
        if (matched > value) {
          value = matched;
          how = 2;
        }
      }
      best[i * width + j] = value;
      move[i * width + j] = how;
    }
  }
  const pairs: Pair[] = [];
  for (let i = n, j = m; i > 0 && j > 0;) {
    const how = move[i * width + j];
    if (how === 2) {
      pairs.push([i0 + i - 1, j0 + j - 1]);
      i--;
      j--;
    } else if (how === 0) i--;
    else j--;
  }
  return pairs.reverse();
}

/**
 * The same matching as the table's, found among the candidate pairs alone: the chain of pairs
 * increasing on both sides with the greatest total score, with a tree of prefix maxima over j.
 * Of matchings equally good, it may choose another than the table would.
 */
function heaviestChain(
  i0: number,
  i1: number,
  j0: number,
  j1: number,
  score: (i: number, j: number) => number | null,
  candidates: Candidates,
): Pair[] {
  const pairs: { i: number; j: number; s: number }[] = [];
  for (let j = j0; j < j1; j++) {
    for (const i of candidates(j)) {
      if (i < i0 || i >= i1) continue;
      const s = score(i, j);
      if (s !== null && s > 0) pairs.push({ i, j, s });
    }
  }
  // By i, and within one i by j falling, so that no two pairs of one i chain.
  pairs.sort((a, b) => a.i - b.i || b.j - a.j);
  const m = j1 - j0;
  // A Fenwick tree over j: the best total of a chain ending at or below each j, and the pair it ends with.
  const treeBest = new Float64Array(m + 1);
  const treeEnd = new Int32Array(m + 1).fill(-1);
  const back = new Int32Array(pairs.length);
  const total = new Float64Array(pairs.length);
  let bestEnd = -1;
  pairs.forEach(({ j, s }, k) => {
    let before = 0;
    let from = -1;
    for (let x = j - j0; x > 0; x -= x & -x) {
      if (treeBest[x]! > before) {
        before = treeBest[x]!;
        from = treeEnd[x]!;
      }
    }
    total[k] = before + s;
    back[k] = from;
    for (let x = j - j0 + 1; x <= m; x += x & -x) {
      if (total[k]! > treeBest[x]!) {
        treeBest[x] = total[k]!;
        treeEnd[x] = k;
      }
    }
    if (bestEnd < 0 || total[k]! > total[bestEnd]!) bestEnd = k;
  });
  const chain: Pair[] = [];
  for (let k = bestEnd; k >= 0; k = back[k]!) chain.push([pairs[k]!.i, pairs[k]!.j]);
  return chain.reverse();
}

/**
 * Anchors are items whose key (their exact words and number) occurs once on each side; the
 * longest run of them in the same order on both sides is kept (patience), and the stretches
 * between anchors are aligned directly.
 */
function alignAroundAnchors(
  n: number,
  m: number,
  score: (i: number, j: number) => number | null,
  keys: { a: readonly number[]; b: readonly number[] },
  candidates?: Candidates,
): Pair[] {
  const count = (list: readonly number[]) => {
    const counts = new Map<number, number>();
    for (const k of list) counts.set(k, (counts.get(k) ?? 0) + 1);
    return counts;
  };
  const countA = count(keys.a);
  const countB = count(keys.b);
  const positionA = new Map<number, number>();
  keys.a.forEach((k, i) => {
    if (countA.get(k) === 1) positionA.set(k, i);
  });
  const unique: Pair[] = [];
  keys.b.forEach((k, j) => {
    const i = positionA.get(k);
    if (i !== undefined && countB.get(k) === 1 && score(i, j) !== null) unique.push([i, j]);
  });
  const anchors = longestChain(unique);
  const pairs: Pair[] = [];
  let i0 = 0;
  let j0 = 0;
  for (const [i, j] of [...anchors, [n, m] as Pair]) {
    pairs.push(...alignDirect(i0, i, j0, j, score, candidates));
    if (i < n && j < m) pairs.push([i, j]);
    i0 = i + 1;
    j0 = j + 1;
  }
  return pairs;
}
