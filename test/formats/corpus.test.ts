/*
 * What every reader must show on every real act in the corpus: the counts of the act, an
 * Akoma Ntoso round trip that gives back the identical document and validates against the
 * OASIS schema, and a plain-text round trip that keeps every provision and word.
 */
import { describe, expect, it } from "vitest";
import type { Node } from "prosemirror-model";
import { readAkn } from "../../shared/formats/akn/read-akn";
import { writeAkn } from "../../shared/formats/akn/write-akn";
import { readText } from "../../shared/formats/text/read-text";
import { writeText } from "../../shared/formats/text/write-text";
import { summarize } from "../../shared/model/summary";
import { ownText, provisionsOf } from "../../shared/model/walk";
import { citationLabel, labelSteps } from "../../shared/model/labels";
import { fixtureDoc } from "../support/fixtures";
import { hasXmllint, validateAkn } from "../support/xmllint";

const CORPUS: readonly { file: string; recitals: number; articles: number; chapters?: number }[] = [
  { file: "eurlex/gdpr-2016-679.fmx.xml", recitals: 173, articles: 99, chapters: 11 },
  { file: "eurlex/gdpr-2016-679.xhtml", recitals: 173, articles: 99, chapters: 11 },
  { file: "eurlex/gdpr-2016-679-cons-2016.fmx.xml", recitals: 0, articles: 99, chapters: 11 },
  { file: "eurlex/gdpr-2016-679-cons.xhtml", recitals: 0, articles: 99, chapters: 11 },
  { file: "eurlex/dsa-2022-2065.xhtml", recitals: 156, articles: 93 },
  { file: "eurlex/dsa-2022-2065.fmx.zip", recitals: 156, articles: 93 },
  { file: "eurlex/dma-2022-1925.fmx.zip", recitals: 109, articles: 54 },
  { file: "eurlex/dga-2022-868.fmx.xml", recitals: 63, articles: 38 },
  { file: "eurlex/eprivacy-2002-58-cons-2006.fmx.xml", recitals: 49, articles: 21 },
  { file: "eurlex/eprivacy-2002-58-cons-2009.fmx.xml", recitals: 49, articles: 23 },
  { file: "dual-use/commission-proposal-2016.akn.xml", recitals: 10, articles: 7 },
];

/**
 * What plain text keeps: every numbered provision with its label, number and heading, and every
 * word in order. Unnumbered subparagraphs are inferred from lines, so they are not compared.
 */
function textShape(doc: Node): { provisions: string[]; words: string[] } {
  const visits = provisionsOf(doc);
  return {
    provisions: visits
      .filter((v) => v.type !== "subparagraph")
      .map((v) => [v.type, citationLabel(labelSteps([...v.ancestors, v.node])), v.node.attrs.num, v.node.attrs.heading].join(" | ")),
    words: visits.flatMap((v) => ownText(v.node).split(/\s+/).filter(Boolean)),
  };
}

describe.each(CORPUS)("$file", ({ file, recitals, articles, chapters }) => {
  const doc = fixtureDoc(file);
  const counts = summarize(doc).counts;

  it(`has ${recitals} recitals and ${articles} articles`, () => {
    expect(counts.recital ?? 0).toBe(recitals);
    expect(counts.article ?? 0).toBe(articles);
    if (chapters !== undefined) expect(counts.chapter).toBe(chapters);
  });

  it("has a distinct eId on every provision", () => {
    const eIds = provisionsOf(doc).map((v) => v.node.attrs.eId as string);
    expect(new Set(eIds).size).toBe(eIds.length);
  });

  it("reads back identical from the Akoma Ntoso it writes", () => {
    const back = readAkn(writeAkn(doc, "2026-11-28")).doc;
    expect(back.toJSON()).toEqual(doc.toJSON());
  });

  it.skipIf(!hasXmllint)("writes Akoma Ntoso that validates against the OASIS schema", () => {
    expect(validateAkn(writeAkn(doc, "2026-11-28"))).toBe("");
  });

  it("keeps every numbered provision and every word through plain text", () => {
    const back = readText(writeText(doc)).doc;
    expect(textShape(back)).toEqual(textShape(doc));
  });
});
