/*
 * Provisions the Parliament prints as "deleted": each stands in the row of the provision it
 * deletes, matched on its number when its version numbers as that provision's version does, and
 * on its place among its neighbours when it has no number. Counted as deleted, never inserted;
 * against a column that lacks the provision too, nothing happened, and it is counted nowhere.
 */
import { describe, expect, it } from "vitest";
import { compareVersions, type Comparison } from "../../shared/compare/comparison";
import { article, paragraph, point, subparagraph, testAct } from "../support/acts";

const SUBJECTS = [
  "This Regulation sets up a Union regime for the control of exports of dual-use items.",
  "Exporters shall apply for an authorisation before any export of listed items.",
  "Competent authorities shall decide on applications within sixty working days.",
  "Member States shall exchange information on denials through a secure system.",
  "The Commission shall report annually to the European Parliament and the Council.",
];

/** Articles numbered from `first`, one per text. */
const articles = (texts: readonly string[], first = 1) =>
  texts.map((text, k) => article(`Article ${first + k}`, null, paragraph("1.", text)));

const proposal = testAct({ body: articles(SUBJECTS) });
/** The proposal as the Parliament amends it: Article 2 deleted, printed in its place. */
const parliament = testAct({
  body: [...articles(SUBJECTS.slice(0, 1)), article("Article 2", null, "deleted"), ...articles(SUBJECTS.slice(2), 3)],
});
/** The Council inserts a new Article 2 and renumbers the rest: its Article 2 is not the proposal's. */
const council = testAct({
  body: [
    ...articles(SUBJECTS.slice(0, 1)),
    article("Article 2", null, paragraph("1.", "Brokers shall register with the competent authority of their Member State.")),
    ...articles(SUBJECTS.slice(1), 3),
  ],
});

/** Labels of the row in which the Parliament's column holds its "deleted". */
function markRow(comparison: Comparison): (string | null)[] {
  const row = comparison.rows.find((r) => r.cells[1]?.text === "deleted")!;
  return row.cells.map((c) => c?.label ?? null);
}

