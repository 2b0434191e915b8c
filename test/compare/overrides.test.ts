/*
 * Overrides hold on long acts too: a pin joins provisions whose words no longer match, even
 * where the alignment only scores pairs that share rare words; and a pinned cell is as sure as
 * a pin says.
 */
import { describe, expect, it } from "vitest";
import { compareVersions } from "../../shared/compare/comparison";
import { comparisonHtml } from "../../shared/compare/comparison-html";
import { recital, testAct } from "../support/acts";
import { DUAL_USE_STAGES, fixtureDoc } from "../support/fixtures";

const topic = (i: number) => `The Union should act on matter${i} through measure${i} and safeguard${i} in the common interest.`;

describe("a pin", () => {
  it("joins, on a long level, a rewritten recital moved to the end with the recital it replaces", () => {
    const count = 60;
    const before = testAct({ preamble: Array.from({ length: count }, (_, i) => recital(`(${i + 1})`, topic(i + 1))) });
    const kept = Array.from({ length: count }, (_, i) => i + 1).filter((n) => n !== 3);
    const after = testAct({
      preamble: [
        ...kept.map((n, k) => recital(`(${k + 1})`, topic(n))),
        recital(`(${count})`, "Entirely different wording on export licensing and brokering registers."),
      ],
    });
    const unpinned = compareVersions([before, after]);
    expect(unpinned.rows.find((r) => r.cells[0]?.eId === "rec_3")!.cells[1]).toBeNull();
    const pinned = compareVersions([before, after], {
      overrides: [{ kind: "pin", a: { version: 0, eId: "rec_3" }, b: { version: 1, eId: `rec_${count}` } }],
    });
    const row = pinned.rows.find((r) => r.cells[0]?.eId === "rec_3")!;
    expect(row.cells[1]?.eId).toBe(`rec_${count}`);
    expect(row.status).toBe("moved");
  });

  it("leaves a pinned cell as sure as a pin, even beside an identical cell aligned before it", () => {
    const a = testAct({ preamble: [recital("(1)", "The Union should regulate exports of dual-use items to third countries.")] });
    const b = testAct({
      preamble: [
        recital("(1)", "The Union should regulate exports of dual-use items and cyber-surveillance technology to third countries."),
      ],
    });
    const unpinned = compareVersions([a, b, b]).rows.find((r) => r.cells[0]?.eId === "rec_1")!;
    // Identical cells are equally sure...
    expect(unpinned.cells[2]!.confidence).toBe(unpinned.cells[1]!.confidence);
    expect(unpinned.cells[1]!.confidence).toBeLessThan(1);
    // ...unless a person pinned one of them.
    const pinned = compareVersions([a, b, b], {
      overrides: [{ kind: "pin", a: { version: 0, eId: "rec_1" }, b: { version: 2, eId: "rec_1" } }],
    });
    expect(pinned.rows.find((r) => r.cells[0]?.eId === "rec_1")!.cells[2]!.confidence).toBe(1);
    // A pin elsewhere leaves identical cells equally sure.
    const elsewhere = compareVersions([a, b, b], {
      overrides: [{ kind: "pin", a: { version: 0, eId: "art_1" }, b: { version: 2, eId: "art_1" } }],
    }).rows.find((r) => r.cells[0]?.eId === "rec_1")!;
    expect(elsewhere.cells[2]!.confidence).toBe(elsewhere.cells[1]!.confidence);
  });

  it("says that one of two pins crossing each other moved, and where it now stands, whichever column is the reference", () => {
    const texts = [
      "Exports need an authorisation.",
      "Brokering needs one too.",
      "Transit may be prohibited.",
      "Technical assistance needs one.",
    ];
    const a = testAct({ preamble: texts.map((t, k) => recital(`(${k + 1})`, t)) });
    const b = testAct({ preamble: texts.map((t, k) => recital(`(${k + 1})`, t)) });
    const crossing = [
      { kind: "pin" as const, a: { version: 0, eId: "rec_2" }, b: { version: 1, eId: "rec_3" } },
      { kind: "pin" as const, a: { version: 0, eId: "rec_3" }, b: { version: 1, eId: "rec_2" } },
    ];
    for (const ref of [0, 1]) {
      const rows = compareVersions([a, b], { ref, overrides: crossing }).rows;
      const pinned = rows.filter((r) => r.cells[0]?.eId === "rec_2" || r.cells[0]?.eId === "rec_3");
      expect(pinned.map((r) => [r.cells[0]!.eId, r.cells[1]!.eId])).toEqual(
        ref === 0
          ? [
              ["rec_2", "rec_3"],
              ["rec_3", "rec_2"],
            ]
          : [
              ["rec_3", "rec_2"],
              ["rec_2", "rec_3"],
            ],
      );
      const other = 1 - ref;
      expect(pinned.map((r) => r.cells[other]!.status)).toEqual(["changed", "moved"]);
      expect(pinned[1]!.cells[other]!.note).toBe("moved: after Recital 1 in this version (pinned by hand)");
    }
  });

  it("changes nothing when it pins what the alignment found: the dual-use stages with every pair in order pinned", () => {
    const docs = DUAL_USE_STAGES.map(([, path]) => fixtureDoc(path));
    const found = compareVersions(docs);
    const pins = found.rows.flatMap((row) =>
      row.type === "preface" || row.type === "conclusions" || row.cells[0] === null
        ? []
        : row.cells.flatMap((cell, v) =>
            v === 0 || cell === null || ["moved", "split", "merged"].includes(cell.status ?? "")
              ? []
              : [{ kind: "pin" as const, a: { version: 0, eId: row.cells[0]!.eId }, b: { version: v, eId: cell.eId } }],
          ),
    );
    const unique = [...new Map(pins.map((p) => [JSON.stringify(p), p])).values()];
    expect(unique.length).toBeGreaterThan(100);
    const pinned = compareVersions(docs, { overrides: unique });
    const shape = (c: typeof found) => c.rows.map((r) => r.cells.map((cell) => (cell === null ? null : [cell.eId, cell.status])));
    expect(shape(pinned)).toEqual(shape(found));
  });
});

