/*
 * Comparisons of real versions of real acts. The expected rows were written from reading the
 * texts: Directive 2009/136/EC's amendments to the ePrivacy Directive, and the GDPR corrigendum
 * of 23 May 2018 (OJ L 127, p. 2) as taken into the consolidated text.
 */
import { describe, expect, it } from "vitest";
import { compareVersions, type Comparison } from "../../shared/compare/comparison";
import { fixtureDoc } from "../support/fixtures";

const compare = (a: string, b: string): Comparison => compareVersions([fixtureDoc(`eurlex/${a}`), fixtureDoc(`eurlex/${b}`)]);
const changes = (c: Comparison) =>
  c.rows.filter((r) => r.status !== "same").map((r) => [r.cells[0]?.label ?? null, r.cells[1]?.label ?? null, r.status]);
const diffOf = (c: Comparison, label: string) => c.rows.find((r) => r.cells[0]?.label === label)!.cells[1]!.diff;

describe("the ePrivacy Directive as amended up to 2006, against 2009", () => {
  const comparison = compare("eprivacy-2002-58-cons-2006.fmx.xml", "eprivacy-2002-58-cons-2009.fmx.xml");

  it("puts each of the 21 articles of 2006 in a row with its 2009 article", () => {
    const articles = comparison.rows.filter((r) => r.type === "article" && r.cells[0] !== null);
    expect(articles).toHaveLength(21);
    expect(articles.every((r) => r.cells[1]?.label === r.cells[0]!.label)).toBe(true);
  });

  it("reports the changes of Directive 2009/136/EC and nothing else", () => {
    expect(changes(comparison)).toEqual([
      ["Article 1(1)", "Article 1(1)", "changed"],
      ["Article 2(c)", "Article 2(c)", "changed"],
      ["Article 2(e)", null, "deleted"],
      ["Article 2(h)", "Article 2(h)", "changed"],
      [null, "Article 2(i)", "inserted"],
      ["Article 3(1)", "Article 3", "changed"],
      ["Article 3(2)", null, "deleted"],
      ["Article 3(3)", null, "deleted"],
      ["Article 4", "Article 4", "changed"],
      [null, "Article 4(1a)", "inserted"],
      [null, "Article 4(1a), first indent", "inserted"],
      [null, "Article 4(1a), second indent", "inserted"],
      [null, "Article 4(1a), third indent", "inserted"],
      [null, "Article 4(1a), concluding words", "inserted"],
      [null, "Article 4(3)", "inserted"],
      [null, "Article 4(4)", "inserted"],
      [null, "Article 4(5)", "inserted"],
      ["Article 5(3)", "Article 5(3)", "changed"],
      ["Article 6(3)", "Article 6(3)", "changed"],
      ["Article 13(1)", "Article 13(1)", "changed"],
      ["Article 13(2)", "Article 13(2)", "changed"],
      ["Article 13(3)", "Article 13(3)", "changed"],
      ["Article 13(4)", "Article 13(4)", "changed"],
      [null, "Article 13(6)", "inserted"],
      [null, "Article 14a", "inserted"],
      [null, "Article 14a(1)", "inserted"],
      [null, "Article 14a(2)", "inserted"],
      [null, "Article 14a(3)", "inserted"],
      [null, "Article 15(1b)", "inserted"],
      [null, "Article 15a", "inserted"],
      [null, "Article 15a(1)", "inserted"],
      [null, "Article 15a(2)", "inserted"],
      [null, "Article 15a(3)", "inserted"],
      [null, "Article 15a(4)", "inserted"],
    ]);
  });

  it("is as sure of an inserted article's paragraphs as of the article, and of a paragraph inserted among others", () => {
    const confidences = (prefix: string) =>
      comparison.rows.filter((r) => r.cells[1]?.label.startsWith(prefix)).map((r) => [r.cells[1]!.label, r.cells[1]!.confidence]);
    expect(confidences("Article 14a")).toEqual([
      ["Article 14a", 1],
      ["Article 14a(1)", 1],
      ["Article 14a(2)", 1],
      ["Article 14a(3)", 1],
    ]);
    expect(confidences("Article 15(1b)")).toEqual([["Article 15(1b)", 1]]);
  });

  it("marks exactly the words that changed in a reworded paragraph", () => {
    expect(diffOf(comparison, "Article 6(3)").filter(([op]) => op !== "=")).toEqual([
      ["-", "/"],
      ["+", " or "],
      ["+", "prior "],
    ]);
    expect(diffOf(comparison, "Article 13(2)").filter(([op]) => op !== "=")).toEqual([
      ["-", "when they are collected "],
      ["+", "at the time of their collection "],
    ]);
    expect(diffOf(comparison, "Article 2(c)").filter(([op]) => op !== "=")).toEqual([["+", " or by an electronic communications service"]]);
  });

  it("adds the commas of Article 5(3) as commas, the spaces after them kept, with no space struck or added alone, and no two words run together", () => {
    // 2006: "…to store information or to gain access to information stored in the terminal equipment…"
    // 2009: "…of information, or the gaining of access to information already stored, in the terminal equipment…"
    const diff = diffOf(comparison, "Article 5(3)");
    expect(diff.filter(([op, text]) => op !== "=" && text.trim() === "")).toEqual([]);
    const comma = diff.findIndex(([op, text], k) => op === "+" && text === "," && diff[k - 1]![1].endsWith("information"));
    expect(diff[comma + 1]).toEqual(["=", " or "]);
    expect(diff.filter(([op, text]) => op === "+" && text === ",")).toHaveLength(4);
    // A word replaced by another keeps its space on both sides, so that the two never run together.
    expect(diff).toContainEqual(["-", "use "]);
    expect(diff).toContainEqual(["+", "storing "]);
  });

  it("shows the words after Article 4(1a)'s indents after them, not before", () => {
    const rows = comparison.rows.filter((r) => r.cells[1]?.label.startsWith("Article 4(1a)"));
    expect(rows.map((r) => r.cells[1]!.label)).toEqual([
      "Article 4(1a)",
      "Article 4(1a), first indent",
      "Article 4(1a), second indent",
      "Article 4(1a), third indent",
      "Article 4(1a), concluding words",
    ]);
    expect(rows[0]!.cells[1]!.text).toMatch(/shall at least:$/);
    expect(rows[4]!.cells[1]!.text).toMatch(/^Relevant national authorities shall be able to audit/);
    expect(rows[4]!.cells[1]!.eId).toBe("art_4__para_1a__wrapup");
  });

  it("counts each provision once, though Article 3's words stand in the row of the paragraph they came from", () => {
    const reversed = compare("eprivacy-2002-58-cons-2009.fmx.xml", "eprivacy-2002-58-cons-2006.fmx.xml");
    // The title row is shown, not counted: it is no provision.
    const eIds = new Set(reversed.rows.flatMap((r) => (r.cells[0] && r.type !== "preface" ? [r.cells[0].eId] : [])));
    expect(reversed.statistics[0]!.provisions).toBe(eIds.size);
  });

  it("diffs Article 3, whose only remaining paragraph lost its number, against its old paragraph 1", () => {
    expect(diffOf(comparison, "Article 3(1)").filter(([op]) => op !== "=")).toEqual([
      ["+", ", including public communications networks supporting data collection and identification devices"],
    ]);
    const article = comparison.rows.find((r) => r.label === "Article 3")!;
    expect([article.status, article.cells[1]!.text, article.cells[1]!.heading]).toEqual(["same", "", "Services concerned"]);
  });

  it("shows the new heading of Article 4 word by word", () => {
    const row = comparison.rows.find((r) => r.cells[0]?.label === "Article 4")!;
    expect(row.cells[1]!.headingDiff?.filter(([op]) => op !== "=")).toEqual([["+", " of processing"]]);
  });
});

