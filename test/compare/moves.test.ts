/*
 * A provision moved to where a deleted one stood is said to have moved, with where to, even
 * when the deleted one was worded alike (both inform the Commission of something): the words
 * that stand unchanged elsewhere outweigh a loose match in place.
 */
import { describe, expect, it } from "vitest";
import { compareVersions } from "../../shared/compare/comparison";
import { article, paragraph, point, testAct } from "../support/acts";
import { faults } from "../support/comparison-faults";

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

  it("is found out of an article the version deleted as a whole, its other paragraph deleted with it", () => {
    const dissolved = testAct({
      body: [
        article("Article 1", null, paragraph("1.", SCOPE)),
        article("Article 2", null, paragraph("1.", REGISTERS)),
        article("Article 3", null, paragraph("1.", ENTRY), paragraph("2.", penalties)),
      ],
    });
    const rows = compareVersions([before, dissolved]).rows.filter((r) => r.status !== "same" && r.status !== "renumbered");
    expect(rows.map((r) => [r.label, r.status, r.cells[1]?.label ?? null, r.cells[1]?.note ?? null])).toEqual([
      ["Article 2", "deleted", null, null],
      ["Article 2(1)", "deleted", null, null],
      ["Article 2(2)", "moved", "Article 3(2)", "moved: into Article 3 in this version"],
    ]);
  });
});

