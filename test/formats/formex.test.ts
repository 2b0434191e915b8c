/*
 * The Formex reader, specified on real acts from EUR-Lex (fixtures/eurlex): the GDPR as published
 * and as consolidated, the ePrivacy Directive consolidated in 2006 (Formex 3) and 2009, the Data
 * Governance Act, and the DSA and DMA packages; and on hostile or broken input.
 */
import { readFileSync } from "node:fs";
import { strToU8, unzipSync, zipSync } from "fflate";
import { zip64 } from "../support/zip64";
import type { Node } from "prosemirror-model";
import { describe, expect, it } from "vitest";
import { FormatError } from "../../shared/formats/errors";
import { readDocument } from "../../shared/formats/read";
import { readFormex, readFormexPackage } from "../../shared/formats/formex/index";
import { MODIFICATION_MARKERS } from "../../shared/formats/formex/provenance";
import { MAX_WARNINGS, type ReadResult } from "../../shared/formats/reader";
import { parseXml, textOf, type XmlNode } from "../../shared/formats/xml";
import { isProvisionType } from "../../shared/model/schema";
import { firstWords, label, partOf, provision, provisions } from "../support/provisions";

const FIXTURES = new URL("../../fixtures/eurlex/", import.meta.url);
const fixture = (name: string): Buffer => readFileSync(new URL(name, FIXTURES));

const read = new Map<string, ReadResult>();
/** The fixture read once and shared by the tests that look at it. */
function reading(name: string): ReadResult {
  let result = read.get(name);
  if (!result) {
    result = name.endsWith(".zip") ? readFormexPackage(fixture(name), name) : readFormex(fixture(name).toString("utf8"), name);
    read.set(name, result);
  }
  return result;
}

const GDPR = "gdpr-2016-679.fmx.xml";
const GDPR_CONSOLIDATED = "gdpr-2016-679-cons-2016.fmx.xml";
const EPRIVACY_2006 = "eprivacy-2002-58-cons-2006.fmx.xml";
const EPRIVACY_2009 = "eprivacy-2002-58-cons-2009.fmx.xml";
const DGA = "dga-2022-868.fmx.xml";
const DSA = "dsa-2022-2065.fmx.zip";
const DMA = "dma-2022-1925.fmx.zip";

/** The provenance sources ("B", "M1", "C1") on the text inside a node. */
function sourcesIn(node: Node): Set<string> {
  const sources = new Set<string>();
  node.descendants((n) => {
    for (const mark of n.marks) if (mark.type.name === "provenance") sources.add(mark.attrs.source as string);
    return true;
  });
  return sources;
}

