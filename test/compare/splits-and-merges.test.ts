/*
 * A provision split in two, and two merged into one, are reported as such, with where from and
 * where into, rather than as an unrelated insertion or deletion.
 */
import { describe, expect, it } from "vitest";
import { compareVersions } from "../../shared/compare/comparison";
import { article, paragraph, point, testAct } from "../support/acts";

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

describe("articles merged where the one that took the other's words still matches surely", () => {
  const PENALTIES =
    "Member States shall lay down the rules on penalties applicable to infringements of this Regulation and shall take all measures necessary to ensure that they are implemented.";
  const DISSUASIVE = "The penalties shall be dissuasive.";
  const ENTRY = "This Regulation shall enter into force on the twentieth day following its publication.";
  const apart = testAct({
    body: [
      article("Article 1", null, paragraph("1.", "This Regulation lays down rules on the labelling of honey sold to consumers.")),
      article("Article 2", null, paragraph("1.", PENALTIES)),
      article("Article 3", null, paragraph("1.", DISSUASIVE)),
      article("Article 4", null, paragraph("1.", ENTRY)),
    ],
  });
  const together = testAct({
    body: [
      article("Article 1", null, paragraph("1.", "This Regulation lays down rules on the labelling of honey sold to consumers.")),
      article("Article 2", null, paragraph("1.", `${PENALTIES} ${DISSUASIVE}`)),
      article("Article 3", null, paragraph("1.", ENTRY)),
    ],
  });
  const changes = (docs: Parameters<typeof compareVersions>[0]) =>
    compareVersions(docs)
      .rows.filter((r) => r.status !== "same")
      .map((r) => [r.label, r.status, r.cells[1]?.note ?? r.notes[1]]);

  it("reports the article whose words ran into the one before as merged into it, its paragraph too", () => {
    expect(changes([apart, together])).toEqual([
      ["Article 2(1)", "changed", null],
      ["Article 3", "merged", "merged into Article 2"],
      ["Article 3(1)", "merged", "merged into Article 2"],
      ["Article 4", "renumbered", null],
    ]);
  });

  it("reports the article taken out of the one before as split from it, seen the other way", () => {
    expect(changes([together, apart])).toEqual([
      ["Article 2(1)", "changed", null],
      ["Article 3", "split", "split from Article 2"],
      ["Article 3(1)", "split", "split from Article 2"],
      ["Article 3", "renumbered", null],
    ]);
  });

  it("reports an article merged into the one after it", () => {
    const intoNext = testAct({
      body: [
        article("Article 1", null, paragraph("1.", "This Regulation lays down rules on the labelling of honey sold to consumers.")),
        article("Article 2", null, paragraph("1.", `${DISSUASIVE} ${PENALTIES}`)),
        article("Article 3", null, paragraph("1.", ENTRY)),
      ],
    });
    const reordered = testAct({
      body: [
        article("Article 1", null, paragraph("1.", "This Regulation lays down rules on the labelling of honey sold to consumers.")),
        article("Article 2", null, paragraph("1.", DISSUASIVE)),
        article("Article 3", null, paragraph("1.", PENALTIES)),
        article("Article 4", null, paragraph("1.", ENTRY)),
      ],
    });
    const rows = changes([reordered, intoNext]);
    expect(rows).toContainEqual(["Article 2", "merged", "merged into Article 2"]);
    expect(rows.filter(([, status]) => status === "deleted")).toEqual([]);
  });
});

describe("points folded into their provision's words", () => {
  const LEAD =
    "‘dual-use items’ means items, including software and technology, which can be used for both civil and military purposes, and includes:";
  const NUCLEAR = "items which can be used for the design, development, production or use of nuclear, chemical or biological weapons;";
  const CYBER = "cyber-surveillance technology which can be used for the commission of serious violations of human rights;";
  const FOLDED = `${LEAD.replace("includes:", "includes")} ${NUCLEAR}`;
  const EXPORTER = "‘exporter’ means any natural or legal person that makes an export declaration.";
  const definitions = (lead: string, ...points: ReturnType<typeof point>[]) =>
    testAct({ body: [article("Article 2", null, paragraph("1.", lead, ...points), paragraph("2.", EXPORTER))] });
  const proposal = definitions(LEAD, point("(a)", NUCLEAR), point("(b)", CYBER));

  it("are merged into it where the version lacks them, and a point it no longer has is deleted", () => {
    const row = (label: string) => compareVersions([proposal, definitions(FOLDED)]).rows.find((r) => r.label === label)!;
    expect([row("Article 2(1)(a)").statuses[1], row("Article 2(1)(a)").notes[1]]).toEqual(["merged", "merged into Article 2(1)"]);
    expect(row("Article 2(1)(b)").statuses[1]).toBe("deleted");
  });

  it("are split from it, seen from the version that folded them: a point whose words the reference's provision has", () => {
    const row = (label: string) => compareVersions([definitions(FOLDED), proposal]).rows.find((r) => r.cells[1]?.label === label)!;
    expect([row("Article 2(1)(a)").statuses[1], row("Article 2(1)(a)").notes[1]]).toEqual(["split", "split from Article 2(1)"]);
    expect(row("Article 2(1)(a)").status).toBe("split");
    // The cyber-surveillance point's words are not in the reference's definition: inserted.
    expect([row("Article 2(1)(b)").statuses[1], row("Article 2(1)(b)").notes[1]]).toEqual(["inserted", null]);
  });

  it("are not merged where the version prints the point as deleted: it says so itself", () => {
    const row = compareVersions([proposal, definitions(FOLDED, point("(a)", "deleted"), point("(b)", CYBER))]).rows.find(
      (r) => r.label === "Article 2(1)(a)",
    )!;
    expect([row.status, row.cells[1]?.text, row.notes[1]]).toEqual(["deleted", "deleted", null]);
  });
});