describe("a provision the Parliament prints as deleted", () => {
  it("stands in the row of the provision of its number, deleted, and is counted so", () => {
    const comparison = compareVersions([proposal, parliament]);
    expect(markRow(comparison)).toEqual(["Article 2", "Article 2"]);
    const row = comparison.rows.find((r) => r.cells[1]?.text === "deleted")!;
    expect(row.cells[1]!.status).toBe("deleted");
    // Article 2 and its paragraph 1, as for an article left out.
    expect(comparison.statistics[1]).toEqual({
      unchanged: 8,
      renumbered: 0,
      changed: 0,
      inserted: 0,
      deleted: 2,
      moved: 0,
      split: 0,
      merged: 0,
      // The eight unchanged: the mark, though the Parliament prints it as a provision, says there is none.
      provisions: 8,
    });
  });

  it("says nothing happened where the other column lacks the provision too, and counts it nowhere, whichever is the reference", () => {
    const both = [0, 1].map((ref) => compareVersions([parliament, council], { ref }));
    for (const comparison of both) {
      const row = comparison.rows.find((r) => r.cells[0]?.text === "deleted")!;
      expect([row.status, row.cells[1], row.statuses]).toEqual(["same", null, [null, null]]);
    }
    const [councilAgainstParliament, parliamentAgainstCouncil] = [both[0]!.statistics[1]!, both[1]!.statistics[0]!];
    // The Council's new Article 2 and the proposal's Article 2, which it kept, each with its paragraph:
    // what one inserted against the other, the other deleted against it. The mark is neither.
    expect([councilAgainstParliament.inserted, councilAgainstParliament.deleted]).toEqual([4, 0]);
    expect([parliamentAgainstCouncil.inserted, parliamentAgainstCouncil.deleted]).toEqual([0, 4]);
  });

  it("is not matched with a renumbered version's provision of that number, whichever column is the reference", () => {
    for (const ref of [0, 1, 2]) {
      const comparison = compareVersions([proposal, parliament, council], { ref });
      expect(markRow(comparison)).toEqual(["Article 2", "Article 2", "Article 3"]);
      const councilsOwn = comparison.rows.find((r) => r.cells[2]?.label === "Article 2")!;
      expect(councilsOwn.cells.map((c) => c?.label ?? null)).toEqual([null, null, "Article 2"]);
    }
  });

  it("is not matched by number with a version that renumbered the provisions after it, though the rest keep their numbers", () => {
    // The Parliament deletes definition (2) in its place; the Council drops it and numbers the rest on.
    const definitions = (...points: [string, string][]) =>
      testAct({ body: [article("Article 2", null, "For the purposes of this Regulation:", ...points.map(([n, t]) => point(n, t)))] });
    const widget = "‘widget’ means any device designed for the processing of signals;";
    const parliamentText = definitions(
      ["(1)", widget],
      ["(2)", "deleted"],
      ["(3)", "‘exporter’ means any natural or legal person that lodges an export declaration and carries out due diligence;"],
      ["(4)", "‘end user’ means the final recipient of a widget."],
    );
    const councilText = definitions(
      ["(1)", widget],
      ["(2)", "‘exporter’ means any natural or legal person that lodges an export declaration;"],
      ["(3)", "‘end user’ means the natural or legal person that is the final recipient of a widget."],
    );
    for (const ref of [0, 1]) {
      const rows = compareVersions([parliamentText, councilText], { ref }).rows.filter((r) => r.type === "point");
      expect(rows.map((r) => r.cells.map((c) => c?.label ?? null))).toEqual([
        ["Article 2(1)", "Article 2(1)"],
        ["Article 2(2)", null],
        ["Article 2(3)", "Article 2(2)"],
        ["Article 2(4)", "Article 2(3)"],
      ]);
    }
  });

  it("without a number, stands in the row of the subparagraph between the same neighbours", () => {
    const first = "Member States shall notify the Commission of the measures they take under this Article.";
    const second = "The Commission shall publish those measures in the Official Journal of the European Union.";
    const a = testAct({ body: [article("Article 5", null, paragraph("1.", subparagraph(first), subparagraph(second)))] });
    const b = testAct({ body: [article("Article 5", null, paragraph("1.", subparagraph(first), subparagraph("deleted")))] });
    const rows = compareVersions([a, b]).rows.filter((r) => r.type === "subparagraph");
    expect(rows.map((r) => [r.cells[0]?.label ?? null, r.cells[1]?.text ?? null, r.cells[1]?.status ?? null])).toEqual([
      ["Article 5(1), first subparagraph", first, "same"],
      ["Article 5(1), second subparagraph", "deleted", "deleted"],
    ]);
  });

  it("is no mark when the word is part of a sentence", () => {
    const a = testAct({ body: [article("Article 2", null, "Point (c) is replaced by the following.")] });
    const b = testAct({ body: [article("Article 2", null, "Point (c) is deleted.")] });
    const row = compareVersions([a, b]).rows.find((r) => r.type === "article")!;
    expect(row.cells[1]!.status).toBe("changed");
    expect(row.cells[1]!.diff.filter(([op]) => op !== "=")).toEqual([
      ["-", "replaced by the following"],
      ["+", "deleted"],
    ]);
  });
});

describe("the title row", () => {
  it("does not hide that two versions are different acts, nor count as a provision", () => {
    const a = testAct({ title: "Regulation on exports", body: [article("Article 1", null, SUBJECTS[0]!)] });
    const b = testAct({
      title: "Directive on privacy",
      body: [article("Article 1", null, "Providers shall keep traffic data secure at all times.")],
    });
    const comparison = compareVersions([a, b]);
    expect(comparison.rows[0]!.type).toBe("preface");
    expect(comparison.warnings[0]).toMatch(/have only 0 % of their provisions in common/);
    expect(comparison.statistics[0]!.provisions).toBe(1);
  });
});
