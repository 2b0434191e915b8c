/*
 * Footnotes in the comparison: their words are the provision's that refers to them, and are
 * compared; their numbers are where they fall in the act's count, and are not. The GDPR's
 * Official Journal text numbers the footnotes of Articles 4(25), 43(1)(b) and 76(2) 19, 20 and
 * 21, after those of its recitals; its consolidation, without recitals, numbers them 1, 2 and 3.
 */
import { describe, expect, it } from "vitest";
import type { Node } from "prosemirror-model";
import { compareVersions, type Comparison, type ComparisonRow } from "../../shared/compare/comparison";
import { comparisonHtml } from "../../shared/compare/comparison-html";
import { filterRows } from "../../shared/compare/filters";
import { readDocument } from "../../shared/formats/read";
import { footnoteDiffs } from "../../shared/compare/footnote-diff";
import { Lexicon } from "../../shared/compare/lexicon";
import { DUAL_USE_STAGES, fixtureBytes, fixtureDoc } from "../support/fixtures";

const GDPR = "eurlex/gdpr-2016-679.fmx.xml";
const CONSOLIDATED = "eurlex/gdpr-2016-679-cons-2016.fmx.xml";

const gdprXml = (): string => new TextDecoder().decode(fixtureBytes(GDPR));

/** The GDPR's Official Journal text with one passage of its Formex replaced, as another version would have it. */
function gdprWith(passage: string, replacement: string): Node {
  const xml = gdprXml();
  expect(xml.split(passage)).toHaveLength(2);
  return readDocument({ bytes: new TextEncoder().encode(xml.replace(passage, replacement)), file: "gdpr-edited.fmx.xml" }).doc;
}

const rowOf = (comparison: Comparison, label: string): ComparisonRow => comparison.rows.find((r) => r.label === label)!;

describe("footnotes in a comparison of the GDPR with its consolidated text", () => {
  const comparison = compareVersions([fixtureDoc(GDPR), fixtureDoc(CONSOLIDATED)]);

  it("shows each footnote under the words that refer to it, with the marker each version prints", () => {
    const row = rowOf(comparison, "Article 4(25)");
    const text =
      "Directive (EU) 2015/1535 of the European Parliament and of the Council of 9 September 2015 laying down a procedure for the " +
      "provision of information in the field of technical regulations and of rules on Information Society services (OJ L 241, 17.9.2015, p. 1).";
    expect(row.cells[0]!.footnotes).toEqual([{ marker: "19", text, diff: [["=", text]] }]);
    expect(row.cells[1]!.footnotes).toEqual([{ marker: "1", text, diff: [["=", text]] }]);
  });

  it("does not count a footnote's new number as a change", () => {
    for (const [label, inJournal, consolidated] of [
      ["Article 4(25)", "19", "1"],
      ["Article 43(1)(b)", "20", "2"],
      ["Article 76(2)", "21", "3"],
    ] as const) {
      const row = rowOf(comparison, label);
      expect(row.status, label).toBe("same");
      expect(row.cells.map((c) => c!.footnotes!.map((n) => n.marker))).toEqual([[inJournal], [consolidated]]);
    }
  });

  it("leaves out the footnotes field of a cell that refers to none", () => {
    expect(rowOf(comparison, "Article 4(24)").cells.every((c) => c !== null && !("footnotes" in c))).toBe(true);
  });

  it("finds a row by the words of its footnotes", () => {
    const found = filterRows(comparison, { search: "public access to European Parliament, Council and Commission documents" });
    expect(found.map((r) => r.label)).toEqual(["Article 76", "Article 76(2)"]);
  });
});

