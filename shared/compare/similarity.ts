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

/**
 * A provision extended or cut to a part keeps most of the smaller version's words: that share,
 * discounted so that it never outranks an equal Dice score, counts as similarity when the
 * smaller version has enough words for the share to mean something.
 */
const CONTAINMENT_DISCOUNT = 0.8;
const CONTAINMENT_MIN_WORDS = 12;

/** Kinds that may correspond across versions: a paragraph may become a subparagraph, a point an indent. */
export function kindFamily(type: string): string {
  if (type === "paragraph" || type === "subparagraph") return "paragraph";
  if (type === "point" || type === "indent") return "point";
  return type;
}

/**
 * Whether provisions of two kinds may stand in one row: of one family (a paragraph and a
 * subparagraph), or an article and a paragraph, as an article of words alone stands in the row
 * of the paragraph that another version made of its words.
 */
export function mayShareRow(a: string, b: string): boolean {
  const families = new Set([kindFamily(a), kindFamily(b)]);
  return families.size === 1 || (families.has("article") && families.has("paragraph"));
}

export function compatibleKinds(a: Comparable, b: Comparable): boolean {
  return kindFamily(a.type) === kindFamily(b.type);
}

/**
 * Inverse document frequency of the words of one level's provisions, across all versions. The
 * weights live in one array for the whole comparison, indexed by word id, and each level sets
 * those of its own words when it begins: a level of three points must not pay for the act's
 * whole vocabulary, and a level is done with its weights before its sub-levels begin.
 */
export class WordWeights {
  // Plain maps: they live as long as the level, and weak ones cost the collector more.
  private readonly totals = new Map<WordBag, number>();
  private readonly signatures = new Map<WordBag, number[]>();

  constructor(
    items: readonly Comparable[],
    private readonly weights: Float64Array,
    private readonly tally: Int32Array,
  ) {
    const seen: number[] = [];
    for (const item of items) {
      const ids = item.bag.ids;
      for (let k = 0; k < ids.length; k++) {
        const id = ids[k]!;
        if (weights[id]! >= 0) {
          weights[id] = -1;
          seen.push(id);
        } else weights[id]!--;
      }
    }
    // A word's weight depends only on how many of the level's provisions have it: one logarithm per count.
    const n = Math.max(items.length, 1);
    const byCount = new Float64Array(n + 1);
    for (const id of seen) {
      const count = -weights[id]!;
      if (byCount[count] === 0) byCount[count] = Math.log(1 + n / count);
      weights[id] = byCount[count]!;
    }
  }

  weight(id: number): number {
    return this.weights[id]!;
  }

  total(bag: WordBag): number {
    let total = this.totals.get(bag);
    if (total === undefined) {
      total = 0;
      for (let k = 0; k < bag.ids.length; k++) total += bag.counts[k]! * this.weight(bag.ids[k]!);
      this.totals.set(bag, total);
    }
    return total;
  }

  /**
   * Weighted similarity of two bags: the Dice coefficient, or, when one bag is mostly contained
   * in the other (a provision that was extended or cut), a discounted share of the smaller bag
   * found in the larger.
   */
  similarity(a: WordBag, b: WordBag): number {
    if (a === b) return 1;
    const ta = this.total(a);
    const tb = this.total(b);
    if (ta === 0 || tb === 0) return ta === tb ? 1 : 0;
    const common = this.common(a, b);
    const dice = (2 * common) / (ta + tb);
    if (Math.min(a.size, b.size) < CONTAINMENT_MIN_WORDS) return dice;
    return Math.max(dice, CONTAINMENT_DISCOUNT * (common / Math.min(ta, tb)));
  }

  /** The Dice coefficient alone, without the containment that lets an extended provision match. */
  dice(a: WordBag, b: WordBag): number {
    if (a === b) return 1;
    const ta = this.total(a);
    const tb = this.total(b);
    if (ta === 0 || tb === 0) return ta === tb ? 1 : 0;
    return (2 * this.common(a, b)) / (ta + tb);
  }

