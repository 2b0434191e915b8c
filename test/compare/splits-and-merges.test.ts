/*
 * A provision split in two, and two merged into one, are reported as such, with where from and
 * where into, rather than as an unrelated insertion or deletion.
 */
import { describe, expect, it } from "vitest";
import { compareVersions } from "../../shared/compare/comparison";
import { article, paragraph, testAct } from "../support/acts";

const NOTIFY = "Exporters shall notify the competent authority where they are aware that items are intended for internal repression";
const REPORT = "and the competent authority shall report each notification to the Commission and to the other Member States without delay";

const joined = testAct({
  body: [
    article("Article 5", null, paragraph("1.", `${NOTIFY} ${REPORT}.`), paragraph("2.", "This Article applies from 9 September 2021.")),
  ],
});
const split = testAct({
  body: [
    article(
      "Article 5",
      null,
      paragraph("1.", `${NOTIFY}.`),
      paragraph("1a.", `The competent authority shall ${REPORT.replace("and the competent authority shall ", "")}.`),
      paragraph("2.", "This Article applies from 9 September 2021."),
    ),
  ],
});

describe("splits and merges", () => {
  it("reports a paragraph split in two", () => {
    const comparison = compareVersions([joined, split]);
    const row = comparison.rows.find((r) => r.cells[1]?.label === "Article 5(1a)")!;
    expect(row.cells[0]).toBeNull();
    expect(row.status).toBe("split");
    expect(row.cells[1]!.note).toBe("split from Article 5(1)");
  });

  it("reports two paragraphs merged into one", () => {
    const comparison = compareVersions([split, joined]);
    const row = comparison.rows.find((r) => r.cells[0]?.label === "Article 5(1a)")!;
    expect(row.cells[1]).toBeNull();
    expect(row.status).toBe("merged");
    expect(row.notes[1]).toBe("merged into Article 5(1)");
    expect(comparison.statistics[1]!.deleted).toBe(0);
  });
});
