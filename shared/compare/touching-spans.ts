/*
 * Where a removal and an addition meet with no space between them, as when a provision the
 * Parliament prints "deleted" stands against the words it deletes ("…and equipment:" struck,
 * "deleted" added): shown as they are, the two would read as one word, so the pages that show a
 * diff set them a little apart, without adding a space to the words.
 */
import type { DiffSpan } from "./span-list";

/** Whether span `k` of a diff is a change that meets the change before it with no space between. */
export function touchesPrevious(diff: readonly DiffSpan[], k: number): boolean {
  const here = diff[k];
  const before = diff[k - 1];
  if (here === undefined || before === undefined || here[0] === "=" || before[0] === "=" || here[0] === before[0]) return false;
  return !/\s$/.test(before[1]) && !/^\s/.test(here[1]);
}