describe("overrides the table does not follow", () => {
  const docs = DUAL_USE_STAGES.map(([, path]) => fixtureDoc(path));
  const names = DUAL_USE_STAGES.map(([name]) => name);
  const side = (version: number, eId: string) => ({ version, eId });

  it("are said in the warnings, with why: paragraphs of articles in different rows, or the titles", () => {
    const { warnings } = compareVersions(docs, {
      names,
      overrides: [
        { kind: "pin", a: side(0, "art_4__para_3"), b: side(3, "art_5__para_3") },
        { kind: "separate", a: side(0, "preface"), b: side(1, "preface") },
        { kind: "pin", a: side(0, "rec_6"), b: side(2, "rec_5") },
      ],
    });
    expect(warnings).toEqual([
      "The correction putting Commission's Article 4(3) in one row with Regulation's Article 5(3) was not followed: Commission's Article 4 and Regulation's Article 5, which hold them, stand in different rows; put those in one row first",
      "The correction keeping Commission's Title apart from Parliament's Title was not followed: the act's title and its concluding formulas always stand in one row",
    ]);
  });

  it("are said when a provision is not in the table at all", () => {
    const { warnings } = compareVersions(docs.slice(0, 2), {
      names: names.slice(0, 2),
      overrides: [{ kind: "separate", a: side(0, "rec_99"), b: side(1, "rec_1") }],
    });
    expect(warnings).toEqual([
      "The correction keeping Commission's Recital 99 apart from Parliament's Recital 1 was not followed: this table shows no Recital 99 of Commission",
    ]);
  });
});

describe("the corrections a table was made with", () => {
  it("are said in words in the comparison and on the HTML page, so that a reader can tell rows placed by hand", () => {
    const docs = DUAL_USE_STAGES.map(([, path]) => fixtureDoc(path));
    const names = DUAL_USE_STAGES.map(([name]) => name);
    const corrected = compareVersions(docs, {
      names,
      overrides: [
        { kind: "pin", a: { version: 0, eId: "rec_6" }, b: { version: 2, eId: "rec_5" } },
        { kind: "separate", a: { version: 0, eId: "rec_1" }, b: { version: 1, eId: "rec_1" } },
      ],
    });
    expect(corrected.corrections).toEqual([
      `${names[0]}'s Recital 6 put in one row with ${names[2]}'s Recital 5`,
      `${names[0]}'s Recital 1 kept apart from ${names[1]}'s Recital 1`,
    ]);
    expect(comparisonHtml(corrected)).toContain(
      `<div class="corrections"><p>Alignment corrections made by hand:</p><ol><li>${names[0]}'s Recital 6 put in one row with`,
    );
    expect(compareVersions(docs, { names }).corrections).toEqual([]);
    // One the table cannot follow is marked, as the app's list marks it.
    const unfollowed = compareVersions(docs, {
      names,
      overrides: [{ kind: "separate", a: { version: 0, eId: "rec_99" }, b: { version: 1, eId: "rec_1" } }],
    });
    expect(unfollowed.corrections).toEqual([
      `${names[0]}'s Recital 99 kept apart from ${names[1]}'s Recital 1 (not followed: see the warnings)`,
    ]);
    expect(comparisonHtml(compareVersions(docs, { names }))).not.toContain("made by hand");
  });
});
