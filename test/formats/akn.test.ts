import { describe, expect, it } from "vitest";
import { readAkn } from "../../shared/formats/akn/read-akn";
import { writeAkn } from "../../shared/formats/akn/write-akn";
import { legalSchema } from "../../shared/model/schema";
import {
  article,
  chapter,
  annex,
  citation,
  formula,
  indent,
  InlineRun,
  p,
  paragraph,
  point,
  recital,
  subparagraph,
  testAct,
} from "../support/acts";
import { footnote } from "../../shared/model/build";
import { hasXmllint, validateAkn } from "../support/xmllint";

const italic = legalSchema.marks.emphasis!.create({ kind: "italic" });
const amended = legalSchema.marks.provenance!.create({ source: "M1" });

const sample = testAct({
  attrs: { work: "/akn/eu/act/regulation/2021/821", date: "2021-05-20", stage: "Adopted act", notice: "A demonstration." },
  preamble: [
    formula("preambleInit", [p("THE EUROPEAN PARLIAMENT AND THE COUNCIL OF THE EUROPEAN UNION,")]),
    citation(p(new InlineRun().text("Having regard to the opinion of the Committee").footnoteRef("E0001", "1").text(","))),
    formula("recitalsIntro", [p("Whereas:")]),
    recital("(1)", "Exports of cyber-surveillance items should be controlled."),
    recital("(1a)", p(new InlineRun().text("Human rights", [italic]).text(" matter."))),
    formula("enactingFormula", [p("HAVE ADOPTED THIS REGULATION:")]),
  ],
  body: [
    chapter(
      "CHAPTER I",
      "SUBJECT AND DEFINITIONS",
      article("Article 1", "Subject matter", "This Regulation sets up a Union regime."),
      article(
        "Article 2",
        "Definitions",
        "For the purposes of this Regulation:",
        point("(1)", "'dual-use items' means items;"),
        point("(20)", p(new InlineRun().text("'cyber-surveillance items' means", [amended]).text(" items.")), indent("—", "first indent")),
      ),
    ),
    article(
      "Article 5",
      null,
      paragraph(
        "1.",
        "An authorisation shall be required:",
        point("(a)", "one;"),
        "interposed words",
        point("(b)", "two."),
        "closing words",
      ),
      paragraph("2.", subparagraph("first subparagraph"), subparagraph("second subparagraph")),
    ),
  ],
  conclusions: [p("This Regulation shall be binding in its entirety.")],
  annexes: [annex("ANNEX I", "List", "Intro", point("1.", "Monitoring centres"))],
  footnotes: [footnote("E0001", "1", [p("OJ C 229, 31.7.2012, p. 90.")])],
});

describe("the Akoma Ntoso writer", () => {
  const xml = writeAkn(sample, "2026-11-28");

  it.skipIf(!hasXmllint)("writes a document that validates against the OASIS Akoma Ntoso 3.0 schema", () => {
    expect(validateAkn(xml)).toBe("");
  });

  it("gives every provision an eId and a GUID, and FRBR identification", () => {
    expect(xml).toContain('<article eId="art_2"');
    expect(xml).toContain('eId="art_5__para_1__point_b"');
    expect(xml).toContain('<FRBRuri value="/akn/eu/act/regulation/2021/821"/>');
    expect(xml).toMatch(/<recital eId="rec_1a" GUID="[0-9a-f-]{36}">/);
  });

  it("reads back the identical document", () => {
    const back = readAkn(xml).doc;
    expect(back.toJSON()).toEqual(sample.toJSON());
  });
});

describe("the Akoma Ntoso reader", () => {
  it("refuses a document with entity declarations without expanding them", () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE akomaNtoso [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><akomaNtoso>&b;</akomaNtoso>`;
    expect(() => readAkn(bomb, "bomb.xml")).toThrow(/bomb\.xml, line 1.*entity declarations are refused/);
  });

  it("names the line and column of malformed XML", () => {
    expect(() => readAkn("<akomaNtoso>\n<act>\n<body></act></akomaNtoso>", "broken.xml")).toThrow(
      /broken\.xml, line 3, column \d+: not well-formed XML/,
    );
  });

  it("keeps the words of an element it does not know, and says so", () => {
    const xml = `<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><act><body><article><num>Article 1</num><content><p>Known <madeUp>unknown words</madeUp> end.</p></content></article></body></act></akomaNtoso>`;
    const { doc, warnings } = readAkn(xml);
    expect(doc.textContent).toContain("Known unknown words end.");
    expect(warnings.map((w) => w.message)).toEqual(["unknown element <madeUp> in text kept as text"]);
  });
});
