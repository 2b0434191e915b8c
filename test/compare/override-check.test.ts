/*
 * The check of alignment overrides before they are kept, on the dual-use dossier's four stages
 * (versions 1 to 4 here): each override that alignment would drop or quietly settle is named,
 * with what is wrong with it; sound ones pass.
 */
import { describe, expect, it } from "vitest";
import type { AlignmentOverride } from "../../shared/compare/alignment";
import { alignableProvisions, overrideProblems } from "../../shared/compare/override-check";
import { DUAL_USE_STAGES, fixtureDoc } from "../support/fixtures";

const provisions = new Map(DUAL_USE_STAGES.map(([, path], k) => [k + 1, alignableProvisions(fixtureDoc(path))]));
const check = (...overrides: AlignmentOverride[]) => overrideProblems(overrides, (v) => provisions.get(v));
const pin = (va: number, a: string, vb: number, b: string): AlignmentOverride => ({
  kind: "pin",
  a: { version: va, eId: a },
  b: { version: vb, eId: b },
});
const separate = (va: number, a: string, vb: number, b: string): AlignmentOverride => ({ ...pin(va, a, vb, b), kind: "separate" });

describe("the provisions an override may name", () => {
  it("are those alignment compares, with their kinds and labels", () => {
    const commission = provisions.get(1)!;
    expect(commission.get("rec_6")).toEqual({ type: "recital", label: "Recital 6" });
    expect(commission.get("art_4__para_1")).toEqual({ type: "paragraph", label: "Article 4(1)" });
    expect(commission.get("preface")).toEqual({ type: "preface", label: "Title" });
  });

  it("include a list's concluding words, as the Parliament's Article 2(1a) has them", () => {
    expect(provisions.get(2)!.get("art_2__point_1a__wrapup")).toEqual({ type: "subparagraph", label: "Article 2(1a), concluding words" });
  });
});

describe("overrides", () => {
  it("pass when each names provisions the versions have, of one kind, once", () => {
    expect(
      check(
        pin(1, "rec_6", 3, "rec_5"),
        separate(2, "rec_7", 3, "rec_7"),
        pin(1, "art_1", 4, "art_1"),
        pin(2, "art_2__point_1a__wrapup", 1, "art_4__para_1"),
      ),
    ).toEqual([]);
  });

  it("are refused when they name a provision a version does not have", () => {
    expect(check(pin(1, "art_999", 3, "nonsense"))).toEqual([
      "override 1 names art_999, which version 1 does not have, and nonsense, which version 3 does not have",
    ]);
    expect(check(separate(1, "rec_6", 9, "rec_6"))).toEqual(["override 1 names version 9, which is not among the versions"]);
  });

  it("are refused when they name two provisions of one version, or one provision twice", () => {
    expect(check(pin(1, "rec_6", 1, "rec_7"), separate(2, "rec_6", 2, "rec_6"))).toEqual([
      "override 1 names two provisions of version 1: an override joins or separates provisions of two versions",
      "override 2 names two provisions of version 2: an override joins or separates provisions of two versions",
    ]);
  });

  it("pass when a pin joins an article to a paragraph, as an article of words alone stands in its paragraph's row", () => {
    expect(check(pin(1, "art_1", 2, "art_4__para_1"))).toEqual([]);
  });

  it("are refused when they name the title or the concluding formulas, which always share a row", () => {
    expect(check(separate(1, "preface", 2, "preface"), pin(1, "conclusions", 4, "conclusions"))).toEqual([
      "override 1 names the act's title or its concluding formulas, which always stand in one row",
      "override 2 names the act's title or its concluding formulas, which always stand in one row",
    ]);
  });

  it("are refused when a pin joins kinds that never share a row, as a recital and an article", () => {
    expect(check(pin(1, "rec_6", 2, "art_1"))).toEqual([
      "override 1 pins version 1's Recital 6 to version 2's Article 1: only provisions of one kind can share a row",
    ]);
  });

  it("are refused when a pair is named twice, pinned and separated or pinned again either way round", () => {
    expect(check(pin(1, "rec_6", 3, "rec_5"), separate(1, "rec_6", 3, "rec_5"), pin(3, "rec_5", 1, "rec_6"))).toEqual([
      "overrides 1 and 2 both name version 1's Recital 6 and version 3's Recital 5: keep one of them",
      "overrides 1 and 3 both name version 3's Recital 5 and version 1's Recital 6: keep one of them",
    ]);
  });

  it("are refused when pins put two provisions of one version in a row, directly or through a chain", () => {
    expect(check(pin(1, "rec_6", 3, "rec_5"), pin(1, "rec_6", 3, "rec_6"))).toEqual([
      "pins 1 and 2 put Recital 5 and Recital 6 of version 3 in one row: a row holds one provision of each version",
    ]);
    expect(check(pin(1, "rec_6", 2, "rec_7"), pin(2, "rec_7", 3, "rec_5"), pin(1, "rec_6", 3, "rec_7"))).toEqual([
      "pins 1, 2 and 3 put Recital 5 and Recital 7 of version 3 in one row: a row holds one provision of each version",
    ]);
  });

  it("are refused when a separate names two provisions that pins join", () => {
    expect(check(pin(1, "rec_6", 2, "rec_7"), pin(2, "rec_7", 3, "rec_5"), separate(1, "rec_6", 3, "rec_5"))).toEqual([
      "override 3 separates version 1's Recital 6 and version 3's Recital 5, which pins join in one row",
    ]);
  });
});
