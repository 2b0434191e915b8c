/*
 * The four columns of the demonstration dual-use dossier. The expected rows were written from
 * reading the four texts (fixtures/dual-use/README.md has the correspondence table).
 */
import { describe, expect, it } from "vitest";
import { compareVersions, STATISTICS, type ComparisonRow } from "../../shared/compare/comparison";
import { filterRows, nearestShown, rangeProblem } from "../../shared/compare/filters";
import { comparisonHtml } from "../../shared/compare/comparison-html";
import { DUAL_USE_STAGES, fixtureDoc } from "../support/fixtures";
import { act, p, provision } from "../../shared/model/build";

const comparison = compareVersions(
  DUAL_USE_STAGES.map(([, path]) => fixtureDoc(path)),
  { names: DUAL_USE_STAGES.map(([name]) => name) },
);

/** The row whose cell in column `v` has the label. */
function rowWith(v: number, label: string): ComparisonRow {
  const row = comparison.rows.find((r) => r.cells[v]?.label === label);
  if (!row) throw new Error(`no row with ${label} in column ${v}`);
  return row;
}

const labelsOf = (row: ComparisonRow) => row.cells.map((c) => c?.label ?? null);

describe("the dual-use dossier in four columns", () => {
  it("opens with the act's title, where the Council reordered the activities and the act gained its number and date", () => {
    const title = comparison.rows[0]!;
    expect([title.label, title.type, title.status, title.confidence]).toEqual(["Title", "preface", "changed", 1]);
    expect(title.cells[1]!.status).toBe("same");
    expect(title.cells[2]!.diff.filter(([op]) => op !== "=")).toEqual([
      ["-", "transfer, "],
      ["-", " and "],
      ["+", ", "],
      ["+", "and transfer "],
    ]);
    expect(title.cells[3]!.diff).toContainEqual(["-", "Proposal for a "]);
    expect(title.cells[3]!.diff).toContainEqual(["+", "(EU) 2021/821 "]);
    expect(title.cells[3]!.diff).toContainEqual(["+", "of 20 May 2021 "]);
  });

  it("closes the enacting terms with the concluding formulas, where the act gained its date, before any annex", () => {
    const formulas = comparison.rows.find((r) => r.type === "conclusions")!;
    expect([formulas.label, formulas.depth, formulas.status]).toEqual(["Concluding formulas", 0, "changed"]);
    expect(formulas.cells[3]!.diff.filter(([op]) => op !== "=")).toEqual([["+", " 20 May 2021."]]);
    expect(formulas.cells.slice(0, 3).every((c) => c!.status === null || c!.status === "same")).toBe(true);
    // After the last article's row and its paragraphs; not counted among the provisions.
    const last = comparison.rows.map((r) => r.type).lastIndexOf("article");
    expect(comparison.rows.indexOf(formulas)).toBeGreaterThan(last);
    const counted = comparison.statistics[3]!;
    expect(STATISTICS.reduce((sum, name) => sum + counted[name], 0)).toBe(
      comparison.rows.filter((r) => r.type !== "preface" && r.type !== "conclusions" && (r.cells[3] !== null || r.cells[0] !== null))
        .length,
    );
  });

  it("says whose number a row's label is when the reference has no such provision", () => {
    // The act's recital 2 is new: its row stands near the proposal's own recital 2's.
    const actsOwn = comparison.rows.find((r) => r.cells[0] === null && r.cells[3]?.label === "Recital 2")!;
    const html = comparisonHtml(comparison, [actsOwn, rowWith(0, "Recital 2")]);
    expect(html.match(/<th scope="row" class="label"[^>]*>.*?<\/th>/g)!.map((cell) => cell.replace(/<th[^>]*>/, ""))).toEqual([
      // Alone in its row, it is aligned with nothing: no confidence is said.
      'Recital 2<span class="label-source">in Regulation</span></th>',
      'Recital 2<span class="confidence">alignment 0.76</span></th>',
    ]);
  });

  it("says in words, beside the label, how sure a row's alignment is when it is not sure", () => {
    // The proposal's recital 5 in the act's recital 8 is a loose match, worth a reader's check.
    const loose = rowWith(0, "Recital 5");
    expect(loose.confidence).toBeLessThan(0.5);
    expect(loose.confidence).toBe(0.318);
    expect(comparisonHtml(comparison, [loose])).toContain('<span class="confidence uncertain">uncertain alignment 0.31</span>');
    const sure = rowWith(0, "Recital 1");
    expect(sure.confidence).toBeGreaterThanOrEqual(0.9);
    expect(comparisonHtml(comparison, [sure])).not.toContain('class="confidence');
  });

  it("lines up each article of the proposal with its renumbered counterparts", () => {
    expect(labelsOf(rowWith(0, "Article 8"))).toEqual(["Article 8", "Article 8", "Article 8", "Article 9"]);
    expect(labelsOf(rowWith(0, "Article 14"))).toEqual(["Article 14", "Article 14", "Article 14", "Article 15"]);
    expect(labelsOf(rowWith(0, "Article 24"))).toEqual(["Article 24", "Article 24", "Article 24", "Article 26"]);
    expect(labelsOf(rowWith(0, "Article 30"))).toEqual(["Article 30", "Article 30", "Article 30", "Article 32"]);
    expect(rowWith(0, "Article 30").status).toBe("renumbered");
  });

  it("keeps Parliament's Article 4a (due diligence) apart from the Council's Article 4a, which became Article 5", () => {
    expect(labelsOf(rowWith(1, "Article 4a"))).toEqual([null, "Article 4a", null, null]);
    expect(labelsOf(rowWith(2, "Article 4a"))).toEqual([null, null, "Article 4a", "Article 5"]);
    const act = rowWith(2, "Article 4a").cells[3]!;
    expect(act.confidence).toBeGreaterThan(0.4);
    expect(act.confidence).toBeLessThan(1);
    expect(rowWith(0, "Article 8").cells[0]!.confidence).toBe(1);
    expect(rowWith(2, "Article 4a").status).toBe("inserted");
  });

  it("keeps Parliament's Article 4a apart whichever column is the reference, and against the act alone", () => {
    // Both are about due diligence and cyber-surveillance items, and share enough of the act's
    // words for the longer to contain much of the shorter; their paragraphs say different things.
    const stages = DUAL_USE_STAGES.map(([, path]) => fixtureDoc(path));
    for (const ref of [0, 1, 2, 3]) {
      const rows = compareVersions(stages, { ref }).rows;
      expect(labelsOf(rows.find((r) => r.cells[1]?.label === "Article 4a")!), `reference ${ref}`).toEqual([null, "Article 4a", null, null]);
      expect(
        rows.filter((r) => r.cells[1]?.label.startsWith("Article 4a(")).every((r) => r.cells.every((c, v) => v === 1 || c === null)),
      ).toBe(true);
    }
    const twoColumns = compareVersions([stages[1]!, stages[3]!]).rows;
    expect(labelsOf(twoColumns.find((r) => r.cells[0]?.label === "Article 4a")!)).toEqual(["Article 4a", null]);
    expect(labelsOf(twoColumns.find((r) => r.cells[1]?.label === "Article 5")!)).toEqual([null, "Article 5"]);
  });

  it("puts the act's recital 8 in the row of the proposal's recital 5, as the fixture's table has it", () => {
    const stages = DUAL_USE_STAGES.map(([, path]) => fixtureDoc(path));
    for (const ref of [0, 1, 2, 3]) {
      const rows = compareVersions(stages, { ref }).rows;
      expect(labelsOf(rows.find((r) => r.cells[0]?.label === "Recital 5")!), `reference ${ref}`).toEqual([
        "Recital 5",
        "Recital 5",
        "Recital 4",
        "Recital 8",
      ]);
      expect(labelsOf(rows.find((r) => r.cells[0]?.label === "Recital 7")!)).toEqual(["Recital 7", "Recital 7", null, null]);
      expect(labelsOf(rows.find((r) => r.cells[2]?.label === "Recital 5")!)).toEqual([null, null, "Recital 5", "Recital 9"]);
    }
  });

  it("lines up the same provisions whichever column is the reference", () => {
    // The reference decides the order of the rows and what each column is said to have done, not which provisions share a row.
    const stages = DUAL_USE_STAGES.map(([, path]) => fixtureDoc(path));
    const rowsOf = (ref: number) =>
      compareVersions(stages, { ref })
        .rows.map((r) => r.cells.map((c) => c?.eId ?? "-").join(" | "))
        .sort();
    const byProposal = rowsOf(0);
    for (const ref of [1, 2, 3]) expect(rowsOf(ref), `reference ${ref}`).toEqual(byProposal);
  });

  it("gives the Council's and the act's identical cells the same confidence, whichever column is the reference", () => {
    // Council and act have Article 4(5) word for word alike, both changed from the proposal;
    // the act's cell used to score 1 against the Council's while the Council's scored 0.638.
    const stages = DUAL_USE_STAGES.map(([, path]) => fixtureDoc(path));
    for (const ref of [0, 1]) {
      const rows = compareVersions(stages, { ref }).rows;
      for (const label of ["Article 1", "Article 4(5)", "Article 14(1)(d)"]) {
        const [council, adopted] = rows.find((r) => r.cells[2]?.label === label)!.cells.slice(2);
        expect(council!.text).toBe(adopted!.text);
        expect([label, council!.status, adopted!.status]).toEqual([label, "changed", "changed"]);
        expect(adopted!.confidence).toBe(council!.confidence);
        expect(council!.confidence).toBeLessThan(1);
      }
    }
  });

  it("shows the Parliament's amendment numbers on the provisions they amend or insert, and on no other column", () => {
    const amended = comparison.rows.flatMap((r) =>
      r.cells.flatMap((c, v) => (c?.amendments ? [[v, c.label, c.amendments.join(", ")] as const] : [])),
    );
    // The Parliament file marks 24 provisions; every one is shown, in the Parliament's column only.
    expect(amended).toHaveLength(24);
    expect(amended.every(([v]) => v === 1)).toBe(true);
    expect(amended).toContainEqual([1, "Recital 5", "AM 6"]);
    expect(amended).toContainEqual([1, "Article 14(1)(c)", "AM 60"]);
    // Article 4a's note stands in its paragraph 1 but names the article (art_4a__authorialNote_1).
    expect(amended).toContainEqual([1, "Article 4a", "AM 45"]);
    expect(amended.some(([, label]) => label === "Article 4a(1)")).toBe(false);
    expect(comparisonHtml(comparison)).toContain('<span class="amendment">AM 60</span>');
  });

  it("matches the Council's point (c) of Article 14(1) with the proposal's point (g), not its point (c)", () => {
    expect(labelsOf(rowWith(0, "Article 14(1)(g)"))).toEqual([
      "Article 14(1)(g)",
      "Article 14(1)(g)",
      "Article 14(1)(c)",
      "Article 15(1)(c)",
    ]);
    expect(labelsOf(rowWith(0, "Article 14(1)(c)"))).toEqual(["Article 14(1)(c)", "Article 14(1)(c)", null, null]);
  });

  it("keeps the cyber-surveillance definition in one row, renumbered and rewritten, whichever column is the reference", () => {
    // Proposal 2(21) "‘cyber-surveillance technology’ means items … covert intrusion" became the
    // Council's and the act's 2(20) "‘cyber-surveillance items’ means dual-use items … covert
    // surveillance of natural persons". Parliament deleted it there (AM 34, its text reads
    // "deleted") and inserted its own definition as 2(1a) (AM 31), as the fixture's table has it.
    const stages = DUAL_USE_STAGES.map(([, path]) => fixtureDoc(path));
    for (const ref of [0, 1, 2, 3]) {
      const rows = compareVersions(stages, { ref }).rows;
      const row = rows.find((r) => r.cells[2]?.label === "Article 2(20)")!;
      expect(labelsOf(row)).toEqual(["Article 2(21)", "Article 2(21)", "Article 2(20)", "Article 2(20)"]);
      expect(labelsOf(rows.find((r) => r.cells[1]?.label === "Article 2(1a)")!)).toEqual([null, "Article 2(1a)", null, null]);
    }
    const row = rowWith(2, "Article 2(20)");
    expect([row.cells[1]!.text, row.cells[1]!.status, row.cells[1]!.amendments]).toEqual(["deleted", "deleted", ["AM 34"]]);
    expect(rowWith(1, "Article 2(1a)").cells[1]!.status).toBe("inserted");
    const council = row.cells[2]!;
    expect([council.status, council.confidence < 0.5]).toEqual(["changed", true]);
    expect(row.cells[3]!.diff).toContainEqual(["+", "surveillance of natural persons by "]);
  });

  it("takes a provision the Parliament marks deleted for a deletion of the provision of that number, not for an insertion", () => {
    // Every "deleted" in the Parliament's text stands in the row of the provision it deletes.
    const marks = comparison.rows.filter((r) => r.cells[1]?.text === "deleted");
    expect(marks.length).toBeGreaterThan(0);
    for (const r of marks) {
      expect(r.cells[0]?.label).toBe(r.cells[1]!.label);
      expect(r.cells[1]!.status).toBe("deleted");
    }
    expect(comparison.rows.some((r) => r.cells[1]?.text === "deleted" && r.cells[0] === null)).toBe(false);
    // The struck words and the added "deleted" are set apart, not read as one word ("equipment:deleted").
    const definition = comparisonHtml(comparison, [rowWith(0, "Article 2(21)")]);
    expect(definition).toMatch(/and equipment:<\/del><ins class="apart">deleted<\/ins>/);
  });

  it("without the proposal, keeps the Parliament's 'deleted' apart from the Council's definition of that number, renumbered from the Parliament's 2(23)", () => {
    const [, ...later] = DUAL_USE_STAGES.map(([, path]) => fixtureDoc(path));
    for (const ref of [0, 1, 2]) {
      const rows = compareVersions(later, { ref }).rows;
      const labels = (text: RegExp) => labelsOf(rows.find((r) => r.cells.some((c) => c !== null && text.test(c.text)))!);
      // AM 34 deleted the proposal's 2(21); the internal compliance programme, the Parliament's 2(23) (AM 35), is the Council's and the act's 2(21).
      expect(labels(/^deleted$/)).toEqual(["Article 2(21)", null, null]);
      expect(labels(/^‘internal compliance programme’/)).toEqual(["Article 2(23)", "Article 2(21)", "Article 2(21)"]);
    }
  });

  it("shows, against the Parliament's 'deleted', the provision the other columns keep whole and inserted, and the mark removed", () => {
    const againstParliament = compareVersions(
      DUAL_USE_STAGES.map(([, path]) => fixtureDoc(path)),
      { ref: 1 },
    );
    // The Parliament deleted the proposal's definition 2(21) (AM 34); the Council and the act keep it as 2(20).
    const row = againstParliament.rows.find((r) => r.cells[1]?.text === "deleted" && r.cells[0]?.label === "Article 2(21)")!;
    for (const cell of [row.cells[0]!, row.cells[2]!, row.cells[3]!]) {
      expect(cell.status).toBe("inserted");
      // Kept and removed spans give back the reference's words, as in every cell.
      expect(cell.diff).toEqual([
        ["-", "deleted"],
        ["+", cell.text],
      ]);
    }
  });

  it("shows Parliament's exclusion of commercial items after its list of cyber-surveillance items, where its wrap-up stands", () => {
    const labels = comparison.rows.map((r) => r.cells[1]?.label ?? null).filter((l) => l?.startsWith("Article 2(1a)"));
    expect(labels.at(-2)).toBe("Article 2(1a)(f)");
    expect(labels.at(-1)).toBe("Article 2(1a), concluding words");
    expect(rowWith(1, "Article 2(1a), concluding words").cells[1]!.text).toMatch(
      /^this definition does not cover items specially designed/,
    );
    expect(rowWith(1, "Article 2(1a)").cells[1]!.text).not.toMatch(/this definition does not cover/);
  });

  it("matches the proposal's point (h) of Article 14(1) with the Council's shortened point (d)", () => {
    expect(labelsOf(rowWith(0, "Article 14(1)(h)"))).toEqual([
      "Article 14(1)(h)",
      "Article 14(1)(h)",
      "Article 14(1)(d)",
      "Article 15(1)(d)",
    ]);
  });

  it("shows the Council's rewording of the recital on the common criteria, human rights among them, in the proposal's row", () => {
    expect(labelsOf(rowWith(0, "Recital 9"))).toEqual(["Recital 9", "Recital 9", "Recital 7", null]);
  });

  it("says a column inserted a provision only where it has one: a column lacking what the reference lacks says nothing", () => {
    const row = rowWith(2, "Recital 5");
    expect(labelsOf(row)).toEqual([null, null, "Recital 5", "Recital 9"]);
    expect(row.statuses).toEqual([null, null, "inserted", "inserted"]);
    for (const r of comparison.rows) r.statuses.forEach((s, v) => s === "inserted" && expect(r.cells[v]).not.toBeNull());
  });

  it("shows the human-rights catch-all of Article 4(1)(d) deleted by the Council", () => {
    const row = rowWith(0, "Article 4(1)(d)");
    expect(labelsOf(row)).toEqual(["Article 4(1)(d)", "Article 4(1)(d)", null, null]);
    expect(row.cells[0]!.text).toMatch(/human rights/);
    expect(row.status).toBe("deleted");
    // Said in words in the empty cells, not by their shading alone, which need not print.
    const html = comparisonHtml(comparison, [row]);
    expect(html.match(/<td class="gap">[^]*?<\/td>/g)).toEqual([
      '<td class="gap"><span class="status">deleted</span></td>',
      '<td class="gap"><span class="status">deleted</span></td>',
    ]);
  });

  it("shows Parliament's inserted points and recitals in rows of their own", () => {
    expect(labelsOf(rowWith(1, "Article 4(1)(da)"))).toEqual([null, "Article 4(1)(da)", null, null]);
    expect(labelsOf(rowWith(1, "Article 14(1a)"))).toEqual([null, "Article 14(1a)", null, null]);
    expect(labelsOf(rowWith(1, "Article 24(2a)"))).toEqual([null, "Article 24(2a)", null, null]);
    expect(rowWith(1, "Recital 5a").cells.filter((c) => c !== null)).toHaveLength(1);
  });

  it("says the proposal's point (a) of the definition of dual-use items was folded into the definition's words, and point (b) deleted", () => {
    const folded = rowWith(0, "Article 2(1)(a)");
    expect([folded.status, folded.statuses, folded.notes]).toEqual([
      "merged",
      [null, "merged", "merged", "merged"],
      [null, "merged into Article 2(1)", "merged into Article 2(1)", "merged into Article 2(1)"],
    ]);
    expect(rowWith(0, "Article 2(1)").cells[1]!.diff).toContainEqual([
      "+",
      " items which can be used for the design, development, production or use of nuclear, chemical or biological weapons or their means of delivery, including all items which can be used for both non-explosive uses and assisting in any way in the manufacture of nuclear weapons or other nuclear explosive devices;",
    ]);
    expect(rowWith(0, "Article 2(1)(b)").statuses).toEqual([null, "deleted", "deleted", "deleted"]);
  });

  it("with the act as the reference, says the proposal's point (a) was split from the act's definition, and point (b) inserted", () => {
    const fromTheAct = compareVersions(
      DUAL_USE_STAGES.map(([, path]) => fixtureDoc(path)),
      { names: DUAL_USE_STAGES.map(([name]) => name), ref: 3 },
    );
    const row = (label: string) => fromTheAct.rows.find((r) => r.cells[0]?.label === label)!;
    expect([row("Article 2(1)(a)").status, row("Article 2(1)(a)").statuses, row("Article 2(1)(a)").notes]).toEqual([
      "split",
      ["split", null, null, null],
      ["split from Article 2(1)", null, null, null],
    ]);
    expect(row("Article 2(1)(b)").statuses).toEqual(["inserted", null, null, null]);
    expect(fromTheAct.statistics[0]!.split).toBe(1);
  });

  it("shows the Parliament's recital 5a as split from the proposal's recital 5, whose last three sentences it rewords: those words kept, the new ones added", () => {
    const inserted = rowWith(1, "Recital 5a");
    expect([inserted.status, inserted.cells[1]!.note]).toEqual(["split", "split from Recital 5"]);
    expect(inserted.cells[1]!.text).toContain(
      "They should, in particular, not prevent the export of information and communication technology",
    );
    expect(rowWith(0, "Recital 5").cells[0]!.text).toContain("They should, in particular, not prevent the export of information");
    // The words it carried from recital 5 kept, its new words added; what it left behind is recital 5's row's to show.
    const { diff, text } = inserted.cells[1]!;
    expect(diff).toContainEqual([
      "=",
      "proportionate. They should, in particular, not prevent the export of information and communication technology used for legitimate purposes, including law enforcement and ",
    ]);
    expect(diff).toContainEqual(["+", "Controls should be based on clearly defined criteria "]);
    expect(diff).toContainEqual(["+", "including civil society, should make available "]);
    expect(diff.some(([op]) => op === "-")).toBe(false);
    expect(diff.map(([, words]) => words).join("")).toBe(text);
    // With the Parliament as the reference, the proposal's recital 5 holds both: 5a is merged into it.
    const fromParliament = compareVersions(
      DUAL_USE_STAGES.map(([, path]) => fixtureDoc(path)),
      { ref: 1 },
    );
    const row = fromParliament.rows.find((r) => r.cells[1]?.label === "Recital 5a")!;
    expect([row.statuses[0], row.notes[0]]).toEqual(["merged", "merged into Recital 5"]);
  });

  it("marks the exporter's duty to notify as reworded, with the words that changed", () => {
    const row = rowWith(0, "Article 4(2)");
    expect(labelsOf(row)).toEqual(["Article 4(2)", "Article 4(2)", "Article 4(2)", "Article 4(2)"]);
    const council = row.cells[2]!.diff;
    expect(council).toContainEqual(["-", ", under its obligation to exercise due diligence,"]);
    const parliament = row.cells[1]!.diff;
    expect(parliament).toContainEqual(["+", "or cyber-surveillance items "]);
    expect(row.cells[0]!.diff).toEqual([["=", row.cells[0]!.text]]);
  });

  it("keeps recital 1 and Article 4(3) unchanged in all four", () => {
    expect(rowWith(0, "Recital 1").status).toBe("same");
    expect(rowWith(0, "Article 4(3)").status).toBe("same");
  });

  it("says on every comparison that the texts are a demonstration", () => {
    expect(comparison.notices).toHaveLength(1);
    expect(comparison.notices[0]).toMatch(/not the authentic text/);
    expect(comparison.warnings).toEqual([]);
  });

  it("filters to the changed rows, keeping the articles they belong to", () => {
    const changed = filterRows(comparison, { changedOnly: true });
    expect(changed.some((r) => r.label === "Article 4(3)")).toBe(false);
    expect(changed.some((r) => r.label === "Article 4(2)")).toBe(true);
    const article4 = changed.findIndex((r) => r.label === "Article 4");
    expect(article4).toBeGreaterThanOrEqual(0);
  });

  it("filters to a kind of provision whole: the changed articles with their changed paragraphs and points", () => {
    const articles = filterRows(comparison, { types: ["article"], changedOnly: true });
    const labels = articles.map((r) => r.label);
    expect(labels.every((l) => l.startsWith("Article "))).toBe(true);
    // The human-rights catch-all the Council deleted, and the definition of cyber-surveillance items, under their articles.
    expect(labels).toEqual(expect.arrayContaining(["Article 4", "Article 4(1)", "Article 4(1)(d)", "Article 2", "Article 2(21)"]));
    expect(labels).not.toContain("Article 4(3)");
    // The whole of Article 4, changed or not.
    const all = filterRows(comparison, { types: ["article"] }).map((r) => r.label);
    expect(all).toContain("Article 4(3)");
    expect(all.some((l) => l.startsWith("Recital"))).toBe(false);
  });

  it("filters by words and by a range of provisions", () => {
    const mentions = (r: ComparisonRow) => r.cells.some((c) => c !== null && c.text.toLowerCase().includes("internal repression"));
    const expected = comparison.rows.filter((r) => (r.type === "paragraph" || r.type === "point") && mentions(r));
    const found = filterRows(comparison, { search: "Internal Repression", types: ["paragraph", "point"] });
    expect(expected.length).toBeGreaterThan(2);
    expect(found.filter((r) => expected.includes(r))).toEqual(expected);
    expect(found.filter((r) => !expected.includes(r)).every((r) => r.type === "article" || r.type === "paragraph")).toBe(true);
    // Spacing is matched loosely: words typed with two spaces, or split over lines, are found.
    expect(filterRows(comparison, { search: "internal   repression", types: ["paragraph", "point"] })).toEqual(found);
    const range = filterRows(comparison, { range: { from: "Article 8", to: "Article 14" } });
    expect(range[0]!.label).toBe("Article 8");
    expect(range[range.length - 1]!.label).toBe("Article 14(2)");
  });

  it("reads a range in the reference's numbering, though other columns number the same rows otherwise", () => {
    // The act's recital 8 stands in the proposal's recital 5 row, and its recital 4 in the proposal's 3.
    const labels = (from: string, to: string) => filterRows(comparison, { range: { from, to } }).map((r) => r.label);
    expect(labels("recital 5", "recital 8")).toEqual(["Recital 5", "Recital 5a", "Recital 6", "Recital 7", "Recital 5", "Recital 8"]);
    expect(labels("recital 4", "recital 6")).toEqual(["Recital 4", "Recital 5", "Recital 5a", "Recital 6"]);
    // A number only another version has still starts a range: the act's recital 41 is the proposal's 10.
    expect(labels("recital 41", "recital 41")).toEqual(["Recital 10"]);
  });

  it("says why a range takes no row: an end no row is, or ends the wrong way round", () => {
    expect(rangeProblem(comparison, { from: "Article 8", to: "Article 14" })).toBeNull();
    expect(rangeProblem(comparison, { from: "Article 14", to: "Article 99" })).toBe("no row is Article 99");
    expect(rangeProblem(comparison, { from: "Article 99", to: "Article 14" })).toBe("no row is Article 99");
    expect(rangeProblem(comparison, { from: "Article 9", to: "Article 4" })).toBe("Article 4 comes before Article 9");
    expect(filterRows(comparison, { range: { from: "Article 9", to: "Article 4" } })).toEqual([]);
    // The wrong way round in the reference's numbering, though another version's Article 2 stands after Article 4.
    const article = (n: number, words: string) => provision("article", { num: `Article ${n}` }, [p(words)]);
    const texts = ["Scope of the rules.", "Definitions of terms.", "Rules on exports.", "Rules on brokering.", "Rules on penalties."];
    const reference = act({ body: texts.map((t, k) => article(k + 1, t)) });
    const other = act({ body: [article(1, texts[0]!), article(2, texts[4]!)] });
    const renumbered = compareVersions([reference, other]);
    expect(renumbered.rows.find((r) => r.cells[1]?.label === "Article 2")!.cells[0]!.label).toBe("Article 5");
    expect(rangeProblem(renumbered, { from: "Article 4", to: "Article 2" })).toBe("Article 2 comes before Article 4");
    expect(filterRows(renumbered, { range: { from: "Article 4", to: "Article 2" } })).toEqual([]);
  });

  it("takes a chapter's articles as under it, though the table shows them beside it, up to the next chapter", () => {
    const range = filterRows(comparison, { range: { from: "Chapter III", to: "Chapter III" } });
    const articles = [...new Set(range.filter((r) => r.type === "article").map((r) => r.label))];
    expect(range[0]!.label).toBe("Chapter III");
    // The demonstration's Chapter III holds Article 14 alone.
    expect(articles).toEqual(["Article 14"]);
    expect(range).toHaveLength(14);
    expect(range.at(-1)!.label).toBe("Article 14(2)");
    // The next row is the next chapter's.
    expect(comparison.rows[comparison.rows.indexOf(range.at(-1)!) + 1]!.type).toBe("chapter");
  });

  it("takes a section's articles up to the next section, and a chapter's sections with theirs up to the next chapter", () => {
    const article = (n: number) => provision("article", { num: `Article ${n}` }, [p(`Rule number ${n} applies.`)]);
    const section = (n: number, ...articles: ReturnType<typeof article>[]) => provision("section", { num: `SECTION ${n}` }, articles);
    const chapter = (n: string, ...parts: ReturnType<typeof article>[]) => provision("chapter", { num: `CHAPTER ${n}` }, parts);
    const grouped = act({ body: [chapter("I", section(1, article(1), article(2)), section(2, article(3))), chapter("II", article(4))] });
    const table = compareVersions([grouped, grouped]);
    const labels = (from: string, to: string) => filterRows(table, { range: { from, to } }).map((r) => r.label);
    expect(labels("Chapter I", "Chapter I")).toEqual([
      "Chapter I",
      "Chapter I, Section 1",
      "Article 1",
      "Article 2",
      "Chapter I, Section 2",
      "Article 3",
    ]);
    expect(labels("Chapter I, Section 1", "Chapter I, Section 1")).toEqual(["Chapter I, Section 1", "Article 1", "Article 2"]);
    expect(labels("Article 2", "Chapter II")).toEqual(["Article 2", "Chapter I, Section 2", "Article 3", "Chapter II", "Article 4"]);
  });
});

