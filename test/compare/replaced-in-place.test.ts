/*
 * A recital deleted and an unrelated one of the same act put in its place stay two rows, deleted
 * and inserted, though nothing else lies between their neighbours: recitals of one act share
 * enough of its words (personal data, the controller, the supervisory authority) for a rule that
 * paired a lone gap's recitals on a share of 0.25 to pair the GDPR's recital 94 with its 141
 * (0.38), as it paired the dual-use Council's rewritten recital (4) with the act's (8) (0.33). So a
 * recital rewritten beyond recognition, without a version between that bridges it, shows deleted
 * and inserted too: the words cannot tell the two apart.
 */
import { describe, expect, it } from "vitest";
import type { Node } from "prosemirror-model";
import { compareVersions } from "../../shared/compare/comparison";
import { recital, testAct } from "../support/acts";
import { fixtureDoc } from "../support/fixtures";

/** The act's recitals, by number, in order. */
function recitalsOf(doc: Node): [string, string][] {
  const found: [string, string][] = [];
  doc.descendants((node) => {
    if (node.type.name !== "recital") return true;
    found.push([node.attrs.num as string, node.textContent]);
    return false;
  });
  return found;
}

describe("a recital put in the place of a deleted one", () => {
  it("is not the deleted one rewritten: the GDPR's recital 94 (prior consultation) in the place of its 141 (complaints)", () => {
    const recitals = recitalsOf(fixtureDoc("eurlex/gdpr-2016-679.fmx.xml")).filter(([num]) => num !== "(94)");
    const words94 = recitalsOf(fixtureDoc("eurlex/gdpr-2016-679.fmx.xml")).find(([num]) => num === "(94)")![1];
    const before = testAct({ preamble: recitals.map(([num, text]) => recital(num, text)) });
    const after = testAct({ preamble: recitals.map(([num, text]) => recital(num, num === "(141)" ? words94 : text)) });
    const rows = compareVersions([before, after]).rows.filter((r) => r.cells.some((c) => c?.num === "(141)"));
    expect(rows.map((r) => [r.status, ...r.cells.map((c) => c?.num ?? null)])).toEqual([
      ["deleted", "(141)", null],
      ["inserted", null, "(141)"],
    ]);
  });
});