describe("the GDPR in the Official Journal, against the consolidated text with its corrigendum", () => {
  const comparison = compare("gdpr-2016-679.fmx.xml", "gdpr-2016-679-cons-2016.fmx.xml");
  // Provisions: the title and the concluding formulas frame them, and are shown apart below.
  const changed = changes(comparison).filter(([label, , status]) => status === "changed" && label !== "Concluding formulas");

  it("finds the corrigendum's changes in Articles 37, 41, 42, 43, 57, 64, 65, 69 and 70 and nowhere else", () => {
    expect(changed.map(([label]) => label)).toEqual([
      "Article 37(1)(c)",
      "Article 41(3)",
      "Article 41(5)",
      "Article 42(7)",
      "Article 43(3)",
      "Article 43(6)",
      "Article 57(1)(p)",
      "Article 64(1)(c)",
      "Article 64(6)",
      "Article 64(7)",
      "Article 64(8)",
      "Article 65(1)(a)",
      "Article 69(2)",
      "Article 70(1)(l)",
      "Article 70(1)(o)",
      "Article 70(1)(p)",
    ]);
    expect(diffOf(comparison, "Article 37(1)(c)").filter(([op]) => op !== "=")).toEqual([
      ["-", "and "],
      ["+", "or "],
    ]);
  });

  it("shows a corrigendum that added a clause as the shortest change, the certification body kept whole", () => {
    // The corrigendum inserts "of a certification body ..." before the old last clause and a
    // new clause after it; an anchor on "or" or "certification" alone would cut it in pieces.
    expect(diffOf(comparison, "Article 64(1)(c)").filter(([op]) => op !== "=")).toEqual([
      ["-", "criteria "],
      ["+", "requirements "],
      ["-", " or "],
      ["+", ", of "],
      ["+", " or the criteria for certification referred to in Article 42(5)"],
    ]);
  });

  it("shows the date and signatures, which consolidated texts do not carry, removed from the concluding formulas, a row not counted", () => {
    const formulas = comparison.rows.find((r) => r.type === "conclusions")!;
    expect([formulas.label, formulas.status]).toEqual(["Concluding formulas", "changed"]);
    expect(formulas.cells[1]!.diff).toEqual([
      ["=", "This Regulation shall be binding in its entirety and directly applicable in all Member States."],
      [
        "-",
        "\nDone at Brussels, 27 April 2016.\nFor the European Parliament\nThe President\nM. SCHULZ\nFor the Council\nThe President\nJ.A. HENNIS-PLASSCHAERT",
      ],
    ]);
    expect(comparison.statistics[1]!.changed).toBe(changed.length);
  });

  it("reports the recitals, which consolidated texts do not carry, as present on one side only", () => {
    const recitals = comparison.rows.filter((r) => r.type === "recital");
    expect(recitals).toHaveLength(173);
    expect(comparison.warnings).toEqual([
      "Version 2 has no citations at all, as a consolidated text or a text without its preamble: the 6 citations of Version 1 count as deleted",
      "Version 2 has no recitals at all, as a consolidated text or a text without its preamble: the 173 recitals of Version 1 count as deleted",
    ]);
    expect(recitals.every((r) => r.status === "deleted" && r.cells[1] === null)).toBe(true);
    expect(changes(comparison).filter(([, , status]) => status !== "changed" && status !== "deleted")).toEqual([]);
  });
});

