/*
 * The EUR-Lex XHTML reader, specified on real renderings from EUR-Lex (fixtures/eurlex): the GDPR
 * as published in the Official Journal and as consolidated, and the DSA. The same act read from
 * XHTML and from Formex must give the same provisions, and no word of the act may be lost.
 */
import { readFileSync } from "node:fs";
import type { Node } from "prosemirror-model";
import { describe, expect, it } from "vitest";
import { FormatError } from "../../shared/formats/errors";
import { readDocument } from "../../shared/formats/read";
import type { ReadResult } from "../../shared/formats/reader";
import { readXhtml } from "../../shared/formats/xhtml/index";
import { child, elements, parseXml, type XmlElement, type XmlNode } from "../../shared/formats/xml";
import { parseHtml } from "../../shared/formats/html-tree";
import { outline, type OutlineNode } from "../../shared/model/outline";
import { isProvisionType } from "../../shared/model/schema";
import { provisionsOf } from "../../shared/model/walk";
import { firstWords, label, provision, provisions, visit } from "../support/provisions";

const FIXTURES = new URL("../../fixtures/eurlex/", import.meta.url);
const fixture = (name: string): string => readFileSync(new URL(name, FIXTURES), "utf8");

const GDPR = "gdpr-2016-679.xhtml";
const GDPR_CONSOLIDATED = "gdpr-2016-679-cons.xhtml";
const DSA = "dsa-2022-2065.xhtml";

const results = new Map<string, ReadResult>();
/** The fixture read once and shared by the tests that look at it. */
function reading(name: string): ReadResult {
  let result = results.get(name);
  if (!result) {
    result = readXhtml(fixture(name), name);
    results.set(name, result);
  }
  return result;
}

/** The document's part of the given kind (preface, preamble, conclusions, footnotes...). */
function part(doc: Node, name: string): Node {
  let found: Node | null = null;
  doc.forEach((child) => {
    if (child.type.name === name) found = child;
  });
  if (!found) throw new Error(`no ${name}`);
  return found;
}

function children(node: Node): Node[] {
  const out: Node[] = [];
  node.forEach((child) => out.push(child));
  return out;
}

/** Each run of text with the source its provenance mark gives, "-" for none. */
function provenanceRuns(node: Node): { source: string; text: string }[] {
  const runs: { source: string; text: string }[] = [];
  node.descendants((child) => {
    if (!child.isText) return true;
    const source = (child.marks.find((m) => m.type.name === "provenance")?.attrs.source as string | undefined) ?? "-";
    const last = runs[runs.length - 1];
    if (last && last.source === source) last.text += child.text;
    else runs.push({ source, text: child.text ?? "" });
    return true;
  });
  return runs;
}

// ---------------------------------------------------------------------------------------------
// Fidelity: the words of the document against the words the rendering shows.

