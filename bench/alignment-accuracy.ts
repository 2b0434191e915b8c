/*
 * How many provisions a comparison aligned correctly, judged by guids: the seeded edits keep a
 * provision's guid in every version, so a provision is aligned correctly when its row holds
 * exactly the provisions that share its guid, one per version that has it.
 */
import type { Node } from "prosemirror-model";
import type { Comparison } from "../shared/compare/comparison";
import { provisionsOf } from "../shared/model/walk";

export function alignmentAccuracy(
  comparison: Comparison,
  versions: readonly Node[],
): { provisions: number; correct: number; accuracy: number } {
  const guidOf = versions.map((doc) => new Map(provisionsOf(doc).map((v) => [v.node.attrs.eId as string, v.node.attrs.guid as string])));
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