  /**
   * The share of a part's words (by weight) that a whole has beyond what another bag has: how
   * far `part` is made of the words `whole` gained over `without`. A provision merged into its
   * neighbour is made of the words the neighbour gained; one split off, of the words it lost.
   */
  gainedShare(part: WordBag, whole: WordBag, without: WordBag): number {
    const total = this.total(part);
    if (total === 0) return 0;
    const tally = this.tally;
    const weights = this.weights;
    for (let k = 0; k < whole.ids.length; k++) tally[whole.ids[k]!] = whole.counts[k]!;
    for (let k = 0; k < without.ids.length; k++) tally[without.ids[k]!]! -= without.counts[k]!;
    let gained = 0;
    for (let k = 0; k < part.ids.length; k++) {
      const extra = tally[part.ids[k]!]!;
      if (extra > 0) gained += Math.min(extra, part.counts[k]!) * weights[part.ids[k]!]!;
    }
    for (let k = 0; k < whole.ids.length; k++) tally[whole.ids[k]!] = 0;
    for (let k = 0; k < without.ids.length; k++) tally[without.ids[k]!] = 0;
    return gained / total;
  }

  /**
   * Of some parts, taken in order, which are made of the words `whole` has beyond `without`: a
   * part is when its share of those words (as `gainedShare` weighs it) is at least `least` and
   * it has at least `fewestWords` words; its words are then no longer beyond, for the parts
   * after it. One tally for all the parts, so that a long list of points against a long
   * provision takes time in proportion to their words.
   */
  partsOfGained(whole: WordBag, without: WordBag, parts: readonly WordBag[], least: number, fewestWords: number): boolean[] {
    const tally = this.tally;
    const weights = this.weights;
    for (let k = 0; k < whole.ids.length; k++) tally[whole.ids[k]!] = whole.counts[k]!;
    for (let k = 0; k < without.ids.length; k++) tally[without.ids[k]!]! -= without.counts[k]!;
    const taken = parts.map((part) => {
      const total = this.total(part);
      if (part.size < fewestWords || total === 0) return false;
      let gained = 0;
      for (let k = 0; k < part.ids.length; k++) {
        const extra = tally[part.ids[k]!]!;
        if (extra > 0) gained += Math.min(extra, part.counts[k]!) * weights[part.ids[k]!]!;
      }
      if (gained / total < least) return false;
      for (let k = 0; k < part.ids.length; k++) tally[part.ids[k]!]! -= part.counts[k]!;
      return true;
    });
    for (const bag of [whole, without, ...parts]) for (let k = 0; k < bag.ids.length; k++) tally[bag.ids[k]!] = 0;
    return taken;
  }

  /** The weight of the words two bags have in common: the smaller counted into the tally, the larger read against it. */
  private common(a: WordBag, b: WordBag): number {
    // Arrays in locals: this loop runs over every word of every pair of provisions scored.
    const swap = a.ids.length > b.ids.length;
    const smallIds = swap ? b.ids : a.ids;
    const smallCounts = swap ? b.counts : a.counts;
    const largeIds = swap ? a.ids : b.ids;
    const largeCounts = swap ? a.counts : b.counts;
    const tally = this.tally;
    const weights = this.weights;
    for (let k = 0; k < smallIds.length; k++) tally[smallIds[k]!] = smallCounts[k]!;
    let common = 0;
    for (let k = 0; k < largeIds.length; k++) {
      const id = largeIds[k]!;
      const n = tally[id]!;
      if (n !== 0) common += Math.min(n, largeCounts[k]!) * weights[id]!;
    }
    for (let k = 0; k < smallIds.length; k++) tally[smallIds[k]!] = 0;
    return common;
  }

  /** The ids of the `k` words that weigh most in a bag: what makes it recognisable. */
  signature(bag: WordBag, k: number): number[] {
    let signature = this.signatures.get(bag);
    if (!signature) {
      signature = bag.ids.length <= k ? Array.from(bag.ids) : this.heaviest(bag.ids, k);
      this.signatures.set(bag, signature);
    }
    return signature;
  }

  /** The `k` ids of greatest weight, by insertion into a short sorted list: no sort of the whole bag. */
  private heaviest(ids: Int32Array, k: number): number[] {
    const top: number[] = [];
    const weights: number[] = [];
    for (const id of ids) {
      const w = this.weights[id]!;
      if (top.length === k && w <= weights[k - 1]!) continue;
      let at = top.length === k ? k - 1 : top.length;
      while (at > 0 && weights[at - 1]! < w) {
        top[at] = top[at - 1]!;
        weights[at] = weights[at - 1]!;
        at--;
      }
      top[at] = id;
      weights[at] = w;
    }
    return top;
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