describe("manual overrides of the alignment", () => {
  const docs = DUAL_USE_STAGES.map(([, path]) => fixtureDoc(path));

  it("pins two provisions together on the next run", () => {
    // The act's recital 8 shares words with the proposal's recitals 5 and 7 ("persons complicit
    // in or responsible for directing or committing serious violations"): the words put it with 5,
    // as the fixture's table has it, and a person who reads it as 7's pins it there.
    const before = compareVersions(docs);
    expect(before.rows.find((r) => r.cells[0]?.label === "Recital 5")!.cells[3]?.label).toBe("Recital 8");
    expect(before.rows.find((r) => r.cells[0]?.label === "Recital 7")!.cells[3]).toBeNull();
    const after = compareVersions(docs, {
      overrides: [{ kind: "pin", a: { version: 0, eId: "rec_7" }, b: { version: 3, eId: "rec_8" } }],
    });
    const row = after.rows.find((r) => r.cells[0]?.label === "Recital 7")!;
    expect(row.cells[3]?.label).toBe("Recital 8");
    expect(after.rows.filter((r) => r.cells[3]?.label === "Recital 8")).toHaveLength(1);
  });

  it("separates two provisions the alignment had put together", () => {
    const after = compareVersions(docs, {
      overrides: [{ kind: "separate", a: { version: 2, eId: "art_4a" }, b: { version: 3, eId: "art_5" } }],
    });
    const council = after.rows.find((r) => r.cells[2]?.label === "Article 4a")!;
    expect(council.cells[3]).toBeNull();
    expect(after.rows.find((r) => r.cells[3]?.label === "Article 5")!.cells[2]).toBeNull();
  });

  it("separates a provision from the one it was said to be split from, and its words are then new", () => {
    const after = compareVersions(docs, {
      overrides: [{ kind: "separate", a: { version: 0, eId: "rec_5" }, b: { version: 1, eId: "rec_5a" } }],
    });
    const row = after.rows.find((r) => r.cells[1]?.label === "Recital 5a")!;
    expect([row.statuses[1], row.notes[1]]).toEqual(["inserted", null]);
    expect(row.cells[1]!.diff).toEqual([["+", row.cells[1]!.text]]);
    expect(after.corrections).toEqual(["Version 1's Recital 5 kept apart from Version 2's Recital 5a"]);
  });
});

