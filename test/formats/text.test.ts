import { describe, expect, it } from "vitest";
import { readText } from "../../shared/formats/text/read-text";
import { writeText } from "../../shared/formats/text/write-text";
import { outline, type OutlineNode } from "../../shared/model/outline";
import type { Node } from "prosemirror-model";

const REGULATION = `REGULATION (EU) 2021/821 OF THE EUROPEAN PARLIAMENT AND OF THE COUNCIL
of 20 May 2021

THE EUROPEAN PARLIAMENT AND THE COUNCIL OF THE EUROPEAN UNION,
Having regard to the Treaty on the Functioning of the European Union, and in particular Article 207(2) thereof,
Acting in accordance with the ordinary legislative procedure [1],
Whereas:
(1) Council Regulation (EC) No 428/2009 has been significantly amended.
(2) An effective common system of export controls on dual-use items is necessary.
HAVE ADOPTED THIS REGULATION:

CHAPTER I
SUBJECT AND DEFINITIONS

Article 1
This Regulation sets up a Union regime for the control of exports of dual-use items.

Article 2
Definitions
For the purposes of this Regulation, the following definitions apply:
(1) 'dual-use items' means items, including software and technology, which can be used for both civil and military purposes;
(20) 'cyber-surveillance items' means dual-use items specially designed to enable the covert surveillance of natural persons;

CHAPTER II
SCOPE

Article 5
Export of cyber-surveillance items
1. An authorisation shall be required for the export of cyber-surveillance items if the exporter has been informed that the items are intended:
(a) for use in connection with internal repression; or
(b) for the commission of serious violations of human rights:
(i) listed in the Charter;
(ii) in international humanitarian law, including:
— torture;
— enforced disappearance.
2. Where an exporter is aware that items are intended for such use, the exporter shall notify the competent authority.
That competent authority shall promptly decide.

ANNEX I
LIST OF DUAL-USE ITEMS
1. Nuclear materials, facilities and equipment
____________
[1] Position of the European Parliament of 25 March 2021.
`;

const find = (nodes: OutlineNode[], eId: string): OutlineNode | undefined => {
  for (const n of nodes) {
    if (n.eId === eId) return n;
    const inner = find(n.children, eId);
    if (inner) return inner;
  }
  return undefined;
};

describe("the plain-text reader", () => {
  const { doc, warnings } = readText(REGULATION);
  const { title, provisions } = outline(doc);

  it("takes the first lines as the title and the preamble's lines as citations and recitals", () => {
    expect(title).toBe("REGULATION (EU) 2021/821 OF THE EUROPEAN PARLIAMENT AND OF THE COUNCIL of 20 May 2021");
    expect(provisions.filter((p) => p.type === "citation").map((p) => p.eId)).toEqual(["cit_1", "cit_2"]);
    expect(find(provisions, "rec_2")?.text).toBe("An effective common system of export controls on dual-use items is necessary.");
    expect(warnings).toEqual([]);
  });

  it("reads chapters, articles with and without headings, paragraphs, points and indents", () => {
    expect(provisions.filter((p) => p.type === "chapter").map((c) => [c.num, c.heading, c.children.map((a) => a.eId)])).toEqual([
      ["CHAPTER I", "SUBJECT AND DEFINITIONS", ["art_1", "art_2"]],
      ["CHAPTER II", "SCOPE", ["art_5"]],
    ]);
    expect(find(provisions, "art_1")).toMatchObject({
      heading: null,
      text: "This Regulation sets up a Union regime for the control of exports of dual-use items.",
    });
    expect(find(provisions, "art_2__point_20")?.text).toMatch(/^'cyber-surveillance items' means/);
    expect(find(provisions, "art_5__para_1__point_b__point_ii__indent_2")?.text).toBe("enforced disappearance.");
  });

  it("tells a roman (i) under a letter from the letter (i) after (h)", () => {
    const para1 = find(provisions, "art_5__para_1")!;
    expect(para1.children.map((c) => c.num)).toEqual(["(a)", "(b)"]);
    expect(find(provisions, "art_5__para_1__point_b")!.children.map((c) => c.num)).toEqual(["(i)", "(ii)"]);
    const letters = readText("Article 1\nIntro:\n(a) a;\n(b) b;\n(c) c;\n(d) d;\n(e) e;\n(f) f;\n(g) g;\n(h) h;\n(i) i;\n(j) j.\n").doc;
    expect(
      outline(letters)
        .provisions[0]!.children.map((c) => c.num)
        .join(""),
    ).toBe("(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)");
  });

  it("makes unnumbered subparagraphs of successive lines of words", () => {
    expect(find(provisions, "art_5__para_2")!.children.map((c) => [c.eId, c.text])).toEqual([
      [
        "art_5__para_2__subpara_1",
        "Where an exporter is aware that items are intended for such use, the exporter shall notify the competent authority.",
      ],
      ["art_5__para_2__subpara_2", "That competent authority shall promptly decide."],
    ]);
  });

  it("reads footnotes after the separator and their references as references, not words", () => {
    expect(find(provisions, "cit_2")?.text).toBe("Acting in accordance with the ordinary legislative procedure,");
    const notes = doc.lastChild!;
    expect(notes.type.name).toBe("footnotes");
    expect(notes.firstChild!.attrs.marker).toBe("1");
    expect(notes.textContent).toBe("Position of the European Parliament of 25 March 2021.");
  });

  it("reads annexes with their headings and numbered points", () => {
    expect(find(provisions, "anx_I")).toMatchObject({ num: "ANNEX I", heading: "LIST OF DUAL-USE ITEMS" });
    expect(find(provisions, "anx_I__point_1")?.text).toBe("Nuclear materials, facilities and equipment");
  });

  it("ends the title at the first article when no blank line follows it", () => {
    const { title, provisions } = outline(
      readText("REGULATION ON SMALL THINGS\nArticle 1\nThe Member States shall ensure things.\nArticle 2\nThe Commission shall report.\n")
        .doc,
    );
    expect(title).toBe("REGULATION ON SMALL THINGS");
    expect(provisions.map((p) => [p.eId, p.text])).toEqual([
      ["art_1", "The Member States shall ensure things."],
      ["art_2", "The Commission shall report."],
    ]);
  });

  it("reads French and German article, chapter and annex words", () => {
    const fr = outline(
      readText("CHAPITRE I\nDispositions générales\nArticle premier\n\nArticle 2\nDéfinitions\n1. Texte.\nANNEXE I\nListe\n").doc,
    ).provisions;
    expect(fr.map((p) => [p.type, p.eId])).toEqual([
      ["chapter", "chp_I"],
      ["annex", "anx_I"],
    ]);
    const de = outline(readText("KAPITEL II\nAusfuhr\nArtikel 5\nAusfuhr von Gütern\n1. Text.\nANHANG I\nListe\n").doc).provisions;
    expect(de.map((p) => [p.type, p.eId, p.children.map((c) => c.eId)])).toEqual([
      ["chapter", "chp_II", ["art_5"]],
      ["annex", "anx_I", []],
    ]);
  });

  it("reads back what the plain-text writer writes", () => {
    const again = outline(readText(writeText(doc)).doc);
    expect(again.provisions).toEqual(provisions);
  });
});

