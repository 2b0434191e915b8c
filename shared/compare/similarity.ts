/*
 * How alike two provisions are, from 0 to 1: the share of their words they have in common,
 * each word weighted by how rare it is among the provisions being aligned (so "shall" and "the"
 * count for little and "cyber-surveillance" for much), with a bonus for the same number.
 */
import type { Comparable } from "./comparable";
import type { WordBag } from "./word-bag";

/** Weight of sharing the number ("Article 5" with "Article 5"): enough to decide between near ties. */
const SAME_NUMBER_BONUS = 0.15;
/** Provisions with fewer words than this are told apart by number more than by words. */
const SHORT_TEXT = 4;

/** Kinds that may correspond across versions: a paragraph may become a subparagraph, a point an indent. */
function kindFamily(type: string): string {
  if (type === "paragraph" || type === "subparagraph") return "paragraph";
  if (type === "point" || type === "indent") return "point";
  return type;
}

export function compatibleKinds(a: Comparable, b: Comparable): boolean {
  return kindFamily(a.type) === kindFamily(b.type);
}

/** Inverse document frequency of the words of one level's provisions, across all versions. */
export class WordWeights {
  private readonly weights = new Map<string, number>();
  private readonly totals = new WeakMap<WordBag, number>();

  constructor(items: readonly Comparable[]) {
    const documentFrequency = new Map<string, number>();
    for (const item of items) for (const w of item.bag.counts.keys()) documentFrequency.set(w, (documentFrequency.get(w) ?? 0) + 1);
    const n = Math.max(items.length, 1);
    for (const [w, df] of documentFrequency) this.weights.set(w, Math.log(1 + n / df));
  }

  weight(word: string): number {
    return this.weights.get(word) ?? Math.log(2);
  }

  total(bag: WordBag): number {
    let total = this.totals.get(bag);
    if (total === undefined) {
      total = 0;
      for (const [w, n] of bag.counts) total += n * this.weight(w);
      this.totals.set(bag, total);
    }
    return total;
  }

  /** Weighted Dice similarity of two bags. */
  similarity(a: WordBag, b: WordBag): number {
    const ta = this.total(a);
    const tb = this.total(b);
    if (ta === 0 || tb === 0) return ta === tb ? 1 : 0;
    const [small, large] = a.counts.size <= b.counts.size ? [a, b] : [b, a];
    let common = 0;
    for (const [w, n] of small.counts) {
      const m = large.counts.get(w);
      if (m !== undefined) common += Math.min(n, m) * this.weight(w);
    }
    return (2 * common) / (ta + tb);
  }
}

/** The similarity of two provisions of compatible kinds, or of two bags standing for them. */
export function provisionSimilarity(
  a: Comparable,
  b: Comparable,
  weights: WordWeights,
  bagA: WordBag = a.bag,
  bagB: WordBag = b.bag,
): number {
  const text = weights.similarity(bagA, bagB);
  if (a.numToken === null && b.numToken === null) return text;
  const sameNumber = a.numToken === b.numToken;
  if (bagA.size < SHORT_TEXT && bagB.size < SHORT_TEXT) return sameNumber ? 0.5 + 0.5 * text : 0.7 * text;
  return Math.min(1, (1 - SAME_NUMBER_BONUS) * text + (sameNumber ? SAME_NUMBER_BONUS : 0));
}