describe("a comparison that cannot be made", () => {
  const doc = fixtureDoc(DUAL_USE_STAGES[0][1]);

  it("needs two versions, at most six, and a reference among them", () => {
    expect(() => compareVersions([doc])).toThrow(/needs at least 2 versions; 1 given/);
    expect(() => compareVersions(Array.from({ length: 7 }, () => doc))).toThrow(/at most 6 versions; 7 given/);
    expect(() => compareVersions([doc, doc], { ref: 2 })).toThrow(/reference column must be 0 to 1 \(counting from 0\); 2 given/);
  });

  it("refuses a version with no provisions, naming it", () => {
    const empty = act({ preface: [p("An empty text")] });
    expect(() => compareVersions([doc, empty], { names: ["Commission", "Blank"] })).toThrow(
      'the version "Blank" has no provisions to compare',
    );
  });

  it("refuses a version whose provisions have no words, only numbers, naming it", () => {
    const numbered = (n: number) => provision("article", { num: `Article ${n}`, eId: `art_${n}` }, [p()]);
    const numbersOnly = act({ body: [numbered(1), numbered(2)] });
    expect(() => compareVersions([doc, numbersOnly], { names: ["Commission", "Outline"] })).toThrow(
      'the version "Outline" has no words to compare: its 2 provisions have a number at most',
    );
  });
});

