/*
 * A provision rewritten in its place, alone between provisions matched on either side, is one
 * row with the words that changed, however much of them did: its place is most of the evidence.
 * An unrelated provision put in the place of a deleted one is not, and neither is either of two
 * provisions that are as close to it as each other.
 */
import { describe, expect, it } from "vitest";
import { compareVersions } from "../../shared/compare/comparison";
import { recital, testAct } from "../support/acts";

const SCOPE =
  "This Regulation lays down a Union regime for the control of exports, brokering, technical assistance, transit and transfer of dual-use items.";
const REPRESSION =
  "In view of indications that certain cyber-surveillance items not listed in Annex I have been misused in connection with internal repression, the competent authorities should be able to control their export.";
const REPORT =
  "The Commission should submit an annual report to the European Parliament and to the Council on the implementation of this Regulation.";
/** REPRESSION rewritten, as the act rewrote the Council's recital: its subject's words kept, most others changed. */
const RISK =
  "In order to address the risk that certain non-listed cyber-surveillance items might be misused by persons responsible for serious violations of human rights, it is appropriate to control the export of those items.";
const FISHING = "Fishing quotas for the Baltic Sea should be set each year on the basis of the best available scientific advice.";
const AIRCRAFT = "The Agency should certify aircraft maintenance organisations established in third countries.";

const preamble = (...texts: string[]) => testAct({ preamble: texts.map((t, i) => recital(`(${i + 1})`, t)) });
const rowsOf = (before: string[], after: string[]) =>
  compareVersions([preamble(...before), preamble(...after)]).rows.filter((r) => r.type === "recital");
const labels = (rows: ReturnType<typeof rowsOf>) => rows.map((r) => [r.status, ...r.cells.map((c) => c?.label ?? null)]);

describe("a provision rewritten in its place", () => {
  it("is one row, changed, when it stands alone between rows matched on either side, renumbered as the one before it was deleted", () => {
    const rows = rowsOf([SCOPE, FISHING, REPRESSION, REPORT], [SCOPE, RISK, REPORT]);
    expect(labels(rows)).toEqual([
      ["same", "Recital 1", "Recital 1"],
      ["deleted", "Recital 2", null],
      ["changed", "Recital 3", "Recital 2"],
      ["renumbered", "Recital 4", "Recital 3"],
    ]);
    // Not a sure match, and said to be not sure.
    expect(rows[2]!.confidence).toBeLessThan(0.5);
    expect(rows[2]!.cells[1]!.diff).toContainEqual(["=", "cyber-surveillance items "]);
  });

  it("is not an unrelated provision put in the place of a deleted one", () => {
    expect(labels(rowsOf([SCOPE, FISHING, REPORT], [SCOPE, AIRCRAFT, REPORT]))).toEqual([
      ["same", "Recital 1", "Recital 1"],
      ["deleted", "Recital 2", null],
      ["inserted", null, "Recital 2"],
      ["same", "Recital 3", "Recital 3"],
    ]);
  });

  it("takes neither of two provisions put in its place that are as close to it as each other", () => {
    const twin = RISK.replace("serious violations", "grave violations");
    expect(labels(rowsOf([SCOPE, REPRESSION, REPORT], [SCOPE, AIRCRAFT, RISK, twin, REPORT]))).toEqual([
      ["same", "Recital 1", "Recital 1"],
      ["deleted", "Recital 2", null],
      ["inserted", null, "Recital 2"],
      ["inserted", null, "Recital 3"],
      ["inserted", null, "Recital 4"],
      ["renumbered", "Recital 3", "Recital 5"],
    ]);
  });
});