describe("moves across provisions, where they meet other changes (review)", () => {
  const LABEL = "Honey shall be labelled in an official language of the Member State where it is sold.";
  const RECORDS = "Operators placing honey on the market shall keep the following records for five years:";
  const BEEKEEPER = "the name and address of the beekeeper who supplied the honey;";
  const QUANTITY = "the quantity of honey received and the date of its receipt;";
  const ANALYSIS = "the results of any laboratory analysis of pollen content carried out by accredited laboratories.";
  const AUTHORITIES = "Member States shall designate the competent authorities responsible for official controls.";
  const CHECKS = "The competent authorities shall carry out checks on the basis of risk at all stages of marketing:";
  const PACKERS = "on the premises of packers;";
  const PENALTIES = "Member States shall lay down the rules on penalties applicable to infringements of this Regulation.";
  const changed = (comparison: ReturnType<typeof compareVersions>) =>
    comparison.rows
      .filter((r) => r.status !== "same")
      .map((r) => [r.label, r.status, ...r.cells.slice(1).map((c, k) => c?.note ?? r.notes[k + 1] ?? c?.status ?? r.statuses[k + 1])]);

  it("keeps every cell once when a point of a moved paragraph moved elsewhere on its own", () => {
    const before = testAct({
      body: [
        article(
          "Article 2",
          null,
          paragraph("1.", LABEL),
          paragraph("2.", RECORDS, point("(a)", BEEKEEPER), point("(b)", QUANTITY), point("(c)", ANALYSIS)),
        ),
        article("Article 4", null, paragraph("1.", AUTHORITIES)),
        article("Article 5", null, paragraph("1.", CHECKS, point("(a)", PACKERS))),
      ],
    });
    const after = testAct({
      body: [
        article("Article 2", null, paragraph("1.", LABEL)),
        article("Article 4", null, paragraph("1.", AUTHORITIES), paragraph("2.", RECORDS, point("(a)", BEEKEEPER), point("(b)", QUANTITY))),
        article("Article 5", null, paragraph("1.", CHECKS, point("(a)", PACKERS), point("(b)", ANALYSIS))),
      ],
    });
    for (const docs of [
      [before, after],
      [after, before],
    ])
      expect(faults(compareVersions(docs), docs)).toEqual([]);
    expect(changed(compareVersions([before, after]))).toEqual([
      ["Article 2(2)", "moved", "moved: into Article 4 in this version"],
      // Inside the moved paragraph's rows, a further move is not looked for: it stays deleted and inserted.
      ["Article 2(2)(c)", "deleted", "deleted"],
      ["Article 5(1)(b)", "inserted", "inserted"],
    ]);
  });

  it("shows a point once when one version moved its paragraph and another moved a point into that paragraph", () => {
    const ref = testAct({
      body: [
        article("Article 1", null, paragraph("1.", LABEL), paragraph("2.", RECORDS, point("(a)", BEEKEEPER), point("(b)", QUANTITY))),
        article("Article 2", null, paragraph("1.", AUTHORITIES), paragraph("2.", CHECKS, point("(a)", ANALYSIS))),
      ],
    });
    const paragraphMoved = testAct({
      body: [
        article("Article 1", null, paragraph("1.", LABEL)),
        article(
          "Article 2",
          null,
          paragraph("1.", AUTHORITIES),
          paragraph("2.", CHECKS, point("(a)", ANALYSIS)),
          paragraph("3.", RECORDS, point("(a)", BEEKEEPER), point("(b)", QUANTITY)),
        ),
      ],
    });
    const pointMoved = testAct({
      body: [
        article(
          "Article 1",
          null,
          paragraph("1.", LABEL),
          paragraph("2.", RECORDS, point("(a)", BEEKEEPER), point("(b)", QUANTITY), point("(c)", ANALYSIS)),
        ),
        article("Article 2", null, paragraph("1.", AUTHORITIES), paragraph("2.", CHECKS.replace(":", "."))),
      ],
    });
    const docs = [ref, paragraphMoved, pointMoved];
    expect(faults(compareVersions(docs), docs)).toEqual([]);
  });

  it("finds the move two versions made alike, as the Council's move the act keeps", () => {
    const ref = testAct({
      body: [
        article("Article 2", null, paragraph("1.", LABEL), paragraph("2.", PENALTIES)),
        article("Article 4", null, paragraph("1.", AUTHORITIES)),
      ],
    });
    const moved = testAct({
      body: [
        article("Article 2", null, paragraph("1.", LABEL)),
        article("Article 4", null, paragraph("1.", AUTHORITIES), paragraph("2.", PENALTIES)),
      ],
    });
    const comparison = compareVersions([ref, moved, moved]);
    expect(changed(comparison)).toEqual([
      ["Article 2(2)", "moved", "moved: into Article 4 in this version", "moved: into Article 4 in this version"],
    ]);
    expect(comparison.statistics[2]).toMatchObject({ moved: 1, inserted: 0, deleted: 0 });
  });

  it("keeps a column's merge of a paragraph and its points when another column moved it", () => {
    const ref = testAct({
      body: [
        article("Article 2", null, paragraph("1.", LABEL), paragraph("2.", RECORDS, point("(a)", BEEKEEPER), point("(b)", QUANTITY))),
        article("Article 4", null, paragraph("1.", AUTHORITIES)),
      ],
    });
    const merged = testAct({
      body: [
        article("Article 2", null, paragraph("1.", `${LABEL} ${RECORDS} ${BEEKEEPER} ${QUANTITY}`)),
        article("Article 4", null, paragraph("1.", AUTHORITIES)),
      ],
    });
    const moved = testAct({
      body: [
        article("Article 2", null, paragraph("1.", LABEL)),
        article("Article 4", null, paragraph("1.", AUTHORITIES), paragraph("2.", RECORDS, point("(a)", BEEKEEPER), point("(b)", QUANTITY))),
      ],
    });
    const alone = compareVersions([ref, merged]);
    const withMove = compareVersions([ref, merged, moved]);
    const mergedNotes = (c: ReturnType<typeof compareVersions>) => c.rows.filter((r) => r.statuses[1] === "merged").map((r) => r.label);
    expect(mergedNotes(withMove)).toEqual(mergedNotes(alone));
    expect(mergedNotes(alone)).toEqual(["Article 2(2)", "Article 2(2)(a)", "Article 2(2)(b)"]);
    expect(withMove.statistics[1]).toEqual(alone.statistics[1]);
  });

  it("does not take a paragraph for moved when it only shares the common words of another", () => {
    for (const [lost, found] of [
      ["Member States shall notify the Commission of those measures.", "Member States shall notify the Commission of the penalties."],
      ["This Regulation shall apply from 1 January 2025.", "This Regulation shall apply from 1 January 2027 to fishery products."],
    ] as const) {
      const before = testAct({
        body: [
          article("Article 2", null, paragraph("1.", LABEL), paragraph("2.", lost)),
          article("Article 4", null, paragraph("1.", AUTHORITIES)),
        ],
      });
      const after = testAct({
        body: [
          article("Article 2", null, paragraph("1.", LABEL)),
          article("Article 4", null, paragraph("1.", AUTHORITIES), paragraph("2.", found)),
        ],
      });
      expect(changed(compareVersions([before, after]))).toEqual([
        ["Article 2(2)", "deleted", "deleted"],
        ["Article 4(2)", "inserted", "inserted"],
      ]);
    }
  });
});

describe("a level of thousands of provisions, every one moved", () => {
  it("finds each article where it went, and takes none for deleted and inserted (3,000 articles shuffled)", () => {
    // Words of a made-up vocabulary, as many articles share as a long act's do; the order shuffled, and numbered anew.
    let seed = 7;
    const random = (below: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % below;
    };
    const texts = Array.from({ length: 3000 }, () => Array.from({ length: 12 }, () => `w${random(2000)}`).join(" ") + ".");
    const shuffled = [...texts];
    for (let k = shuffled.length - 1; k > 0; k--) {
      const other = random(k + 1);
      [shuffled[k], shuffled[other]] = [shuffled[other]!, shuffled[k]!];
    }
    const comparison = compareVersions([act(texts), act(shuffled)]);
    const paragraphs = comparison.rows.filter((r) => r.type === "paragraph");
    expect(paragraphs).toHaveLength(3000);
    // Each row holds one text in both columns: the article's, wherever it went.
    expect(paragraphs.filter((r) => r.cells[0]?.text !== r.cells[1]?.text)).toEqual([]);
    expect(comparison.statistics[1]).toMatchObject({ inserted: 0, deleted: 0 });
  }, 60_000);
});
