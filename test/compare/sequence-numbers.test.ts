/*
 * Numbers for sequences, which make a provision's kind, number, words and sub-provisions one
 * key: equal keys must mean equal provisions, or an amended article would pass for unchanged.
 */
import { describe, expect, it } from "vitest";
import { SequenceNumbers } from "../../shared/compare/sequence-numbers";

function numberOf(numbers: SequenceNumbers, sequence: readonly number[]): number {
  return sequence.reduce((key, part) => numbers.next(key, part), 0);
}

describe("numbers for sequences", () => {
  it("gives equal sequences equal numbers and different ones different numbers", () => {
    const numbers = new SequenceNumbers();
    const a = numberOf(numbers, [3, 1, 4, 1, 5]);
    expect(numberOf(numbers, [3, 1, 4, 1, 5])).toBe(a);
    expect(numberOf(numbers, [3, 1, 4, 1])).not.toBe(a);
    expect(numberOf(numbers, [3, 1, 4, 1, 5, 9])).not.toBe(a);
    expect(numberOf(numbers, [1, 3, 4, 1, 5])).not.toBe(a);
    expect(numberOf(numbers, [])).toBe(0);
  });

  it("tells apart the steps that mixing might confuse: a swapped pair, zeros, large parts", () => {
    const numbers = new SequenceNumbers();
    const seen = new Set<number>();
    for (const sequence of [[1, 2], [2, 1], [0], [0, 0], [0x7fffffff], [-1], [1 << 20, 0], [0, 1 << 20]]) {
      seen.add(numberOf(numbers, sequence));
    }
    expect(seen.size).toBe(8);
  });

  it("keeps every number as the table grows to a hundred thousand sequences", () => {
    const numbers = new SequenceNumbers();
    const first = Array.from({ length: 100_000 }, (_, k) => numberOf(numbers, [k % 7, k, k % 13]));
    expect(new Set(first).size).toBe(100_000);
    const again = Array.from({ length: 100_000 }, (_, k) => numberOf(numbers, [k % 7, k, k % 13]));
    expect(again).toEqual(first);
  });
});
