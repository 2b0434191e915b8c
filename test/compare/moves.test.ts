/*
 * A provision moved to where a deleted one stood is said to have moved, with where to, even
 * when the deleted one was worded alike (both inform the Commission of something): the words
 * that stand unchanged elsewhere outweigh a loose match in place.
 */
import { describe, expect, it } from "vitest";
import { compareVersions } from "../../shared/compare/comparison";
import { article, paragraph, testAct } from "../support/acts";

const SCOPE = "This Regulation sets up a Union regime for the control of exports of dual-use items.";
const AUTHORITIES =
  "Member States shall inform the Commission of the competent authorities designated for the authorisation of exports of cyber-surveillance items, and of any change to them, within thirty days.";
const AUTHORISATION = "An authorisation shall be required for the export of dual-use items listed in Annex I.";
const REGISTERS = "The competent authority shall keep registers of the authorisations granted for at least five years.";
const ENTRY = "This Regulation shall enter into force on the twentieth day following its publication.";

const act = (texts: readonly string[]) => testAct({ body: texts.map((t, i) => article(`Article ${i + 1}`, null, paragraph("1.", t))) });

describe("a provision moved to the place of a deleted one", () => {
  it.each([
    "Member States shall inform the Commission of the penalties they lay down for infringements of this Regulation.",
    "Member States shall inform the Commission of the authorities competent for penalties, and of any change.",
    "Member States shall notify the Commission of the competent authorities for brokering services, within sixty days.",
    "The Commission shall inform Member States of any change to the list of items, within thirty days of its adoption.",
  ])("is said to have moved, and the deleted one deleted, when the deleted one read: %s", (deleted) => {
    const before = act([SCOPE, AUTHORITIES, AUTHORISATION, REGISTERS, deleted, ENTRY]);
    const after = act([SCOPE, AUTHORISATION, REGISTERS, AUTHORITIES, ENTRY]);
    const articles = compareVersions([before, after]).rows.filter((r) => r.type === "article");
    const moved = articles.find((r) => r.cells[0]?.label === "Article 2")!;
    expect([moved.status, moved.cells[1]?.label, moved.cells[1]?.note]).toEqual([
      "moved",
      "Article 4",
      "moved: after Article 3 in this version",
    ]);
    const gone = articles.find((r) => r.cells[0]?.label === "Article 5")!;
    expect([gone.status, gone.cells[1]]).toEqual(["deleted", null]);
  });
});

describe("a paragraph moved from one article into another", () => {
  const penalties = "Member States shall lay down the rules on penalties applicable to infringements of this Regulation.";
  const before = testAct({
    body: [
      article("Article 1", null, paragraph("1.", SCOPE)),
      article("Article 2", null, paragraph("1.", AUTHORISATION), paragraph("2.", penalties)),
      article("Article 3", null, paragraph("1.", REGISTERS)),
      article("Article 4", null, paragraph("1.", ENTRY)),
    ],
  });
  const after = testAct({
    body: [
      article("Article 1", null, paragraph("1.", SCOPE)),
      article("Article 2", null, paragraph("1.", AUTHORISATION)),
      article("Article 3", null, paragraph("1.", REGISTERS)),
      article("Article 4", null, paragraph("1.", ENTRY), paragraph("2.", penalties)),
    ],
  });

  it("stands in the row of the paragraph it was, said to have moved into the other article, in either direction", () => {
    for (const [docs, from, to, into] of [
      [[before, after], "Article 2(2)", "Article 4(2)", "Article 4"],
      [[after, before], "Article 4(2)", "Article 2(2)", "Article 2"],
    ] as const) {
      const comparison = compareVersions(docs);
      const changed = comparison.rows.filter((r) => r.status !== "same");
      expect(changed.map((r) => [r.label, r.status, r.cells[1]?.label, r.cells[1]?.note])).toEqual([
        [from, "moved", to, `moved: into ${into} in this version`],
      ]);
      expect(changed[0]!.cells[1]!.diff).toEqual([["=", penalties]]);
      expect(comparison.statistics[1]).toMatchObject({ moved: 1, inserted: 0, deleted: 0 });
    }
  });

  it("is not taken for a move when its words are not close to those of the paragraph deleted", () => {
    const reworded = testAct({
      body: [
        article("Article 1", null, paragraph("1.", SCOPE)),
        article("Article 2", null, paragraph("1.", AUTHORISATION)),
        article("Article 3", null, paragraph("1.", REGISTERS)),
        article("Article 4", null, paragraph("1.", ENTRY), paragraph("2.", AUTHORITIES)),
      ],
    });
    const changed = compareVersions([before, reworded]).rows.filter((r) => r.status !== "same");
    expect(changed.map((r) => [r.label, r.status])).toEqual([
      ["Article 2(2)", "deleted"],
      ["Article 4(2)", "inserted"],
    ]);
  });
});
