/*
 * The preamble (<div id="pbl_1">): citations (cit_N), recitals (rct_N) and the formulas around
 * them. A formula is named by where it stands, not by its words: before the citations it opens
 * the preamble, before the recitals it introduces them, after the last recital it enacts.
 */
import type { Node } from "prosemirror-model";
import { formula, provision } from "../../model/build";
import type { XmlElement } from "../xml";
import { blocksOf, sequenceContent } from "./divisions";
import { itemsOf } from "./layout";
import type { Reading } from "./reading";
import { eliKind } from "./vocabulary";

type Entry = { kind: "words"; blocks: Node[] } | { kind: "citation" | "recital"; node: Node };

function readRecital(element: XmlElement, reading: Reading): Node {
  const items = itemsOf(element.children, reading);
  const only = items[0];
  if (items.length === 1 && only?.kind === "point") return provision("recital", { num: only.num }, sequenceContent(only.items));
  reading.warn(element, `recital <div id="${element.attrs.id ?? ""}"> not laid out as its number beside its text; read without a number`);
  return provision("recital", {}, sequenceContent(items));
}

/** The formula's name from the provisions around it. */
function formulaName(before: Entry | undefined, after: Entry | undefined): string {
  if (!before) return "preambleInit";
  if (!after) return "enactingFormula";
  if (before.kind === "citation" && after.kind === "recital") return "recitalsIntro";
  return "formula";
}

export function readPreamble(element: XmlElement, reading: Reading): Node[] {
  const entries: Entry[] = [];
  for (const node of element.children) {
    const kind = node.kind === "element" ? eliKind(node) : null;
    if (node.kind === "element" && kind === "cit") {
      entries.push({ kind: "citation", node: provision("citation", {}, blocksOf(itemsOf(node.children, reading))) });
    } else if (node.kind === "element" && kind === "rct") {
      entries.push({ kind: "recital", node: readRecital(node, reading) });
    } else {
      const blocks = blocksOf(itemsOf([node], reading));
      if (blocks.length === 0) continue;
      const last = entries[entries.length - 1];
      if (last?.kind === "words") last.blocks.push(...blocks);
      else entries.push({ kind: "words", blocks });
    }
  }
  return entries.map((entry, i) => {
    if (entry.kind !== "words") return entry.node;
    return formula(formulaName(entries[i - 1], entries[i + 1]), entry.blocks);
  });
}
