/*
 * Fitting read content to what its place in the schema may hold. Where only words may stand (a
 * footnote, a formula, a table cell, a quoted passage of another act) provisions become paragraphs
 * keeping their printed number; inside an article a headed group becomes its heading and content.
 */
import type { Node } from "prosemirror-model";
import { p } from "../model/build";
import { legalSchema } from "../model/schema";

/** What a place may hold besides blocks: divisions (an article, a point), or blocks only. */
export type Holding = "divisions" | "blocks";

/** `nodes` with every provision the place may not hold replaced by its words. */
export function fitTo(nodes: readonly Node[], holding: Holding): Node[] {
  const out: Node[] = [];
  for (const node of nodes) {
    const group = node.type.spec.group;
    if (group === "block" || (group === "division" && holding === "divisions")) {
      out.push(node);
      continue;
    }
    const num = node.attrs.num as string | null;
    const heading = node.attrs.heading as string | null;
    const inner: Node[] = [];
    node.forEach((child) => inner.push(child));
    const words = fitTo(inner, holding);
    if (group === "division" && num !== null && heading === null && words[0]?.type.name === "p") {
      out.push(numbered(words[0], num), ...words.slice(1));
    } else {
      if (num !== null) out.push(p(num));
      if (heading !== null) out.push(p(heading));
      out.push(...words);
    }
  }
  return out;
}

/** A paragraph with a printed number before its words: "(a) the data subject has given consent...". */
function numbered(paragraph: Node, num: string): Node {
  const first = paragraph.firstChild;
  const marks = first?.isText ? first.marks : [];
  const prefix = legalSchema.text(paragraph.childCount > 0 ? `${num} ` : num, marks);
  const content: Node[] = [prefix];
  paragraph.forEach((child) => content.push(child));
  return legalSchema.nodes.p!.create(null, content);
}
