/*
 * What the table says in words, in the app and the HTML export alike: a diff that ran out of
 * time says it is shown rewritten, not merely "changed".
 */
import { describe, expect, it } from "vitest";
import { compareVersions } from "../../shared/compare/comparison";
import { comparisonHtml } from "../../shared/compare/comparison-html";
import { cellStatusWords, confidenceWords, hasOneCell } from "../../shared/compare/row-words";
import { DUAL_USE_STAGES, fixtureDoc } from "../support/fixtures";
import { act, p, provision } from "../../shared/model/build";

/** An annex of one long list, its few words in an order of the seed's: no word is unique to anchor a diff on. */
function annexOf(seed: number) {
  const words = ["items", "the", "exporter", "authority", "notify", "competent", "Member", "State", "of", "and"];
  const text = Array.from({ length: 4000 }, (_, i) => words[(i * seed + ((i * i) % 7)) % words.length]).join(" ");
  return act({
    body: [provision("article", { num: "Article 1" }, [p("The items in Annex I are listed.")])],
    annexes: [provision("annex", { num: "ANNEX I", heading: "List of items" }, [p(text)])],
  });
}

describe("a cell whose diff ran out of time", () => {
  const comparison = compareVersions([annexOf(3), annexOf(7)], { diffTimeLimitMs: 1 });
  const cell = comparison.rows.find((r) => r.label === "Annex I")!.cells[1]!;

  it("is shown removed and added whole, and says so in words", () => {
    expect(cell.rewritten).toBe(true);
    expect(cell.diff.map(([op]) => op)).toEqual(["-", "+"]);
    expect(cellStatusWords(cell)).toBe(
      "changed; rewritten: too many changes to mark word by word in time, so shown all removed and all added",
    );
  });

  it("says so in the HTML export too", () => {
    expect(comparisonHtml(comparison)).toContain(
      '<span class="status rewritten">changed; rewritten: too many changes to mark word by word in time, so shown all removed and all added</span>',
    );
  });
});

describe("the confidence beside a label", () => {
  // A row of two cells: one of one cell says nothing of its confidence.
  const row = (confidence: number) => ({ confidence, cells: [{}, {}] }) as Parameters<typeof confidenceWords>[0];

  it("is cut, not rounded, so that it never reads as sure, or as no longer uncertain, when it is not", () => {
    expect(confidenceWords(row(0.9))).toBeNull();
    expect(confidenceWords(row(0.899))).toBe("alignment 0.89");
    expect(confidenceWords(row(0.895))).toBe("alignment 0.89");
    expect(confidenceWords(row(0.5))).toBe("alignment 0.50");
    expect(confidenceWords(row(0.499))).toBe("uncertain alignment 0.49");
    expect(confidenceWords(row(0.29))).toBe("uncertain alignment 0.29");
    expect(confidenceWords(row(0.57))).toBe("alignment 0.57");
  });
});

describe("the confidence of a cell", () => {
  const pinned = compareVersions(
    DUAL_USE_STAGES.map(([, path]) => fixtureDoc(path)),
    { overrides: [{ kind: "pin", a: { version: 0, eId: "rec_5" }, b: { version: 2, eId: "rec_5" } }] },
  );
  const row = pinned.rows.find((r) => r.cells[0]?.eId === "rec_5")!;

  it("says which column of an uncertain row is uncertain: not the Council's recital pinned by hand, but the Regulation's", () => {
    expect(confidenceWords(row)).toBe("uncertain alignment 0.32");
    expect(row.cells.map((c) => c?.eId ?? null)).toEqual(["rec_5", "rec_5", "rec_5", "rec_9"]);
    expect(cellStatusWords(row.cells[2]!)).toBe("changed");
    expect(cellStatusWords(row.cells[3]!)).toBe("changed; uncertain alignment 0.32");
    expect(comparisonHtml(pinned)).toContain('<span class="status">changed; uncertain alignment 0.32</span>');
  });

  it("says nothing of the place of a cell alone in its row, where nothing stands beside it, in the cell or the label", () => {
    expect(hasOneCell(row)).toBe(false);
    // The Regulation's recital 2, new, with a confidence below the uncertain's.
    const alone = pinned.rows.find((r) => hasOneCell(r) && r.confidence < 0.5)!;
    expect(alone.cells.map((c) => c?.label ?? null)).toEqual([null, null, null, "Recital 2"]);
    expect(confidenceWords(alone)).toBeNull();
    expect(cellStatusWords(alone.cells[3]!, true)).toBe("inserted");
    expect(comparisonHtml(pinned, [alone])).not.toMatch(/uncertain alignment/);
  });
});