describe("short points beside a long provision whose words have theirs", () => {
  const LONG =
    "Member States shall ensure that the competent authorities inform the Commission and the other Member States of the measures taken under this Regulation, and that the Commission informs the European Parliament and the Council of the measures taken by the Member States.";
  const long = testAct({ body: [article("Article 6", null, paragraph("1.", LONG, point("(a)", "the number of licences granted;")))] });
  const listed = testAct({
    body: [
      article(
        "Article 6",
        null,
        paragraph(
          "1.",
          "Member States shall ensure that the competent authorities inform the Commission and the other Member States of:",
          point("(a)", "the number of licences granted;"),
          point("(b)", "the measures taken;"),
          point("(c)", "the Council;"),
          point("(d)", "the European Parliament."),
        ),
      ),
    ],
  });
  const statuses = (docs: Parameters<typeof compareVersions>[0], v: number) =>
    compareVersions(docs)
      .rows.filter((r) => /^Article 6\(1\)\([bcd]\)$/.test(r.cells[v]?.label ?? r.label))
      .map((r) => [r.label, r.statuses[1]]);

  it("are inserted, not split from it: two or three words are found in any long provision", () => {
    expect(statuses([long, listed], 1)).toEqual([
      ["Article 6(1)(b)", "inserted"],
      ["Article 6(1)(c)", "inserted"],
      ["Article 6(1)(d)", "inserted"],
    ]);
  });

  it("are deleted, not merged into it, seen from the other side", () => {
    expect(statuses([listed, long], 0)).toEqual([
      ["Article 6(1)(b)", "deleted"],
      ["Article 6(1)(c)", "deleted"],
      ["Article 6(1)(d)", "deleted"],
    ]);
  });
});

describe("a point folded into its provision's words with its own points", () => {
  const LEAD = "Exporters shall keep registers of their exports, which shall include:";
  const DESCRIPTION = "the description of the dual-use items and their quantity, namely:";
  const CODE = "the code of the items in the control list annexed to this Regulation;";
  const NAME = "the name and address of the consignee and of the end-user of the items.";
  const ref = testAct({
    body: [article("Article 2", null, paragraph("1.", LEAD, point("(a)", DESCRIPTION, point("(i)", CODE)), point("(b)", NAME)))],
  });
  const folded = testAct({
    body: [
      article("Article 2", null, paragraph("1.", `${LEAD.replace(":", "")} ${DESCRIPTION.replace(":", "")} ${CODE}`, point("(b)", NAME))),
    ],
  });

  it("is merged into it, and its points with it", () => {
    const statuses = compareVersions([ref, folded])
      .rows.filter((r) => r.label.startsWith("Article 2(1)(a)"))
      .map((r) => [r.label, r.statuses[1], r.notes[1]]);
    expect(statuses).toEqual([
      ["Article 2(1)(a)", "merged", "merged into Article 2(1)"],
      ["Article 2(1)(a)(i)", "merged", "merged into Article 2(1)"],
    ]);
  });

  it("is split from it, and its points with it, seen from the version that has them as the provision's words", () => {
    const statuses = compareVersions([folded, ref])
      .rows.filter((r) => r.cells[1]?.label.startsWith("Article 2(1)(a)"))
      .map((r) => [r.cells[1]!.label, r.statuses[1], r.notes[1]]);
    expect(statuses).toEqual([
      ["Article 2(1)(a)", "split", "split from Article 2(1)"],
      ["Article 2(1)(a)(i)", "split", "split from Article 2(1)"],
    ]);
  });
});
