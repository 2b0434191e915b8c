/*
 * A bag of words (a multiset) and the Dice similarity of two bags: the share of words two texts
 * have in common, blind to order, which is what tells two versions of one provision apart from
 * two different provisions.
 */

export class WordBag {
  readonly counts = new Map<string, number>();
  private total = 0;

  constructor(words: Iterable<string> = []) {
    for (const w of words) this.add(w, 1);
  }

  add(word: string, n: number): void {
    this.counts.set(word, (this.counts.get(word) ?? 0) + n);
    this.total += n;
  }

  addAll(other: WordBag): void {
    for (const [w, n] of other.counts) this.add(w, n);
  }

  get size(): number {
    return this.total;
  }

  /** A new bag holding the words of both. */
  union(other: WordBag): WordBag {
    const bag = new WordBag();
    bag.addAll(this);
    bag.addAll(other);
    return bag;
  }

  /** Dice similarity: 2·|A∩B| / (|A|+|B|), 1 for identical bags, 0 for disjoint or empty ones. */
  similarity(other: WordBag): number {
    if (this.total === 0 || other.total === 0) return this.total === other.total ? 1 : 0;
    const [small, large] = this.counts.size <= other.counts.size ? [this, other] : [other, this];
    let common = 0;
    for (const [w, n] of small.counts) {
      const m = large.counts.get(w);
      if (m !== undefined) common += Math.min(n, m);
    }
    return (2 * common) / (this.total + other.total);
  }
}
