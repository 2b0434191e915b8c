/*
 * Overrides hold on long acts too: a pin joins provisions whose words no longer match, even
 * where the alignment only scores pairs that share rare words.
 */
import { describe, expect, it } from "vitest";
import { compareVersions } from "../../shared/compare/comparison";
import { recital, testAct } from "../support/acts";

const topic = (i: number) => `The Union should act on matter${i} through measure${i} and safeguard${i} in the common interest.`;

describe("a pin on a long level", () => {
  it("joins a rewritten recital moved to the end with the recital it replaces", () => {
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
});
