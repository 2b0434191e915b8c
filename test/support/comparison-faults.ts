/*
 * What is wrong with a comparison, whatever its rows say: a version's provision missing from
 * its column, shown twice, or out of its reading order (moved provisions excepted).
 */
import type { Node } from "prosemirror-model";
import type { Comparison } from "../../shared/compare/comparison";
import { ComparableMaker, type Comparable } from "../../shared/compare/comparable";
import { Lexicon } from "../../shared/compare/lexicon";

/** A version's provisions in reading order, by eId, as alignment sees them. */
function readingOrder(doc: Node): string[] {
  const sequences = new ComparableMaker(new Lexicon()).sequencesOf(doc, 0);
  const order: string[] = [];
  const walk = (c: Comparable) => {
    order.push(c.eId);
    c.children.forEach(walk);
  };
  for (const part of [sequences.preface, sequences.citations, sequences.recitals, sequences.body, sequences.annexes]) part.forEach(walk);
  return order;
}

/** What is wrong with a comparison: provisions missing, repeated or out of order in their column. */
export function faults(comparison: Comparison, docs: readonly Node[]): string[] {
  const found: string[] = [];
  docs.forEach((doc, v) => {
    const order = readingOrder(doc);
    const position = new Map(order.map((eId, i) => [eId, i]));
    const seen = new Map<string, string[]>();
    let last = -1;
    let movedDepth: number | null = null;
    comparison.rows.forEach((row) => {
      if (movedDepth !== null && row.depth <= movedDepth) movedDepth = null;
      const cell = row.cells[v] ?? null;
      if (cell === null) return;
      seen.set(cell.eId, [...(seen.get(cell.eId) ?? []), cell.text]);
      // A moved provision, and what is under it, stand out of order by design.
      if (cell.status === "moved") movedDepth ??= row.depth;
      if (movedDepth !== null) return;
      if (position.get(cell.eId)! < last) found.push(`column ${v}: ${cell.eId} out of order`);
      last = Math.max(last, position.get(cell.eId)!);
    });
    for (const eId of order) {
      const texts = seen.get(eId) ?? [];
      // A provision whose own words stand in a paragraph's row has a second cell, without words.
      if (texts.length === 0 || texts.length > 2 || (texts.length === 2 && !texts.includes("")))
        found.push(`column ${v}: ${eId} shown ${texts.length} times`);
    }
  });
  return found;
}