describe("the change map under a filter", () => {
  it("lands on the shown row nearest to where it was clicked, not on the row at that place in the shown list", () => {
    const shown = filterRows(comparison, { types: ["recital"] });
    const article14 = comparison.rows.findIndex((r) => r.label === "Article 14(1)(b)");
    // Every recital comes before the articles: the nearest shown row is the last recital.
    expect(shown[nearestShown(comparison.rows, shown, article14)]!.label).toBe(shown[shown.length - 1]!.label);
    const recital6 = comparison.rows.findIndex((r) => r.label === "Recital 6");
    expect(shown[nearestShown(comparison.rows, shown, recital6)]).toBe(comparison.rows[recital6]);
    // Under a row's own place: the nearest shown before or after it.
    const changed = filterRows(comparison, { changedOnly: true });
    const same = comparison.rows.findIndex((r) => r.status === "same" && r.depth > 0);
    const landed = comparison.rows.indexOf(changed[nearestShown(comparison.rows, changed, same)]!);
    const nearest = Math.min(...changed.map((r) => Math.abs(comparison.rows.indexOf(r) - same)));
    expect(Math.abs(landed - same)).toBe(nearest);
    expect(nearestShown(comparison.rows, [], 3)).toBe(-1);
  });
});

describe("the statistics of the dual-use dossier", () => {
  it("count a provision only renumbered apart from one whose words changed", () => {
    const act = comparison.statistics[3]!;
    const renumbered = comparison.rows.filter(
      (r) => r.type !== "preface" && r.type !== "conclusions" && r.cells[3]?.status === "renumbered",
    );
    // The act's recital 4 is the proposal's recital 3, word for word.
    expect(renumbered.map((r) => r.cells[3]!.label)).toContain("Recital 4");
    expect(renumbered.every((r) => r.cells[3]!.diff.every(([op]) => op === "="))).toBe(true);
    expect(act.renumbered).toBe(renumbered.length);
    expect(act.changed).toBe(
      comparison.rows.filter((r) => r.type !== "preface" && r.type !== "conclusions" && r.cells[3]?.status === "changed").length,
    );
    // A provision merged into a neighbour, and the part split from one, counted as such.
    expect(act.merged).toBe(comparison.rows.filter((r) => r.cells[3] === null && r.statuses[3] === "merged").length);
    expect(act.split).toBe(comparison.rows.filter((r) => r.cells[3]?.status === "split").length);
    // The reference is counted against nothing.
    const proposal = comparison.statistics[0]!;
    expect(STATISTICS.map((name) => proposal[name])).toEqual(STATISTICS.map(() => 0));
    expect(proposal.provisions).toBe(
      comparison.rows.filter((r) => r.type !== "preface" && r.type !== "conclusions" && r.cells[0] !== null).length,
    );
  });
});
