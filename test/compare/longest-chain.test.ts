/*
 * The longest chain of matches in order on both sides, which anchors alignments and diffs.
 */
import { describe, expect, it } from "vitest";
import { longestChain, longestIncreasing } from "../../shared/compare/longest-chain";

describe("the longest chain", () => {
  it("keeps the matches that agree on the order of both sides and drops one that crosses them", () => {
    // Article 7 moved to the end: its match crosses all the others.
    expect(
      longestChain([
        [0, 0],
        [1, 1],
        [3, 2],
        [4, 3],
        [2, 4],
      ]),
    ).toEqual([
      [0, 0],
      [1, 1],
      [3, 2],
      [4, 3],
    ]);
  });

  it("needs the first positions to increase strictly: two matches of one row are one", () => {
    expect(longestIncreasing([2, 2, 2], 3)).toEqual(new Int32Array([2]));
    expect(longestIncreasing([5, 1, 2, 3, 0], 5)).toEqual(new Int32Array([1, 2, 3]));
  });

  it("is empty for no pairs, and reads only the first n values", () => {
    expect(longestChain([])).toEqual([]);
    expect(longestIncreasing([1, 2, 3, 0], 0)).toEqual(new Int32Array([]));
    expect(longestIncreasing([3, 2, 1, 9, 10], 3)).toHaveLength(1);
  });
});