describe("the GDPR read from Formex and from XHTML", () => {
  it("shows no differences at all", () => {
    const comparison = compare("gdpr-2016-679.fmx.xml", "gdpr-2016-679.xhtml");
    expect(changes(comparison)).toEqual([]);
    // Every row but the title's and the concluding formulas', which are shown and not counted.
    expect(comparison.rows[0]!.type).toBe("preface");
    expect(comparison.rows.filter((r) => r.type === "conclusions").map((r) => r.cells[0]!.text)).toEqual([
      "This Regulation shall be binding in its entirety and directly applicable in all Member States.\nDone at Brussels, 27 April 2016.\nFor the European Parliament\nThe President\nM. SCHULZ\nFor the Council\nThe President\nJ.A. HENNIS-PLASSCHAERT",
    ]);
    expect(comparison.statistics[1]).toEqual({
      unchanged: comparison.rows.length - 2,
      renumbered: 0,
      changed: 0,
      inserted: 0,
      deleted: 0,
      moved: 0,
      split: 0,
      merged: 0,
      provisions: comparison.rows.length - 2,
    });
  });
});

describe("versions of different acts", () => {
  it("still align, with the low confidence said plainly", () => {
    const comparison = compare("dga-2022-868.fmx.xml", "eprivacy-2002-58-cons-2006.fmx.xml");
    expect(comparison.warnings).toHaveLength(1);
    expect(comparison.warnings[0]).toMatch(/have only \d+ % of their provisions in common: they may not be versions of one act/);
  });
});