describe("points numbered out of order in plain text", () => {
  it('are kept in the open list of their kind, not nested in it: a thousand "(a)" make one list of a thousand points', () => {
    const text = `Regulation X\nArticle 1\nThe following apply:\n${"(a) words;\n".repeat(1000)}`;
    const { doc, warnings } = readText(text, "repeated.txt");
    let article: Node | null = null;
    doc.forEach((part) => {
      if (part.type.name === "body") article = part.child(0);
    });
    if (article === null) throw new Error("no body");
    const points: Node[] = [];
    (article as Node).forEach((child) => {
      if (child.type.name === "point") points.push(child);
    });
    expect(points).toHaveLength(1000);
    expect(points.every((point) => point.childCount === 1 && point.child(0).type.name === "p")).toBe(true);
    // Each eId unique: the first "(a)" as it is, the others counted on.
    expect(points.slice(0, 3).map((point) => point.attrs.eId)).toEqual(["art_1__point_a", "art_1__point_a_2", "art_1__point_a_3"]);
    expect(points[999]!.attrs.eId).toBe("art_1__point_a_1000");
    expect(warnings).toEqual([
      {
        message: 'a point numbered out of order (as "(a)" after "(a)") kept in the open list of its kind (999 times; first shown)',
        location: { file: "repeated.txt", line: 5 },
      },
    ]);
  });
});

describe("points of an amending act in plain text", () => {
  const eIds = (text: string) => {
    const out: string[] = [];
    const walk = (nodes: OutlineNode[]) =>
      nodes.forEach((n) => {
        out.push(n.eId);
        walk(n.children);
      });
    walk(outline(readText(text).doc).provisions);
    return out;
  };

  it("nest a list a point announces with a colon, whatever its kind, as amending acts write them", () => {
    const text =
      "Regulation X\nArticle 1\nRegulation Y is amended as follows:\n(1) Article 4 is amended as follows:\n(a) point (1) is replaced by the following:\n(1) first;\n(2) second;\n(b) point (3) is deleted;\n(2) Article 5 is deleted.\n";
    expect(eIds(text)).toEqual([
      "art_1",
      "art_1__point_1",
      "art_1__point_1__point_a",
      "art_1__point_1__point_a__point_1",
      "art_1__point_1__point_a__point_2",
      "art_1__point_1__point_b",
      "art_1__point_2",
    ]);
    expect(readText(text).warnings).toEqual([]);
  });

  it("nest no deeper than eight, however many lists are announced", () => {
    const { doc, warnings } = readText(`R\nArticle 1\n${"(a) x:\n(1) y:\n".repeat(1000)}`, "deep.txt");
    let deepest = 0;
    doc.descendants((node) => {
      const eId = node.attrs.eId as unknown;
      if (typeof eId === "string") deepest = Math.max(deepest, eId.split("__point_").length - 1);
    });
    expect(deepest).toBe(8);
    expect(warnings.map((w) => w.message)).toEqual(["points nested more than 8 deep kept at the 8th level (1992 times; first shown)"]);
  });
});

describe("control characters in plain text", () => {
  it("are read as spaces, said once with the line of the first, so that what is written of the act is XML", () => {
    const { doc, warnings } = readText("Regulation X\nArticle 1\n1. A\u0001x\u001bx end.\u0000\n", "c.txt");
    expect(doc.textContent).toContain("A x x end.");
    expect(warnings).toEqual([
      { message: "3 control characters (no text, such as NUL or escape) read as spaces", location: { file: "c.txt", line: 3 } },
    ]);
  });
});

describe("a demonstration text's notice in plain text", () => {
  it("is written on the first line and read back as the notice, not as the title", () => {
    const notice = "Abridged demonstration; not the authentic text.";
    const { doc } = readText(`NOTICE: ${notice}\n\nRegulation X\n\nArticle 1\nWords.\n`);
    expect(doc.attrs.notice).toBe(notice);
    expect(doc.firstChild!.textContent).toBe("Regulation X");
    const written = writeText(doc);
    expect(written.split("\n").slice(0, 3)).toEqual([`NOTICE: ${notice}`, "", "Regulation X"]);
    expect(readText(written).doc.attrs.notice).toBe(notice);
  });
});
