/*
 * A cache of values kept up to a total weight, the least recently used given up first: the
 * views of versions and comparisons, each weighed by its size.
 */
/** Values kept up to a total weight (one each, unless weighed otherwise), the least recently used given up first. */
export class LeastRecentlyUsed<V> {
  private readonly entries = new Map<string, { readonly value: V; readonly weight: number }>();
  private weight = 0;
  constructor(private readonly capacity: number) {}

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (entry !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry?.value;
  }

  /** Keeps a value of `weight` (none heavier than the capacity is kept), giving up the least recently used to make room. */
  set(key: string, value: V, weight = 1): void {
    this.drop(key);
    if (weight > this.capacity) return;
    this.entries.set(key, { value, weight });
    this.weight += weight;
    while (this.weight > this.capacity) this.drop(this.entries.keys().next().value!);
  }

  /** Drops the entries whose value or key the test picks. */
  dropWhere(test: (key: string, value: V) => boolean): void {
    for (const [key, { value }] of this.entries) if (test(key, value)) this.drop(key);
  }

  private drop(key: string): void {
    const entry = this.entries.get(key);
    if (entry === undefined) return;
    this.entries.delete(key);
    this.weight -= entry.weight;
  }
}