describe("the GDPR as published in the Official Journal (Formex 4 ACT)", () => {
  const doc = () => reading(GDPR).doc;

  it("has 173 recitals, 6 citations and 99 articles in 11 chapters", () => {
    expect(provisions(doc(), "recital")).toHaveLength(173);
    expect(provisions(doc(), "citation")).toHaveLength(6);
    expect(provisions(doc(), "article")).toHaveLength(99);
    expect(provisions(doc(), "chapter").map((v) => v.node.attrs.num)).toEqual(
      ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI"].map((n) => `CHAPTER ${n}`),
    );
    expect(reading(GDPR).warnings).toEqual([]);
  });

  it("knows the act it holds: a regulation of 2016, number 679, in English, dated 27 April 2016", () => {
    expect(doc().attrs).toMatchObject({ work: "/akn/eu/act/regulation/2016/679", date: "2016-04-27", language: "en" });
  });

  it("prints the title as the Official Journal does, with capitals where HT TYPE=UC asks for them", () => {
    const lines: string[] = [];
    partOf(doc(), "preface")!.forEach((p) => lines.push(p.textContent));
    expect(lines).toEqual([
      "REGULATION (EU) 2016/679 OF THE EUROPEAN PARLIAMENT AND OF THE COUNCIL",
      "of 27 April 2016",
      "on the protection of natural persons with regard to the processing of personal data and on the free movement of such data, and repealing Directive 95/46/EC (General Data Protection Regulation)",
      "(Text with EEA relevance)",
    ]);
  });

  it("reads the preamble's formulas around the citations and recitals", () => {
    const formulas: string[] = [];
    partOf(doc(), "preamble")!.forEach((n) => {
      if (n.type.name === "formula") formulas.push(`${n.attrs.name}: ${n.textContent}`);
    });
    expect(formulas).toEqual([
      "preambleInit: THE EUROPEAN PARLIAMENT AND THE COUNCIL OF THE EUROPEAN UNION,",
      "recitalsIntro: Whereas:",
      "enactingFormula: HAVE ADOPTED THIS REGULATION:",
    ]);
  });

  it("numbers recitals as printed and turns QUOT.START and QUOT.END into the quotation marks their CODE names", () => {
    const recital = provision(doc(), "rec_1");
    expect(recital.attrs.num).toBe("(1)");
    expect(recital.textContent).toContain("(the ‘Charter’)");
    expect(firstWords(provision(doc(), "rec_173"))).toMatch(/^This Regulation should apply to all matters/);
  });

  it("keeps a recital's further paragraphs in the recital: recital 19 has two", () => {
    expect(provision(doc(), "rec_19").childCount).toBe(2);
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

  it("reads Article 4's 26 definitions as points of the article itself, after the words that introduce them", () => {
    const article = provision(doc(), "art_4");
    expect(article.attrs).toMatchObject({ num: "Article 4", heading: "Definitions" });
    expect(firstWords(article)).toBe("For the purposes of this Regulation:");
    const points = provisions(doc(), "point").filter((v) => /^art_4__point_\d+$/.test(v.node.attrs.eId as string));
    expect(points).toHaveLength(26);
    expect(firstWords(provision(doc(), "art_4__point_1"))).toMatch(/^‘personal data’ means any information relating to an identified/);
    expect(provision(doc(), "art_4__point_16__point_b").attrs.num).toBe("(b)");
  });

  it("gives each section the chapter it stands in: Chapter IV has five sections", () => {
    const chapter = provision(doc(), "chp_IV");
    expect(chapter.attrs).toMatchObject({ num: "CHAPTER IV", heading: "Controller and processor" });
    const sections = provisions(doc(), "section").filter((v) => v.ancestors.includes(chapter));
    expect(sections.map((v) => v.node.attrs.eId)).toEqual([
      "chp_IV__sec_1",
      "chp_IV__sec_2",
      "chp_IV__sec_3",
      "chp_IV__sec_4",
      "chp_IV__sec_5",
    ]);
    expect(provision(doc(), "chp_IV__sec_1").attrs.heading).toBe("General obligations");
  });

  it("reads the unnumbered items of a dash list as indents marked with the dash: Article 53(1)", () => {
    const indents = provisions(doc(), "indent").filter((v) => (v.node.attrs.eId as string).startsWith("art_53__para_1__"));
    expect(indents.map((v) => [v.node.attrs.num, v.node.textContent])).toEqual([
      ["—", "their parliament;"],
      ["—", "their government;"],
      ["—", "their head of State; or"],
      ["—", "an independent body entrusted with the appointment under Member State law."],
    ]);
  });

  it("places a footnote reference where the note was, numbered in order, and the note's words in the footnotes", () => {
    const recital = provision(doc(), "rec_3");
    const refs: { id: string; marker: string }[] = [];
    recital.descendants((n) => {
      if (n.type.name === "footnote_ref") refs.push({ id: n.attrs.id as string, marker: n.attrs.marker as string });
      return true;
    });
    expect(refs).toEqual([{ id: "E0004", marker: "4" }]);
    // A reference is not words: the recital reads on as printed, without the marker.
    expect(recital.textContent).toMatch(/^Directive 95\/46\/EC of the European Parliament and of the Council seeks to harmonise/);
    const footnotes = partOf(doc(), "footnotes")!;
    expect(footnotes.childCount).toBe(21);
    expect(footnotes.child(3).attrs).toEqual({ id: "E0004", marker: "4" });
    expect(footnotes.child(3).textContent).toMatch(
      /^Directive 95\/46\/EC of the European Parliament and of the Council of 24 October 1995/,
    );
    expect(footnotes.child(0).textContent).toBe("OJ C 229, 31.7.2012, p. 90.");
  });

  it("ends with the final words, the place and date, and one signature for each signatory", () => {
    const conclusions = partOf(doc(), "conclusions")!;
    const parts: [string, string[]][] = [];
    conclusions.forEach((part) => {
      const lines: string[] = [];
      if (part.type.name === "signature") part.forEach((p) => lines.push(p.textContent));
      else lines.push(part.textContent);
      parts.push([part.type.name, lines]);
    });
    expect(parts).toEqual([
      ["p", ["This Regulation shall be binding in its entirety and directly applicable in all Member States."]],
      ["p", ["Done at Brussels, 27 April 2016."]],
      ["signature", ["For the European Parliament", "The President", "M. SCHULZ"]],
      ["signature", ["For the Council", "The President", "J.A. HENNIS-PLASSCHAERT"]],
    ]);
  });

  it("prints the fines of Article 83 as the Official Journal does, the digits grouped: 20 000 000 EUR", () => {
    expect(firstWords(provision(doc(), "art_83__para_5"))).toContain(
      "administrative fines up to 20 000 000 EUR, or in the case of an undertaking, up to 4 %",
    );
  });

  it("keeps highlighting as emphasis marks of the kind the HT TYPE names", () => {
    const kinds = new Set<string>();
    partOf(doc(), "conclusions")!.descendants((n) => {
      for (const mark of n.marks) if (mark.type.name === "emphasis") kinds.add(mark.attrs.kind as string);
      return true;
    });
    expect(kinds).toEqual(new Set(["italic"]));
  });
});

describe("the GDPR consolidated with its 2018 corrigendum (Formex 4 CONS.ACT)", () => {
  const doc = () => reading(GDPR_CONSOLIDATED).doc;

  it("has the 99 articles in 11 chapters and no recitals, as consolidated texts print none", () => {
    expect(provisions(doc(), "article")).toHaveLength(99);
    expect(provisions(doc(), "chapter")).toHaveLength(11);
    expect(provisions(doc(), "recital")).toHaveLength(0);
    expect(partOf(doc(), "preamble")).toBeUndefined();
    expect(reading(GDPR_CONSOLIDATED).warnings).toEqual([]);
  });

  it("dates the version from the consolidation (4 May 2016) and names the basic act as its work", () => {
    expect(doc().attrs).toMatchObject({ work: "/akn/eu/act/regulation/2016/679", date: "2016-05-04", language: "en" });
  });

  it("marks the passages the corrigendum replaced as C1 and the rest as the basic act, B", () => {
    expect(sourcesIn(provision(doc(), "art_37__para_1__point_c"))).toEqual(new Set(["C1"]));
    expect(sourcesIn(provision(doc(), "art_37__para_1__point_b"))).toEqual(new Set(["B"]));
    expect(sourcesIn(provision(doc(), "art_41__para_3"))).toEqual(new Set(["C1"]));
    expect(sourcesIn(provision(doc(), "art_41__para_4"))).toEqual(new Set(["B"]));
    expect(sourcesIn(doc())).toEqual(new Set(["B", "C1"]));
  });

  it("marks a sentence the corrigendum replaced inside a paragraph, and only that sentence: Article 43(3)", () => {
    const sentences: [string | undefined, string][] = [];
    provision(doc(), "art_43__para_3").firstChild!.forEach((text) => {
      sentences.push([text.marks.find((m) => m.type.name === "provenance")?.attrs.source as string | undefined, text.text!]);
    });
    expect(sentences).toEqual([
      ["C1", expect.stringMatching(/^The accreditation of certification bodies .* by the Board pursuant to Article 63\.$/)],
      ["B", expect.stringMatching(/^ In the case of accreditation pursuant to point \(b\)/)],
    ]);
  });

  it("marks every word of the consolidated text with where it comes from", () => {
    const unmarked: string[] = [];
    doc().descendants((n) => {
      if (n.isText && !n.marks.some((m) => m.type.name === "provenance")) unmarked.push(n.text!);
      return true;
    });
    expect(unmarked).toEqual([]);
  });

  it("leaves the consolidation's front matter out of the text: the corrigendum's own title is not a word of the act", () => {
    expect(doc().textContent).not.toContain("Corrigendum to Regulation");
    expect(doc().textContent).not.toContain("32016R0679");
  });
});

describe("the ePrivacy Directive consolidated in 2006 (Formex 3 CONS.ACT)", () => {
  const doc = () => reading(EPRIVACY_2006).doc;

  it("has 49 recitals and 21 articles", () => {
    expect(provisions(doc(), "recital")).toHaveLength(49);
    expect(provisions(doc(), "article")).toHaveLength(21);
    expect(doc().attrs).toMatchObject({ work: "/akn/eu/act/directive/2002/58", date: "2006-05-03" });
  });

  it("marks Article 15(1a), inserted by the Data Retention Directive, as from M1", () => {
    expect(provision(doc(), "art_15__para_1a").attrs.num).toBe("1a.");
    expect(sourcesIn(provision(doc(), "art_15__para_1a"))).toEqual(new Set(["M1"]));
    expect(sourcesIn(provision(doc(), "art_15__para_1"))).toEqual(new Set(["B"]));
  });
});

describe("the ePrivacy Directive consolidated in 2009 (Formex 4 CONS.ACT)", () => {
  const doc = () => reading(EPRIVACY_2009).doc;

  it("has 23 articles, Articles 14a and 15a among them", () => {
    const articles = provisions(doc(), "article").map((v) => v.node.attrs.num);
    expect(articles).toHaveLength(23);
    expect(articles.slice(13, 17)).toEqual(["Article 14", "Article 14a", "Article 15", "Article 15a"]);
    expect(provisions(doc(), "recital")).toHaveLength(49);
  });

  it("tells the two amending acts apart: M1 (2006/24/EC) and M2 (2009/136/EC)", () => {
    expect(sourcesIn(provision(doc(), "art_15__para_1a"))).toEqual(new Set(["M1"]));
    expect(sourcesIn(provision(doc(), "art_15a"))).toEqual(new Set(["M2"]));
    expect(sourcesIn(provision(doc(), "art_4__para_1a"))).toEqual(new Set(["M2"]));
    expect(sourcesIn(provision(doc(), "art_1__para_2"))).toEqual(new Set(["B"]));
  });

  it("marks a change inside a sentence on the words it covers: the semicolon closing Article 2, point (h)", () => {
    const point = provision(doc(), "art_2__subpara_2__point_h");
    const last = point.firstChild!.lastChild!;
    expect(last.text).toBe(";");
    expect(last.marks.find((m) => m.type.name === "provenance")?.attrs.source).toBe("M2");
    expect(point.firstChild!.firstChild!.marks.find((m) => m.type.name === "provenance")?.attrs.source).toBe("B");
  });
});

describe("the Data Governance Act (Formex 4 ACT)", () => {
  const doc = () => reading(DGA).doc;

  it("has 63 recitals and 38 articles", () => {
    expect(provisions(doc(), "recital")).toHaveLength(63);
    expect(provisions(doc(), "article")).toHaveLength(38);
    expect(doc().attrs.work).toBe("/akn/eu/act/regulation/2022/868");
  });

  it("keeps the table of Article 36 with its header row and the cell spanning seven rows", () => {
    let table: Node | undefined;
    provision(doc(), "art_36").forEach((n) => {
      if (n.type.name === "table") table = n;
    });
    expect(table!.childCount).toBe(9);
    const header = table!.child(0);
    expect([0, 1, 2].map((i) => header.child(i).attrs.header)).toEqual([true, true, true]);
    expect(header.child(0).textContent).toBe("Life events");
    const spanning = table!.child(2).child(0);
    expect(spanning.attrs).toMatchObject({ header: false, rowspan: 7 });
    expect(spanning.childCount).toBe(0);
    expect(table!.child(3).childCount).toBe(2);
  });
});

describe("the DSA as a EUR-Lex package (zip with a manifest)", () => {
  const doc = () => reading(DSA).doc;

  it("has 156 recitals and 93 articles", () => {
    expect(provisions(doc(), "recital")).toHaveLength(156);
    expect(provisions(doc(), "article")).toHaveLength(93);
    expect(doc().attrs).toMatchObject({ work: "/akn/eu/act/regulation/2022/2065", date: "2022-10-19", language: "en" });
    expect(reading(DSA).warnings).toEqual([]);
  });

  it("keeps the point Article 90 adds to another directive as quoted words, not as a point of the DSA", () => {
    const article = provision(doc(), "art_90");
    expect(provisions(doc()).filter((v) => v.ancestors.includes(article))).toEqual([]);
    const lines: string[] = [];
    article.forEach((p) => lines.push(p.textContent));
    expect(lines[1]).toMatch(/^‘\(68\) Regulation \(EU\) 2022\/2065 of the European Parliament and of the Council/);
  });
});

describe("the DMA as a EUR-Lex package, its annex in a file of its own", () => {
  const doc = () => reading(DMA).doc;

  it("assembles the act and the annex the manifest lists after it", () => {
    expect(provisions(doc(), "article")).toHaveLength(54);
    expect(provisions(doc(), "recital")).toHaveLength(109);
    const annexes = provisions(doc(), "annex");
    expect(annexes.map((v) => [v.node.attrs.eId, v.node.attrs.num])).toEqual([["anx_1", "ANNEX"]]);
    const parts: string[] = [];
    doc().forEach((part) => parts.push(part.type.name));
    expect(parts).toEqual(["preface", "preamble", "body", "conclusions", "annex", "footnotes"]);
    expect(reading(DMA).warnings).toEqual([]);
  });

  it("puts annexes in the order the manifest lists them, whatever the order of the zip's entries", () => {
    const entries = unzipSync(fixture(DMA));
    const manifestName = Object.keys(entries).find((name) => name.endsWith(".doc.xml"))!;
    const annexFile = (n: string) =>
      `<ANNEX><TITLE><TI><P>ANNEX ${n}</P></TI><STI><P>Annex ${n} heading</P></STI></TITLE><CONTENTS><P>Words of annex ${n}.</P></CONTENTS></ANNEX>`;
    const listing = (file: string) => `<DOC.SUB.PUB TYPE="ANNEX"><REF.PHYS FILE="${file}" TYPE="DOC.XML"/></DOC.SUB.PUB>`;
    const manifest = new TextDecoder()
      .decode(entries[manifestName])
      .replace(/<DOC\.SUB\.PUB[\s\S]*?<\/DOC\.SUB\.PUB>/, listing("one.xml") + listing("two.xml"));
    const zip = zipSync({
      "two.xml": strToU8(annexFile("II")),
      "one.xml": strToU8(annexFile("I")),
      [manifestName]: strToU8(manifest),
      "L_2022265EN.01000101.xml": entries["L_2022265EN.01000101.xml"]!,
    });
    const annexes = provisions(readFormexPackage(zip, "reordered.zip").doc, "annex").map((v) => [
      v.node.attrs.eId,
      v.node.attrs.heading,
      v.node.textContent,
    ]);
    expect(annexes).toEqual([
      ["anx_I", "Annex I heading", "Words of annex I."],
      ["anx_II", "Annex II heading", "Words of annex II."],
    ]);
  });

  it("reads a file the manifest lists again once, in its first place, and says so", () => {
    const entries = unzipSync(fixture(DMA));
    const manifestName = Object.keys(entries).find((name) => name.endsWith(".doc.xml"))!;
    const annexFile = `<ANNEX><TITLE><TI><P>ANNEX I</P></TI></TITLE><CONTENTS><P>Words of the annex.</P></CONTENTS></ANNEX>`;
    const listing = (file: string) => `<DOC.SUB.PUB TYPE="ANNEX"><REF.PHYS FILE="${file}" TYPE="DOC.XML"/></DOC.SUB.PUB>`;
    // The annex three times, and the act itself among the annexes (a package made to be read thousands of times over).
    const manifest = new TextDecoder()
      .decode(entries[manifestName])
      .replace(
        /<DOC\.SUB\.PUB[\s\S]*?<\/DOC\.SUB\.PUB>/,
        listing("one.xml") + listing("L_2022265EN.01000101.xml") + listing("one.xml") + listing("one.xml"),
      );
    const zip = zipSync({
      "one.xml": strToU8(annexFile),
      [manifestName]: strToU8(manifest),
      "L_2022265EN.01000101.xml": entries["L_2022265EN.01000101.xml"]!,
    });
    const read = readFormexPackage(zip, "repeated.zip");
    expect(provisions(read.doc, "annex").map((v) => v.node.textContent)).toEqual(["Words of the annex."]);
    expect(read.warnings.map((w) => w.message)).toEqual([
      "the manifest lists 3 files again (or the act among its annexes); each is read once",
    ]);
  });

  it("keeps 50 warnings at most, each of a bounded length, and says how many more there were", () => {
    const entries = unzipSync(fixture(DMA));
    // 200 entries the manifest does not list, each named in 2,000 characters.
    const strays = Object.fromEntries(Array.from({ length: 200 }, (_, k) => [`${String(k).padStart(2000, "x")}.xml`, strToU8("")]));
    const read = readFormexPackage(zipSync({ ...entries, ...strays }), "strays.zip");
    expect(read.warnings).toHaveLength(MAX_WARNINGS + 1);
    expect(read.warnings.every((w) => w.message.length <= 600)).toBe(true);
    expect(read.warnings[0]!.message).toMatch(/^x+…$/);
    expect(read.warnings.at(-1)).toEqual({ message: "and 150 more warnings, not listed", location: {} });
  });

  it("reads the annex's headed sequences A to E as groups and their numbered paragraphs as points", () => {
    const annex = provision(doc(), "anx_1");
    const groups: string[] = [];
    annex.forEach((n) => groups.push(`${n.type.name} ${n.attrs.num} ${n.attrs.heading}`));
    expect(groups).toEqual([
      "section A. ‘General’",
      "section B. ‘Active end users’",
      "section C. ‘Active business users’",
      "section D. ‘Submission of information’",
      "section E. ‘Specific definitions’",
    ]);
    expect(firstWords(provision(doc(), "anx_1__sec_B__point_1__point_a"))).toMatch(/^It is considered that collecting data/);
    expect(provision(doc(), "anx_1__sec_D__point_2__point_c__point_ii").attrs.num).toBe("(ii)");
  });

  it("keeps the annex's table of definitions, with its header row", () => {
    const section = provision(doc(), "anx_1__sec_E");
    const table = section.child(1);
    expect(table.type.name).toBe("table");
    expect(table.childCount).toBe(11);
    expect(table.child(0).child(1).attrs.header).toBe(true);
    expect(table.child(0).child(1).textContent).toBe("Active end users");
    expect(table.child(1).child(1).attrs.header).toBe(false);
    expect(table.child(10).child(1).childCount).toBe(4);
  });
});

/*
 * Fidelity: the words of the document are exactly the words of the source, as printed. The
 * source's words are its text content, every element boundary a word boundary except inside
 * inline elements, footnotes counted on their own, metadata left out, HT TYPE="UC" in capitals,
 * numbers (FT TYPE="NUMBER") of five digits or more in groups of three, and the dash a LIST
 * TYPE="DASH" prints before each item without a number, and passages that a consolidation
 * marks as deleted (ACTION="DELETED") left out, since they are no longer law. Quotation marks,
 * which Formex gives as empty QUOT elements, are left out of the comparison on both sides.
 */
const INLINE = new Set(["HT", "DATE", "REF.DOC.OJ", "FT", "QUOT.START", "QUOT.END", "CLG.MDFO", "CLG.MDFC"]);
const LIST_MARKS: Record<string, string> = { DASH: "—" };
const METADATA = new Set(["BIB.INSTANCE", "FAM.COMP", "INFO.CONSLEG", "INFO.PROD"]);
const QUOTES = /[‘’“”]/g;

function words(texts: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const text of texts) {
    for (const raw of text.split(/[\s\u00a0]+/)) {
      const word = raw.replace(QUOTES, "");
      if (word !== "") counts.set(word, (counts.get(word) ?? 0) + 1);
    }
  }
  return counts;
}

function sourceTexts(xml: string): string[] {
  const notes: string[] = [];
  const walk = (node: XmlNode, out: string[], upper: boolean): void => {
    if (node.kind === "text") {
      out.push(upper ? node.text.toUpperCase() : node.text);
      return;
    }
    if (METADATA.has(node.name)) return;
    if (node.name === "FT" && node.attrs.TYPE === "NUMBER") {
      out.push(textOf(node).replace(/\d{5,}/, (digits) => digits.replace(/\B(?=(\d{3})+$)/g, " ")));
      return;
    }
    if (node.name === "NOTE") {
      const note: string[] = [];
      for (const c of node.children) walk(c, note, false);
      notes.push(note.join(""));
      return;
    }
    const inline = INLINE.has(node.name);
    if (!inline) out.push(" ");
    const listMark = node.name === "LIST" ? LIST_MARKS[node.attrs.TYPE ?? ""] : undefined;
    let deletedPassage: string | null = null;
    for (const c of node.children) {
      if (c.kind === "element" && c.name === "CLG.MDFO" && c.attrs.ACTION === "DELETED") deletedPassage = c.attrs.ID ?? "";
      if (c.kind === "element" && c.name === "CLG.MDFC" && c.attrs.IDREF === deletedPassage) deletedPassage = null;
      if (deletedPassage !== null) continue;
      const unnumbered = c.kind === "element" && c.name === "ITEM" && !c.children.some((i) => i.kind === "element" && i.name === "NP");
      if (listMark && unnumbered) out.push(` ${listMark} `);
      walk(c, out, upper || (node.name === "HT" && node.attrs.TYPE === "UC"));
    }
    if (!inline) out.push(" ");
  };
  const body: string[] = [];
  walk(parseXml(xml, undefined, { instructionsAsElements: MODIFICATION_MARKERS }), body, false);
  return [body.join(""), ...notes];
}

function documentTexts(doc: Node): string[] {
  const texts: string[] = [];
  doc.descendants((node) => {
    if (isProvisionType(node.type.name)) texts.push(node.attrs.num ?? "", node.attrs.heading ?? "");
    if (node.isTextblock) {
      texts.push(node.textContent);
      return false;
    }
    return true;
  });
  return texts;
}

/** Words that one side has more often than the other, with the difference: empty when the two agree. */
function difference(source: Map<string, number>, document: Map<string, number>): Record<string, number> {
  const diff: Record<string, number> = {};
  for (const word of new Set([...source.keys(), ...document.keys()])) {
    const d = (document.get(word) ?? 0) - (source.get(word) ?? 0);
    if (d !== 0) diff[word] = d;
  }
  return diff;
}

function packageSources(name: string): string[] {
  const entries = unzipSync(fixture(name));
  return Object.entries(entries)
    .filter(([entry]) => entry.endsWith(".xml") && !entry.endsWith(".doc.xml"))
    .map(([, data]) => new TextDecoder().decode(data));
}

describe("every word of the source, once and only once", () => {
  for (const name of [GDPR, GDPR_CONSOLIDATED, EPRIVACY_2006, EPRIVACY_2009, DGA, DSA, DMA]) {
    it(`reads all the words of ${name}, and no others`, () => {
      const sources = name.endsWith(".zip") ? packageSources(name) : [fixture(name).toString("utf8")];
      const source = words(sources.flatMap(sourceTexts));
      const document = words(documentTexts(reading(name).doc));
      expect(difference(source, document)).toEqual({});
      expect([...document.values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(8000);
    });
  }

  it("would notice a word read twice or lost", () => {
    const source = words(sourceTexts(fixture(GDPR).toString("utf8")));
    const texts = documentTexts(reading(GDPR).doc);
    expect(difference(source, words([...texts, "Charter"]))).toEqual({ Charter: 1 });
    expect(difference(source, words(texts.slice(1)))).not.toEqual({});
  });
});

describe("what the reader does with input it cannot take as it is", () => {
  const ACT_WITH = (body: string) =>
    `<?xml version="1.0" encoding="UTF-8"?>\n<ACT><BIB.INSTANCE><LG.DOC>FR</LG.DOC></BIB.INSTANCE><TITLE><TI><P>Règlement (UE) 2030/1</P></TI></TITLE>\n<ENACTING.TERMS>\n${body}\n</ENACTING.TERMS></ACT>`;

  it("says that a file cut short ends inside an element, and where that element began", () => {
    const whole = fixture("dga-2022-868.fmx.xml").toString("utf8");
    const cut = whole.slice(0, whole.indexOf("</ARTICLE>", 60_000));
    expect(() => readFormex(cut, "dga.fmx.xml")).toThrow(
      /^dga\.fmx\.xml, line \d+, column \d+: not well-formed XML: the file ends inside <[A-Z.]+> \(opened at line \d+\); it may have been cut short$/,
    );
  });

  it("says that a file cut short inside a tag was cut short, and where: before its first element is whole, or after its last", () => {
    expect(() => parseXml('<?xml version="1.0"?>\n<CONS.ACT xmlns:xsi="http://www.w3', "cut.xml")).toThrow(
      /^cut\.xml, line 2, column \d+: not well-formed XML: the file ends before its first element is whole; it may have been cut short$/,
    );
    expect(() => parseXml("<ACT/>\n<!-- a comment", "cut.xml")).toThrow(
      /the file ends after its last element, inside a comment or an instruction; it may have been cut short$/,
    );
  });

  it("says that a file cut in the middle of a character may have been cut short, and a file of other bytes is no UTF-8 text", () => {
    const whole = fixture("eprivacy-2002-58-cons-2009.fmx.xml");
    // The first character written in more than one byte, cut after its first.
    const cut = whole.findIndex((byte) => byte >= 0xc0) + 1;
    expect(() => readDocument({ bytes: new Uint8Array(whole.subarray(0, cut)), file: "cut.fmx.xml" })).toThrow(
      "cut.fmx.xml: the file ends in the middle of a character, as UTF-8 writes it; it may have been cut short",
    );
    expect(() =>
      readDocument({ bytes: new Uint8Array([...Buffer.from("<ACT>"), 0xe9, ...Buffer.from("</ACT>")]), file: "latin.xml" }),
    ).toThrow("latin.xml, line 1: the file is not UTF-8 text: its byte 6 (0xe9) is no UTF-8");
  });

  it("says the encoding a file is in, or declares, when it is not UTF-8, and where its first byte of another stands", () => {
    const declared = Buffer.concat([
      Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?>\n<ACT>\n<P>caf'),
      Buffer.from([0xe9]),
      Buffer.from("</P></ACT>"),
    ]);
    expect(() => readDocument({ bytes: new Uint8Array(declared), file: "latin1.xml" })).toThrow(
      "latin1.xml, line 3: the file declares the encoding ISO-8859-1; only UTF-8 is read: save it as UTF-8 (its byte 57 (0xe9) is no UTF-8)",
    );
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from(fixture("eprivacy-2002-58-cons-2009.fmx.xml").toString("utf8"), "utf16le"),
    ]);
    expect(() => readDocument({ bytes: new Uint8Array(utf16), file: "utf16.xml" })).toThrow(
      "utf16.xml, line 1: the file is UTF-16 text (it begins with UTF-16's byte-order mark); only UTF-8 is read: save it as UTF-8",
    );
  });

  it("names the line a start tag begins on when its attributes run over several lines", () => {
    expect(() => parseXml('<ACT>\n<ARTICLE\n  IDENTIFIER="001"\n  TYPE="x">\nwords', "cut.xml")).toThrow(
      /^cut\.xml, line 5, column \d+: not well-formed XML: the file ends inside <ARTICLE> \(opened at line 2\); it may have been cut short$/,
    );
    expect(parseXml('<ACT>\n<ARTICLE\n  IDENTIFIER="001">words</ARTICLE></ACT>').children[1]).toMatchObject({ name: "ARTICLE", line: 2 });
  });

  it("refuses an article without its number, saying where it is", () => {
    const text = ACT_WITH(`<ARTICLE><STI.ART>Objet</STI.ART><ALINEA>Texte.</ALINEA></ARTICLE>`);
    const error = (() => {
      try {
        readFormex(text, "bad.xml");
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(FormatError);
    expect(error).toMatchObject({ code: "structure", location: { file: "bad.xml", line: 4 } });
    expect((error as FormatError).message).toMatch(/^bad\.xml, line 4, column \d+: <ARTICLE> without <TI\.ART>$/);
  });

  it("keeps the words of an element it does not know, and says which element and where", () => {
    const result = readFormex(
      ACT_WITH(`<ARTICLE><TI.ART>Article premier</TI.ART><ALINEA>Le texte <FOO>inconnu</FOO> reste.</ALINEA></ARTICLE>`),
    );
    expect(provision(result.doc, "art_premier").textContent).toBe("Le texte inconnu reste.");
    expect(result.warnings).toEqual([{ message: "unknown element <FOO> kept as text", location: { line: 4, column: expect.any(Number) } }]);
    expect(result.doc.attrs).toMatchObject({ language: "fr", work: null });
  });

  it("names an entity XML does not know, as a page saved from a browser has", () => {
    expect(() => readFormex(`<?xml version="1.0"?>\n<ACT><P>a&nbsp;b</P></ACT>`, "saved.xml")).toThrow(
      "saved.xml, line 2, column 15: not well-formed XML: undefined entity &nbsp; (XML knows only &amp; &lt; &gt; &quot; &apos; and numbered ones such as &#160;)",
    );
  });

  it("refuses a document that declares entities before expanding any", () => {
    const text = `<?xml version="1.0"?><!DOCTYPE ACT [<!ENTITY a "aaaa">]><ACT>&a;</ACT>`;
    expect(() => readFormex(text)).toThrow(expect.objectContaining({ code: "forbidden-dtd" }));
  });

  it("refuses elements nested deeper than any act's structure, where they pass the limit", () => {
    const text = `<?xml version="1.0"?>\n<ACT>${"<P>".repeat(300)}x${"</P>".repeat(300)}</ACT>`;
    expect(() => readFormex(text, "deep.fmx.xml")).toThrow(
      expect.objectContaining({ code: "structure", location: { file: "deep.fmx.xml", line: 2, column: 5 + 256 * 3 } }),
    );
  });

  it("refuses a Formex document that is not an act", () => {
    expect(() => readFormex(`<ANNEX><TITLE><TI><P>ANNEX</P></TI></TITLE></ANNEX>`)).toThrow(
      expect.objectContaining({ code: "structure", message: expect.stringContaining("<ANNEX> is not a Formex act") }),
    );
  });

  it("refuses a zip whose entries declare more than the input limit unpacked, before unpacking them", () => {
    const zip = zipSync({ "a.doc.xml": strToU8("<DOC/>"), "a.xml": strToU8("<ACT/>") });
    // Rewrite the uncompressed size each central directory entry declares to 2 GiB.
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    for (let at = 0; at + 4 <= zip.length; at++) {
      if (view.getUint32(at, true) === 0x02014b50) view.setUint32(at + 24, 0x7fffffff, true);
    }
    expect(() => readFormexPackage(zip, "bomb.zip")).toThrow(
      expect.objectContaining({ code: "too-large", location: { file: "bomb.zip" } }),
    );
  });

  it("refuses a zip whose file unpacks to more than the size its directory gives, once it outgrows it, not after unpacking it all", () => {
    // 64 MiB of one byte, deflated to some 64 KiB, then said to be 100 bytes in the directory and in its local header.
    const zip = zipSync({ "a.doc.xml": strToU8("<DOC/>"), "a.xml": new Uint8Array(64 * 1024 * 1024).fill(0x20) });
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    for (let at = 0; at + 4 <= zip.length; at++) {
      if (view.getUint32(at, true) === 0x02014b50 && view.getUint32(at + 24, true) > 100) view.setUint32(at + 24, 100, true);
      if (view.getUint32(at, true) === 0x04034b50 && view.getUint32(at + 22, true) > 100) view.setUint32(at + 22, 100, true);
    }
    expect(() => readFormexPackage(zip, "bomb.zip")).toThrow(
      expect.objectContaining({
        code: "too-large",
        message: "bomb.zip: the zip package is refused: the file a.xml unpacks to more than the 100 bytes its directory says",
      }),
    );
  });

  it("refuses a zip whose file unpacks to fewer bytes than its directory gives, and reads one whose files are stored uncompressed", () => {
    const entries = unzipSync(fixture(DMA));
    const stored = zipSync(entries, { level: 0 });
    expect(provisions(readFormexPackage(stored, "stored.zip").doc, "article")).toHaveLength(
      provisions(readFormexPackage(fixture(DMA), DMA).doc, "article").length,
    );
    const zip = zipSync({ "a.doc.xml": strToU8("<DOC/>"), "a.xml": strToU8("<ACT/>") });
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    for (let at = 0; at + 4 <= zip.length; at++) if (view.getUint32(at, true) === 0x02014b50) view.setUint32(at + 24, 60, true);
    expect(() => readFormexPackage(zip, "short.zip")).toThrow(
      expect.objectContaining({
        code: "malformed",
        message: expect.stringContaining("the file a.doc.xml unpacks to 6 bytes, not the 60 its directory says"),
      }),
    );
  });

  it("reads a package whose sizes and offsets all stand in ZIP64 fields, as zip -fz writes it", () => {
    const entries = unzipSync(fixture(DMA));
    expect(provisions(readFormexPackage(zip64(entries), "zip64.zip").doc, "article")).toHaveLength(
      provisions(readFormexPackage(fixture(DMA), DMA).doc, "article").length,
    );
  });

  it("refuses a zip whose end record counts no file on its disk while it lists some: one reading of the directory, not two", () => {
    const zip = zipSync({ "a.doc.xml": strToU8("<DOC/>"), "a.xml": new Uint8Array(1024 * 1024).fill(0x20) });
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    let end = zip.length - 22;
    while (view.getUint32(end, true) !== 0x06054b50) end--;
    view.setUint16(end + 8, 0, true);
    expect(() => readFormexPackage(zip, "disks.zip")).toThrow(
      expect.objectContaining({
        code: "malformed",
        message: "disks.zip: the zip package is broken: it is one part of an archive split across several files",
      }),
    );
  });

  it("refuses a zip whose files share their compressed bytes, as a bomb that inflates one stream many times over", () => {
    const zip = zipSync({ "a.doc.xml": strToU8("<DOC/>"), "a.xml": strToU8("<ACT/>"), "b.xml": strToU8("<ACT/>") });
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    const entries: number[] = [];
    for (let at = 0; at + 4 <= zip.length; at++) if (view.getUint32(at, true) === 0x02014b50) entries.push(at);
    // b.xml's directory entry points to a.xml's local header.
    view.setUint32(entries[2]! + 42, view.getUint32(entries[1]! + 42, true), true);
    expect(() => readFormexPackage(zip, "overlap.zip")).toThrow(
      expect.objectContaining({
        code: "malformed",
        message: "overlap.zip: the zip package is broken: the files a.xml and b.xml share bytes",
      }),
    );
  });

  it("refuses a zip whose entry gives its size only in a ZIP64 record, as for files of gigabytes, without making up a size", () => {
    const zip = zipSync({ "a.doc.xml": strToU8("<DOC/>"), "a.xml": strToU8("<ACT/>") });
    // The sizes of the second entry as an archiver writes them for a file of 2 GiB: 0xFFFFFFFF, the size kept elsewhere.
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    const entries: number[] = [];
    for (let at = 0; at + 4 <= zip.length; at++) if (view.getUint32(at, true) === 0x02014b50) entries.push(at);
    view.setUint32(entries[1]! + 24, 0xffffffff, true);
    expect(() => readFormexPackage(zip, "zip64.zip")).toThrow(
      expect.objectContaining({
        code: "too-large",
        message:
          "zip64.zip: the package holds a file of a size given only in a ZIP64 record, as for files of gigabytes; the limit is 64 MiB",
      }),
    );
  });

  it("refuses, before unzipping, a zip whose directory claims more files than its bytes could list", () => {
    // 128 bytes: a local header, and a ZIP64 end record that claims 4,294,967,295 entries.
    const zip = new Uint8Array(128);
    const view = new DataView(zip.buffer);
    view.setUint32(0, 0x04034b50, true);
    view.setUint32(30, 0x06064b50, true);
    view.setUint32(30 + 32, 0xffffffff, true);
    view.setUint32(86, 0x07064b50, true);
    view.setUint32(86 + 8, 30, true);
    view.setUint32(106, 0x06054b50, true);
    view.setUint16(106 + 8, 0xffff, true);
    expect(() => readFormexPackage(zip, "claims.zip")).toThrow(
      expect.objectContaining({
        code: "malformed",
        message: "claims.zip: the zip package is broken: its directory claims 4294967295 files, more than its 128 bytes could list",
      }),
    );
  });

  it("says a zip cut short may have been, and a zip of no file is empty", () => {
    const whole = fixture("dma-2022-1925.fmx.zip");
    expect(() => readDocument({ bytes: new Uint8Array(whole.subarray(0, 50_000)), file: "cut.zip" })).toThrow(
      "cut.zip: the zip package is broken: it has no end record; it may have been cut short",
    );
    const empty = new Uint8Array([0x50, 0x4b, 0x05, 0x06, ...new Array<number>(18).fill(0)]);
    expect(() => readDocument({ bytes: empty, file: "empty.zip" })).toThrow(
      "empty.zip: the file is an empty zip archive: it holds no file",
    );
  });

  it("refuses a package without a manifest, saying what is missing", () => {
    const zip = zipSync({ "L_2016119EN.01000101.xml": new Uint8Array(fixture(GDPR)) });
    expect(() => readFormexPackage(zip, "act.zip")).toThrow(
      expect.objectContaining({ code: "structure", message: expect.stringContaining("no manifest") }),
    );
  });

  it("refuses a package whose manifest lists a file it does not hold", () => {
    const entries = unzipSync(fixture(DMA));
    const manifest = Object.keys(entries).find((name) => name.endsWith(".doc.xml"))!;
    const zip = zipSync({ [manifest]: entries[manifest]! });
    expect(() => readFormexPackage(zip, "dma.zip")).toThrow(
      expect.objectContaining({
        code: "structure",
        message: expect.stringContaining("L_2022265EN.01000101.xml, which the package does not hold"),
      }),
    );
  });

  it("refuses a broken zip", () => {
    const zip = fixture(DMA).subarray(0, 2000);
    expect(() => readFormexPackage(new Uint8Array(zip), "cut.zip")).toThrow(expect.objectContaining({ code: "malformed" }));
  });
});
