/*
 * How many provisions a comparison aligned correctly, judged by guids: the seeded edits keep a
 * provision's guid in every version, so a provision is aligned correctly when its row holds
 * exactly the provisions that share its guid, one per version that has it.
 */
import type { Node } from "prosemirror-model";
import type { Comparison } from "../shared/compare/comparison";
import { ownTextParts, provisionsOf } from "../shared/model/walk";
import { CONCLUDING_EID } from "../shared/compare/comparable";
import { CONCLUSIONS, PREFACE } from "../shared/compare/framing";
import { GROUP_TYPES } from "../shared/model/schema";

const GROUPS: ReadonlySet<string> = new Set(GROUP_TYPES);

export function alignmentAccuracy(
  comparison: Comparison,
  versions: readonly Node[],
): { provisions: number; correct: number; accuracy: number } {
  const guidOf = versions.map((doc) => {
    // The act's title and its concluding formulas are a row each, under the same name in every version.
    const guids = new Map<string, string>([
      [PREFACE, PREFACE],
      [CONCLUSIONS, CONCLUSIONS],
    ]);
    for (const { node } of provisionsOf(doc)) {
      guids.set(node.attrs.eId as string, node.attrs.guid as string);
      // Concluding words after a list have a row of their own: they are the provision's, under a name of their own.
      if (!GROUPS.has(node.type.name) && ownTextParts(node).concluding !== "")
        guids.set(`${node.attrs.eId as string}${CONCLUDING_EID}`, `${node.attrs.guid as string}/concluding`);
    }
    return guids;
  });
  const versionsWithGuid = new Map<string, number>();
  guidOf.forEach((map) => {
    for (const guid of map.values()) versionsWithGuid.set(guid, (versionsWithGuid.get(guid) ?? 0) + 1);
  });
  let provisions = 0;
  let correct = 0;
  for (const row of comparison.rows) {
    const guids = row.cells.map((cell, v) => (cell === null ? null : guidOf[v]!.get(cell.eId)!));
    for (const guid of guids) {
      if (guid === null) continue;
      provisions++;
      const same = guids.filter((g) => g === guid).length;
      if (same === guids.filter((g) => g !== null).length && same === versionsWithGuid.get(guid)) correct++;
    }
  }
  return { provisions, correct, accuracy: Math.round((correct / provisions) * 10000) / 100 };
}