describe("a footnote whose words change", () => {
  // The Official Journal writes "p.\u00a01", with a no-break space.
  const edited = gdprWith("OJ L 241, 17.9.2015, p.\u00a01</REF.DOC.OJ>", "OJ L 241, 17.9.2015, p.\u00a011</REF.DOC.OJ>");
  const comparison = compareVersions([fixtureDoc(GDPR), edited]);
  const row = rowOf(comparison, "Article 4(25)");

  it("changes the provision that refers to it, though its own words are the same", () => {
    expect(row.status).toBe("changed");
    expect(row.cells[1]!.diff).toEqual([["=", row.cells[0]!.text]]);
    expect(comparison.rows.filter((r) => r.status !== "same").map((r) => r.label)).toEqual(["Article 4(25)"]);
  });

  it("is diffed word by word against the reference's footnote", () => {
    expect(row.cells[1]!.footnotes![0]!.diff.filter(([op]) => op !== "=")).toEqual([
      ["-", "1"],
      ["+", "11"],
    ]);
  });

  it("shows in the HTML under the provision's words, its change marked", () => {
    const html = comparisonHtml(comparison);
    expect(html).toContain('<span class="footnote"><sup>1' + "9</sup>");
    expect(html).toMatch(/<sup>19<\/sup>[^<]*\(OJ L 241, 17\.9\.2015, p\. <del>1<\/del><ins class="apart">11<\/ins>\)/);
  });
});

describe("a footnote a version no longer has", () => {
  // Article 76(2)'s footnote, on Regulation (EC) No 1049/2001.
  const note = /<NOTE NOTE\.ID="E0021".*?<\/NOTE>/s.exec(gdprXml())![0];
  const comparison = compareVersions([fixtureDoc(GDPR), gdprWith(note, "")]);

  it("is shown struck through, without a marker, in the provision that referred to it", () => {
    const row = rowOf(comparison, "Article 76(2)");
    expect(row.status).toBe("changed");
    expect(row.cells[1]!.footnotes).toEqual([
      {
        marker: null,
        text: "",
        diff: [
          [
            "-",
            "Regulation (EC) No 1049/2001 of the European Parliament and of the Council of 30 May 2001 regarding public access to European Parliament, Council and Commission documents (OJ L 145, 31.5.2001, p. 43).",
          ],
        ],
      },
    ]);
  });

  it("is in the other direction a footnote added, whole", () => {
    const reversed = compareVersions([gdprWith(note, ""), fixtureDoc(GDPR)]);
    const added = rowOf(reversed, "Article 76(2)").cells[1]!.footnotes!;
    expect(added.map((n) => [n.marker, n.diff.map(([op]) => op)])).toEqual([["21", ["+"]]]);
  });
});

describe("the footnote diff", () => {
  const lexicon = new Lexicon();
  const note = (marker: string, text: string) => ({ marker, text, tokens: lexicon.tokens(text) });
  const differ = { lexicon, limit: 100 };

  it("matches footnotes on their words, so that one added before the others leaves them unchanged", () => {
    const reference = [note("1", "OJ L 119, 4.5.2016, p. 1."), note("2", "OJ L 201, 31.7.2002, p. 37.")];
    const notes = [
      note("1", "OJ C 229, 31.7.2012, p. 90."),
      note("2", "OJ L 119, 4.5.2016, p. 1."),
      note("3", "OJ L 201, 31.7.2002, p. 37."),
    ];
    expect(footnoteDiffs(reference, notes, differ).map((n) => [n.marker, n.diff.map(([op]) => op)])).toEqual([
      ["1", ["+"]],
      ["2", ["="]],
      ["3", ["="]],
    ]);
  });

  it("shows a lost footnote without words (an image, say) with no span at all, not an empty one", () => {
    expect(footnoteDiffs([note("1", "")], [], differ)).toEqual([{ marker: null, text: "", diff: [] }]);
  });
});

describe("the Parliament's amendment numbers", () => {
  it("are side notes, not footnotes", () => {
    const comparison = compareVersions(DUAL_USE_STAGES.map(([, path]) => fixtureDoc(path)));
    const withAmendments = comparison.rows.flatMap((r) => r.cells).filter((c) => c?.amendments !== undefined);
    expect(withAmendments.length).toBeGreaterThan(20);
    expect(comparison.rows.flatMap((r) => r.cells).filter((c) => c?.footnotes !== undefined)).toEqual([]);
  });
});