/** Words and punctuation marks, each a token: spacing around a footnote marker does not count, a lost comma does. */
const TOKEN = /[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu;

function count(tokens: Map<string, number>, text: string): void {
  for (const [token] of text.matchAll(TOKEN)) tokens.set(token, (tokens.get(token) ?? 0) + 1);
}

const BLOCK_ELEMENTS = new Set(["p", "div", "table", "tbody", "tr", "td", "th", "hr", "br", "li"]);
/** Stands for a footnote marker (the link printing "(1)"): a reference, not words. */
const NOTE_MARKER = "\u0001";

/**
 * The words a reader of the rendering sees, without what is not the act's: everything before the
 * act's <div class="eli-container"> (the OJ page header; a consolidated text's reference line,
 * disclaimer and list of amending acts), scripts, the consolidation markers ▼B ►C1 ◄, and the
 * footnote markers with the parentheses printed around them.
 */
function sourceWords(xhtml: string): Map<string, number> {
  const body = parseXml(xhtml).children.find((c): c is XmlElement => c.kind === "element" && c.name === "body")!;
  const start = body.children.findIndex((c) => c.kind === "element" && (c.attrs.class ?? "").split(" ").includes("eli-container"));
  let text = "";
  const walk = (node: XmlNode): void => {
    if (node.kind === "text") {
      text += node.text;
      return;
    }
    if (node.name === "script") return;
    // In these renderings every link within the document joins a footnote and its reference.
    if (node.name === "a" && node.attrs.href?.startsWith("#")) {
      text += NOTE_MARKER;
      return;
    }
    const block = BLOCK_ELEMENTS.has(node.name);
    if (block) text += " ";
    node.children.forEach(walk);
    if (block) text += " ";
  };
  body.children.slice(start).forEach(walk);
  const words = text
    .replace(new RegExp(`\\(\\s*${NOTE_MARKER}\\s*\\)|${NOTE_MARKER}`, "g"), " ")
    .replace(/[▼►][\s\u00a0]*[A-Z]+\d*|◄/gu, " ");
  const tokens = new Map<string, number>();
  count(tokens, words);
  return tokens;
}

/** The words of the document: every paragraph of every part, and the numbers and headings of provisions. */
function documentWords(doc: Node): Map<string, number> {
  const tokens = new Map<string, number>();
  doc.descendants((node) => {
    if (isProvisionType(node.type.name)) {
      count(tokens, (node.attrs.num as string | null) ?? "");
      count(tokens, (node.attrs.heading as string | null) ?? "");
    }
    if (node.isTextblock) {
      count(tokens, node.textContent);
      return false;
    }
    return true;
  });
  return tokens;
}

/** Tokens one side has more often than the other, with how many more. */
function surplus(a: Map<string, number>, b: Map<string, number>): string[] {
  const out: string[] = [];
  for (const [token, n] of a) if (n > (b.get(token) ?? 0)) out.push(`${token} ×${n - (b.get(token) ?? 0)}`);
  return out;
}

function expectSameWords(name: string): void {
  const source = sourceWords(fixture(name));
  const read = documentWords(reading(name).doc);
  expect(surplus(source, read), "words of the source missing from the document").toEqual([]);
  expect(surplus(read, source), "words in the document more often than in the source").toEqual([]);
}

/** Provisions as comparable data: kind, eId, number, heading and own words, without guids. */
function shape(doc: Node): OutlineNode[] {
  return outline(doc).provisions;
}

// ---------------------------------------------------------------------------------------------

describe("the GDPR as published in the Official Journal", () => {
  const doc = () => reading(GDPR).doc;

  it("has 6 citations, 173 recitals and 99 articles in 11 chapters, with no warning", () => {
    expect(provisions(doc(), "citation")).toHaveLength(6);
    expect(provisions(doc(), "recital")).toHaveLength(173);
    expect(provisions(doc(), "article")).toHaveLength(99);
    expect(provisions(doc(), "chapter")).toHaveLength(11);
    expect(reading(GDPR).warnings).toEqual([]);
  });

  it("knows the act: Regulation 2016/679 of 27 April 2016, in English", () => {
    expect(doc().attrs).toMatchObject({ work: "/akn/eu/act/regulation/2016/679", date: "2016-04-27", language: "en" });
  });

  it("has the title's four lines, as printed, as its preface", () => {
    expect(children(part(doc(), "preface")).map((p) => p.textContent)).toEqual([
      "REGULATION (EU) 2016/679 OF THE EUROPEAN PARLIAMENT AND OF THE COUNCIL",
      "of 27 April 2016",
      "on the protection of natural persons with regard to the processing of personal data and on the free movement of such data, and repealing Directive 95/46/EC (General Data Protection Regulation)",
      "(Text with EEA relevance)",
    ]);
  });

  it("names the preamble's formulas by where they stand: opening, before the recitals, enacting", () => {
    const formulas = children(part(doc(), "preamble")).filter((n) => n.type.name === "formula");
    expect(formulas.map((f) => [f.attrs.name, f.textContent])).toEqual([
      ["preambleInit", "THE EUROPEAN PARLIAMENT AND THE COUNCIL OF THE EUROPEAN UNION,"],
      ["recitalsIntro", "Whereas:"],
      ["enactingFormula", "HAVE ADOPTED THIS REGULATION:"],
    ]);
  });

  it("reads recitals with their printed number; recital 19 keeps its two paragraphs", () => {
    const recital = provision(doc(), "rec_1");
    expect(recital.attrs.num).toBe("(1)");
    expect(recital.textContent).toContain("(the ‘Charter’)");
    expect(provision(doc(), "rec_19").childCount).toBe(2);
  });

  it("reads chapters and sections from their title lines: Chapter III, Section 1", () => {
    const chapter = provision(doc(), "chp_III");
    expect(chapter.type.name).toBe("chapter");
    expect(chapter.attrs).toMatchObject({ num: "CHAPTER III", heading: "Rights of the data subject" });
    expect(provision(doc(), "chp_III__sec_1").attrs).toMatchObject({ num: "Section 1", heading: "Transparency and modalities" });
    expect(visit(doc(), "art_12").ancestors.map((a) => a.attrs.eId)).toEqual(["chp_III", "chp_III__sec_1"]);
  });

  it("reads Article 6(1)(f), the legitimate interests, as a point of the first of two subparagraphs", () => {
    const point = provision(doc(), "art_6__para_1__subpara_1__point_f");
    expect(point.attrs.num).toBe("(f)");
    expect(firstWords(point)).toMatch(/^processing is necessary for the purposes of the legitimate interests/);
    expect(label(doc(), "art_6__para_1__subpara_1__point_f")).toBe("Article 6(1)(f)");
    expect(firstWords(provision(doc(), "art_6__para_1__subpara_2"))).toBe(
      "Point (f) of the first subparagraph shall not apply to processing carried out by public authorities in the performance of their tasks.",
    );
  });

  it("takes a paragraph's number off its words: Article 5(2), 'accountability'", () => {
    const paragraph = provision(doc(), "art_5__para_2");
    expect(paragraph.attrs.num).toBe("2.");
    expect(firstWords(paragraph)).toBe(
      "The controller shall be responsible for, and be able to demonstrate compliance with, paragraph 1 (‘accountability’).",
    );
  });

  it("reads Article 4's 26 definitions as points of the article, 'main establishment' with points of its own", () => {
    const article = provision(doc(), "art_4");
    expect(firstWords(article)).toBe("For the purposes of this Regulation:");
    const definitions = children(article).filter((n) => n.type.name === "point");
    expect(definitions.map((n) => n.attrs.num)).toEqual(Array.from({ length: 26 }, (_, i) => `(${i + 1})`));
    expect(firstWords(provision(doc(), "art_4__point_1"))).toMatch(/^‘personal data’ means any information/);
    expect(firstWords(provision(doc(), "art_4__point_16"))).toBe("‘main establishment’ means:");
    expect(firstWords(provision(doc(), "art_4__point_16__point_b"))).toMatch(/^as regards a processor with establishments/);
  });

  it("reads the dashes of Article 53(1) as indents", () => {
    const indents = children(provision(doc(), "art_53__para_1")).filter((n) => n.type.name === "indent");
    expect(indents.map((n) => [n.attrs.num, n.textContent])).toEqual([
      ["—", "their parliament;"],
      ["—", "their government;"],
      ["—", "their head of State; or"],
      ["—", "an independent body entrusted with the appointment under Member State law."],
    ]);
  });

  it("makes the note of the fourth citation a footnote, referred to where its superscript stood", () => {
    const citation = provision(doc(), "cit_4");
    expect(citation.textContent).toBe("Having regard to the opinion of the European Economic and Social Committee,");
    const reference = citation.firstChild!.child(1);
    expect(reference.type.name).toBe("footnote_ref");
    expect(reference.attrs).toEqual({ id: "E0001", marker: "1" });
    const notes = children(part(doc(), "footnotes"));
    expect(notes).toHaveLength(21);
    expect(notes[0]!.attrs).toEqual({ id: "E0001", marker: "1" });
    expect(notes[0]!.textContent).toBe("OJ C 229, 31.7.2012, p. 90.");
  });

  it("keeps italics as emphasis: ‘vis-à-vis’ in recital 173", () => {
    const italic = [] as string[];
    provision(doc(), "rec_173").descendants((n) => {
      if (n.isText && n.marks.some((m) => m.type.name === "emphasis" && m.attrs.kind === "italic")) italic.push(n.text!.trim());
      return true;
    });
    expect(italic).toEqual(["vis-à-vis"]);
  });

  it("closes with the final formula, the place and date, and a signature for each institution", () => {
    const conclusions = children(part(doc(), "conclusions"));
    expect(conclusions.map((n) => n.type.name)).toEqual(["p", "p", "signature", "signature"]);
    expect(conclusions[1]!.textContent).toBe("Done at Brussels, 27 April 2016.");
    expect(children(conclusions[2]!).map((p) => p.textContent)).toEqual(["For the European Parliament", "The President", "M. SCHULZ"]);
  });

  it("keeps every word of the act exactly once", () => {
    expectSameWords(GDPR);
  });

  it("gives the same provisions as the Formex reader reading the same act", () => {
    const formex = readDocument({ bytes: new Uint8Array(readFileSync(new URL("gdpr-2016-679.fmx.xml", FIXTURES))) }).doc;
    expect(shape(doc())).toEqual(shape(formex));
  });
});

describe("the Digital Services Act as published in the Official Journal", () => {
  const doc = () => reading(DSA).doc;

  it("has 156 recitals and 93 articles, with no warning", () => {
    expect(provisions(doc(), "recital")).toHaveLength(156);
    expect(provisions(doc(), "article")).toHaveLength(93);
    expect(doc().attrs).toMatchObject({ work: "/akn/eu/act/regulation/2022/2065", date: "2022-10-19", language: "en" });
    expect(reading(DSA).warnings).toEqual([]);
  });

  it("gives points to the subparagraph that introduces them: Article 34(1), second subparagraph", () => {
    expect(provision(doc(), "art_34__para_1__subpara_1").childCount).toBe(1);
    expect(firstWords(provision(doc(), "art_34__para_1__subpara_2__point_a"))).toBe(
      "the dissemination of illegal content through their services;",
    );
    expect(label(doc(), "art_34__para_1__subpara_2__point_a")).toBe("Article 34(1)(a)");
  });

  it("names the subparagraph in a point's label when two subparagraphs each have a point (a): Article 21(3)", () => {
    expect(label(doc(), "art_21__para_3__subpara_1__point_a")).toBe("Article 21(3), first subparagraph, point (a)");
    expect(label(doc(), "art_21__para_3__subpara_2__point_a")).toBe("Article 21(3), second subparagraph, point (a)");
  });

  it("reads the point Article 90 adds to another act as words of the amending article, not as its point", () => {
    const article = provision(doc(), "art_90");
    expect(children(article).map((n) => n.type.name)).toEqual(["p", "p"]);
    expect(article.lastChild!.textContent).toMatch(/^‘\(68\) Regulation \(EU\) 2022\/2065 .*\)\.’\.$/);
  });

  it("keeps every word of the act exactly once", () => {
    expectSameWords(DSA);
  });

  it("reads its 800 KB in well under a second", () => {
    const text = fixture(DSA);
    const started = performance.now();
    readXhtml(text, DSA);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe("the GDPR consolidated text", () => {
  const doc = () => reading(GDPR_CONSOLIDATED).doc;

  it("has 99 articles in 11 chapters and no recitals, as consolidated texts have none", () => {
    expect(provisions(doc(), "article")).toHaveLength(99);
    expect(provisions(doc(), "chapter")).toHaveLength(11);
    expect(provisions(doc(), "recital")).toHaveLength(0);
    expect(reading(GDPR_CONSOLIDATED).warnings).toEqual([]);
  });

  it("dates the text by its consolidation, 4 May 2016, from the reference line", () => {
    expect(doc().attrs).toMatchObject({ work: "/akn/eu/act/regulation/2016/679", date: "2016-05-04", language: "en" });
  });

  it("leaves out the front matter: reference line, disclaimer, the box listing the corrigendum", () => {
    const text = doc().textContent;
    expect(text).not.toContain("02016R0679");
    expect(text).not.toContain("documentation tool");
    expect(text).not.toContain("Corrigendum, OJ L 127");
    expect(children(part(doc(), "preface")).map((p) => p.textContent)).toHaveLength(4);
  });

  it("reads the subparagraph printed after paragraph 1's box into that paragraph (Article 6(1))", () => {
    expect(firstWords(provision(doc(), "art_6__para_1__subpara_2"))).toMatch(/^Point \(f\) of the first subparagraph/);
    expect(provision(doc(), "art_6__para_1__subpara_1__point_f").attrs.num).toBe("(f)");
  });

  it("marks the corrigendum's passages C1 and the rest B, without the markers as words: Article 43(3)", () => {
    expect(provenanceRuns(provision(doc(), "art_43__para_3"))).toEqual([
      {
        source: "C1",
        text: "The accreditation of certification bodies as referred to in paragraphs 1 and 2 of this Article shall take place on the basis of requirements approved by the supervisory authority which is competent pursuant to Article 55 or 56 or by the Board pursuant to Article 63.",
      },
      {
        source: "B",
        text: " In the case of accreditation pursuant to point (b) of paragraph 1 of this Article, those requirements shall complement those envisaged in Regulation (EC) No 765/2008 and the technical rules that describe the methods and procedures of the certification bodies.",
      },
    ]);
  });

  it("marks a whole point C1 between ▼C1 and ▼B: Article 37(1)(c)", () => {
    expect(provenanceRuns(provision(doc(), "art_37__para_1__point_b")).map((r) => r.source)).toEqual(["B"]);
    expect(provenanceRuns(provision(doc(), "art_37__para_1__point_c")).map((r) => r.source)).toEqual(["C1"]);
    expect(provenanceRuns(provision(doc(), "art_37__para_2")).map((r) => r.source)).toEqual(["B"]);
  });

  it("refers to its footnotes where the bracketed superscripts stood: Article 4(25)", () => {
    const point = provision(doc(), "art_4__point_25");
    expect(point.textContent).toMatch(/of the European Parliament and of the Council;$/);
    expect(point.firstChild!.content.content.find((n) => n.type.name === "footnote_ref")?.attrs).toEqual({ id: "E0001", marker: "1" });
    expect(children(part(doc(), "footnotes")).map((n) => n.attrs.marker)).toEqual(["1", "2", "3"]);
  });

  it("keeps every word of the act exactly once", () => {
    expectSameWords(GDPR_CONSOLIDATED);
  });

  it("gives the same provisions, with the same provenance, as the Formex reader", () => {
    const formex = readDocument({ bytes: new Uint8Array(readFileSync(new URL("gdpr-2016-679-cons-2016.fmx.xml", FIXTURES))) }).doc;
    expect(shape(doc())).toEqual(shape(formex));
    expect(provenanceRuns(part(doc(), "body"))).toEqual(provenanceRuns(part(formex, "body")));
  });
});

describe("structure from markup, in any language", () => {
  /** The GDPR rendering with its headings and formulas put into German, as the German OJ prints them. */
  function germanGdpr(): string {
    return fixture(GDPR)
      .replace('class="oj-hd-lg">EN<', 'class="oj-hd-lg">DE<')
      .replace(/>Article (\d+)</g, ">Artikel $1<")
      .replace(/CHAPTER ([IVX]+)/g, "KAPITEL $1")
      .replace(/>Section (\d)</g, ">Abschnitt $1<")
      .replace(
        "REGULATION (EU) 2016/679 OF THE EUROPEAN PARLIAMENT AND OF THE COUNCIL",
        "VERORDNUNG (EU) 2016/679 DES EUROPÄISCHEN PARLAMENTS UND DES RATES",
      )
      .replace("of 27 April 2016\n", "vom 27. April 2016\n")
      .replace(
        "THE EUROPEAN PARLIAMENT AND THE COUNCIL OF THE EUROPEAN UNION,",
        "DAS EUROPÄISCHE PARLAMENT UND DER RAT DER EUROPÄISCHEN UNION —",
      )
      .replace("Whereas:", "in Erwägung nachstehender Gründe:")
      .replace("HAVE ADOPTED THIS REGULATION:", "HABEN FOLGENDE VERORDNUNG ERLASSEN:");
  }

  it("reads a German rendering into the same provisions, the same eIds and the same identity", () => {
    const german = readXhtml(germanGdpr(), "gdpr-de.xhtml").doc;
    const english = reading(GDPR).doc;
    expect(provisionsOf(german).map((v) => v.node.attrs.eId)).toEqual(provisionsOf(english).map((v) => v.node.attrs.eId));
    expect(german.attrs).toMatchObject({ work: "/akn/eu/act/regulation/2016/679", date: "2016-04-27", language: "de" });
    expect(provision(german, "chp_III__sec_1").attrs.num).toBe("Abschnitt 1");
    const formulas = children(part(german, "preamble")).filter((n) => n.type.name === "formula");
    expect(formulas.map((f) => f.attrs.name)).toEqual(["preambleInit", "recitalsIntro", "enactingFormula"]);
  });
});

describe("what the reader does not know", () => {
  it("keeps the words of an element with an unknown class, and warns naming the class and the line", () => {
    const source = fixture(GDPR).replace(
      '<p class="oj-normal">The Commission shall, if appropriate, submit legislative proposals',
      '<p class="oj-mystery">The Commission shall, if appropriate, submit legislative proposals',
    );
    const { doc, warnings } = readXhtml(source, GDPR);
    expect(firstWords(provision(doc, "art_98"))).toMatch(/^The Commission shall, if appropriate, submit legislative proposals/);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.message).toMatch(/<p class="oj-mystery">/);
    expect(warnings[0]!.location).toMatchObject({ file: GDPR, line: expect.any(Number) });
  });

  it("keeps words found outside every known part, in the part being read, with a warning", () => {
    const source = fixture(GDPR).replace(
      '<div class="eli-subdivision" id="fnp_1">',
      '<p class="oj-normal">Stray words between parts.</p><div class="eli-subdivision" id="fnp_1">',
    );
    const { doc, warnings } = readXhtml(source, GDPR);
    expect(children(part(doc, "conclusions"))[0]!.textContent).toBe("Stray words between parts.");
    expect(warnings.map((w) => w.message)).toEqual([expect.stringMatching(/^<p class="oj-normal"> belongs to no part of the act/)]);
  });
});

describe("annexes", () => {
  /** A small act laid out as CONVEX lays out an OJ act with an annex (no fixture has one). */
  const ACT_WITH_ANNEX = `<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" lang="en"><body>
<div class="eli-container">
  <div class="eli-main-title" id="tit_1"><p class="oj-doc-ti">COMMISSION REGULATION (EU) 2099/1</p></div>
  <div class="eli-subdivision" id="enc_1">
    <div class="eli-subdivision" id="art_1"><p class="oj-ti-art">Article 1</p><p class="oj-normal">Annex I applies.</p></div>
  </div>
</div>
<div class="eli-container" id="anx_I">
  <p class="oj-doc-ti">ANNEX I</p>
  <p class="oj-doc-ti">LIST OF REQUIREMENTS</p>
  <p class="oj-ti-grseq-1">1.   General requirements</p>
  <p class="oj-normal">Products shall be:</p>
  <table width="100%" border="0" cellspacing="0" cellpadding="0"><col width="4%"/><col width="96%"/><tbody><tr>
    <td valign="top"><p class="oj-normal">(a)</p></td><td valign="top"><p class="oj-normal">safe;</p></td>
  </tr></tbody></table>
  <p class="oj-ti-grseq-1">2.   Limits</p>
  <table width="100%" border="0" cellspacing="0" cellpadding="0" class="oj-table"><tbody>
    <tr class="oj-table"><td class="oj-table"><p class="oj-tbl-hdr">Substance</p></td><td class="oj-table"><p class="oj-tbl-hdr">Limit</p></td></tr>
    <tr class="oj-table"><td class="oj-table"><p class="oj-tbl-txt">Lead</p></td><td class="oj-table"><p class="oj-tbl-txt">0,1 %</p></td></tr>
  </tbody></table>
</div>
</body></html>`;

  it("reads the annex's number and heading, its sequences as groups, its points and its tables", () => {
    const { doc, warnings } = readXhtml(ACT_WITH_ANNEX, "annex.xhtml");
    expect(warnings).toEqual([]);
    const annex = provision(doc, "anx_I");
    expect(annex.attrs).toMatchObject({ num: "ANNEX I", heading: "LIST OF REQUIREMENTS" });
    expect(provision(doc, "anx_I__chp_1").attrs).toMatchObject({ num: "1.", heading: "General requirements" });
    expect(firstWords(provision(doc, "anx_I__chp_1__point_a"))).toBe("safe;");
    const table = provision(doc, "anx_I__chp_2").firstChild!;
    expect(table.type.name).toBe("table");
    expect(table.firstChild!.firstChild!.attrs.header).toBe(true);
    expect(table.textContent).toBe("SubstanceLimitLead0,1 %");
  });
});

describe("a page saved from a browser, as HTML", () => {
  /** The GDPR as a browser writes it back: no XML declaration, "<meta …>" and "<col …>" left open. */
  const savedGdpr = () =>
    fixture(GDPR)
      .replace(/^<\?xml[^>]*\?>/, "")
      .replace(/<(meta|link|col)([^>]*?)\/>/g, "<$1$2>");

  it("is not XML, and reads into the same document as the XHTML", () => {
    const saved = savedGdpr();
    expect(() => parseXml(saved)).toThrow(/not well-formed XML/);
    expect(readDocument({ bytes: new TextEncoder().encode(saved), file: "gdpr.html" }).format).toBe("xhtml");
    const read = readXhtml(saved, "gdpr.html");
    // Said once, where the XML reader stopped: what a broken XHTML file would be read as is worth a look.
    expect(read.warnings).toEqual([
      {
        message: expect.stringMatching(/^not well-formed XML: .*; read as an HTML page, as a browser reads it$/),
        location: { file: "gdpr.html", line: expect.any(Number), column: expect.any(Number) },
      },
    ]);
    expect(shape(read.doc)).toEqual(shape(reading(GDPR).doc));
    expect(read.doc.attrs).toEqual({ ...reading(GDPR).doc.attrs, guid: read.doc.attrs.guid });
  });

  it("reads the entities HTML knows and XML does not: &ndash; is a dash", () => {
    const read = readXhtml(savedGdpr().replace("personal data", "personal&ndash;data"), "gdpr.html");
    expect(read.doc.textContent).toContain("personal\u2013data");
  });

  it("refuses a page cut short, as a page ends with </html>", () => {
    const saved = savedGdpr();
    const attempt = () => readXhtml(saved.slice(0, saved.length / 2), "gdpr.html");
    expect(attempt).toThrow(FormatError);
    expect(attempt).toThrow("gdpr.html: the page ends before its </html>: it may have been cut short");
  });

  it("refuses elements nested deeper than any act's, saying where", () => {
    const deep = `<!DOCTYPE html><html><body>${"<div>".repeat(300)}</body></html>`;
    expect(() => readXhtml(deep, "deep.html")).toThrow(
      "deep.html, line 1, column 1302: elements are nested more than 256 deep, deeper than any act's structure goes",
    );
  });

  it("refuses a page that makes the parser build far more elements than it has tags, before it takes the memory", () => {
    // 250 kinds of bold left open, opened again at each of 4,000 paragraphs: a million elements from 36 KB.
    const open = Array.from({ length: 250 }, (_, i) => `<p><b a=${i}></p>`).join("");
    const page = `<!DOCTYPE html><html><body>${open}${"<p>x</p>".repeat(4000)}</body></html>`;
    expect(() => readXhtml(page, "bold.html")).toThrow(
      "bold.html: the page makes the parser build far more elements than it has tags (formatting left open and opened again at every paragraph): it is no page of an act",
    );
  });

  it("keeps attributes of any name, __proto__ and constructor too, in HTML as in XML", () => {
    const page = parseHtml('<html><body><p __proto__="x" constructor="k">t</p></body></html><html toString="y">');
    expect(Object.entries(elements(child(page, "body")!)[0]!.attrs)).toEqual([
      ["__proto__", "x"],
      ["constructor", "k"],
    ]);
    // A second <html> gives the first the attributes it lacks, whatever their names.
    expect(Object.entries(page.attrs)).toEqual([["tostring", "y"]]);
    expect(Object.entries(parseXml('<p __proto__="x" constructor="k"/>').attrs)).toEqual([
      ["__proto__", "x"],
      ["constructor", "k"],
    ]);
  });

  it("stays XML when it says it is XML: a malformed XHTML file is refused as such", () => {
    const broken = fixture(GDPR).replace('<meta http-equiv="content-type" content="text/html; charset=utf-8"/>', "<meta>");
    expect(() => readXhtml(broken, GDPR)).toThrow(/^gdpr-2016-679\.xhtml, line \d+, column \d+: not well-formed XML/);
  });
});

describe("input that is not an act rendered by EUR-Lex", () => {
  it("refuses a document whose root is not <html>, naming it", () => {
    expect(() => readXhtml("<ACT><TITLE/></ACT>", "act.xml")).toThrow(/root element is <ACT>, not <html>/);
  });

  it("refuses an HTML page without the act's eli-container, saying where", () => {
    const attempt = () => readXhtml('<html xmlns="http://www.w3.org/1999/xhtml"><body><p>Hello</p></body></html>', "page.xhtml");
    expect(attempt).toThrow(FormatError);
    expect(attempt).toThrow(/page\.xhtml, line 1, column \d+: <body> holds no <div class="eli-container">/);
  });

  it("refuses a DOCTYPE that declares entities before expanding any", () => {
    const bomb = `<!DOCTYPE html [<!ENTITY a "aaaaaaaaaa">]><html><body>&a;</body></html>`;
    expect(() => readXhtml(bomb, "bomb.xhtml")).toThrow(expect.objectContaining({ code: "forbidden-dtd" }));
  });
});
