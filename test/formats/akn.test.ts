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
import { readDocument } from "../../shared/formats/read";
import { FormatError } from "../../shared/formats/errors";
import { summarize } from "../../shared/model/summary";
import { outline } from "../../shared/model/outline";

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

describe("reading Akoma Ntoso whose structure the model does not have as such", () => {
  /** An act of these provisions, with what follows its body (its attachments). */
  const aknAct = (body: string, after = "") =>
    new TextEncoder().encode(
      `<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><act name="x"><meta/><preface><p><docTitle>Decision X</docTitle></p></preface><body>${body}</body>${after}</act></akomaNtoso>`,
    );
  /** An annex holding `content`, as attachments. */
  const annexOf = (content: string) =>
    `<attachments><attachment><doc name="annex"><mainBody>${content}</mainBody></doc></attachment></attachments>`;

  it("keeps numbered paragraphs standing in the body, as a decision's, in an article without a number, and says so", () => {
    const { doc, warnings } = readDocument({
      bytes: aknAct(
        `<paragraph eId="para_1"><num>1.</num><content><p>Text one.</p></content></paragraph><paragraph eId="para_2"><num>2.</num><content><p>Text two.</p></content></paragraph>`,
      ),
      file: "decision.akn.xml",
    });
    expect(summarize(doc).counts).toEqual({ article: 1, paragraph: 2 });
    expect(warnings.map((w) => w.message)).toEqual([
      "2 provisions or blocks of words outside any article kept in an article without a number",
    ]);
  });

  it("leaves out a table without cells, and says so", () => {
    const { doc, warnings } = readDocument({
      bytes: aknAct(`<article eId="art_1"><num>Article 1</num><content><p>Words.</p><table eId="t1"></table></content></article>`),
      file: "t.akn.xml",
    });
    expect(doc.textContent).toContain("Words.");
    expect(warnings.map((w) => w.message)).toEqual(["a <table> without cells was left out"]);
  });

  it("keeps a container of words inside an article or a point as a subparagraph, and says so", () => {
    const { doc, warnings } = readDocument({
      bytes: aknAct(
        `<article eId="art_1"><num>Article 1</num><paragraph eId="para_1"><num>1.</num><intro><p>The following:</p></intro><point eId="p_a"><num>(a)</num><content><p>one;</p></content><hcontainer name="x"><content><p>inner words</p></content></hcontainer></point></paragraph><hcontainer name="y"><content><p>closing words</p></content></hcontainer></article>`,
      ),
      file: "hc.akn.xml",
    });
    expect(summarize(doc).counts).toEqual({ article: 1, paragraph: 1, point: 1, subparagraph: 2 });
    expect(doc.textContent).toContain("inner words");
    expect(doc.textContent).toContain("closing words");
    expect(warnings.map((w) => w.message)).toEqual([
      "a <hcontainer> inside <point> kept as a subparagraph",
      "a <hcontainer> inside <article> kept as a subparagraph",
    ]);
  });

  it("keeps a chapter or an article inside an article as its number, heading and words, and says so", () => {
    const { doc, warnings } = readDocument({
      bytes: aknAct(
        `<article eId="art_1"><num>Article 1</num><paragraph eId="para_1"><num>1.</num><content><p>One.</p></content></paragraph><chapter eId="chp_9"><num>CHAPTER IX</num><heading>Quoted</heading><content><p>Words of the chapter.</p></content></chapter></article>` +
          `<article eId="art_2"><num>Article 2</num><article eId="art_3"><num>Article 3</num><content><p>Inner words.</p></content></article></article>`,
      ),
      file: "h.akn.xml",
    });
    expect(outline(doc).provisions.map((a) => [a.num, a.text, a.children.map((c) => c.num)])).toEqual([
      ["Article 1", "CHAPTER IX\nQuoted\nWords of the chapter.", ["1."]],
      ["Article 2", "Article 3\nInner words.", []],
    ]);
    expect(warnings.map((w) => w.message)).toEqual([
      "a chapter inside <article> kept as its number, heading and words",
      "an article inside <article> kept as its number, heading and words",
    ]);
  });

  it("says the list of what a provision holds goes on where the model's message cuts it short", () => {
    const long = "Words of an annex long enough to run past the fifty characters the model shows.";
    const read = () =>
      readDocument({
        bytes: aknAct(
          `<article eId="art_1"><num>Article 1</num><content><p>x</p></content></article>`,
          annexOf(`<p>${long}</p><article eId="art_9"><num>Article 9</num><content><p>y</p></content></article>`),
        ),
        file: "h.akn.xml",
      });
    expect(read).toThrow(
      "h.akn.xml: the act's structure cannot be kept: it has an annex that holds p and more, which an annex of an act cannot hold in that order or at all",
    );
  });

  it("refuses a provision inside another that cannot hold it, saying what holds what, instead of failing in the model", () => {
    const read = () =>
      readDocument({
        bytes: aknAct(
          `<article eId="art_1"><num>Article 1</num><content><p>x</p></content></article>`,
          annexOf(`<article eId="art_9"><num>Article 9</num><content><p>y</p></content></article>`),
        ),
        file: "h.akn.xml",
      });
    expect(read).toThrow(FormatError);
    expect(read).toThrow(
      "h.akn.xml: the act's structure cannot be kept: it has an annex that holds article, which an annex of an act cannot hold in that order or at all",
    );
  });
});

describe("writing a document that holds characters XML cannot hold", () => {
  it("writes them as U+FFFD, so that the file is still XML and reads back", () => {
    const stored = testAct({ body: [article("Article 1", null, "A\u0001x \ud800 end.")] });
    const xml = writeAkn(stored);
    expect(xml).toContain("A\ufffdx \ufffd end.");
    expect(readAkn(xml).doc.textContent).toContain("A\ufffdx \ufffd end.");
  });
});
