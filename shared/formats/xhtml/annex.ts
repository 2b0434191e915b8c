/*
 * Annexes (<div id="anx_I">): the number line ("ANNEX I") and heading lines, then the content,
 * divided by the headings of numbered sequences (oj-ti-grseq-N, title-gr-seq-level-N) into
 * groups nested by their level. Points and tables are read as in the articles.
 */
import type { Node } from "prosemirror-model";
import { provision } from "../../model/build";
import { groupTypeOf } from "../groups";
import type { XmlElement, XmlNode } from "../xml";
import { sequenceContent } from "./divisions";
import { lineOf } from "./inline";
import { itemsOf, type Item } from "./layout";
import type { Reading } from "./reading";
import { hasRole, isWordless, sequenceLevel } from "./vocabulary";

interface Sequence {
  readonly level: number;
  readonly num: string | null;
  readonly heading: string | null;
  readonly items: Item[];
  readonly sequences: Sequence[];
}

/** A sequence heading's enumerator: "1.", "1.2.", "A.", "(a)", "IV". */
const ENUMERATOR = /^\(?(?:\d+(?:\.\d+)*|[A-Za-z]|[IVXLCDM]+)[.)]?$/;

/** "1.   General requirements" -> num "1.", heading "General requirements"; a line without an enumerator is a heading. */
function numAndHeading(line: string | null): { num: string | null; heading: string | null } {
  if (line === null) return { num: null, heading: null };
  const [first = "", ...words] = line.split(" ");
  if (!ENUMERATOR.test(first)) return { num: null, heading: line };
  return { num: first, heading: words.length > 0 ? words.join(" ") : null };
}

function isTitleLine(node: XmlNode): node is XmlElement {
  return node.kind === "element" && node.name === "p" && (hasRole(node, "annexNum") || hasRole(node, "annexHeading"));
}

function build(sequence: Sequence, depth: number): Node[] {
  return [
    ...sequenceContent(sequence.items),
    ...sequence.sequences.map((s) => provision(groupTypeOf(s.num, depth), { num: s.num, heading: s.heading }, build(s, depth + 1))),
  ];
}

export function readAnnex(element: XmlElement, reading: Reading): Node {
  const titleLines: string[] = [];
  const root: Sequence = { level: 0, num: null, heading: null, items: [], sequences: [] };
  const open: Sequence[] = [root];
  let inTitle = true;
  for (const node of element.children) {
    if (node.kind === "element" && isWordless(node)) continue;
    if (inTitle && isTitleLine(node)) {
      const line = lineOf(node, reading);
      if (line !== null) titleLines.push(line);
      continue;
    }
    if (node.kind === "text" && node.text.trim() === "") continue;
    inTitle = false;
    const level = node.kind === "element" ? sequenceLevel(node) : null;
    if (level === null) {
      open[open.length - 1]!.items.push(...itemsOf([node], reading));
      continue;
    }
    while (open[open.length - 1]!.level >= level) open.pop();
    const sequence: Sequence = { level, ...numAndHeading(lineOf(node as XmlElement, reading)), items: [], sequences: [] };
    open[open.length - 1]!.sequences.push(sequence);
    open.push(sequence);
  }
  const [num = null, ...heading] = titleLines;
  if (num === null) reading.warn(element, `an annex (<div id="${element.attrs.id ?? ""}">) without its number line`);
  return provision("annex", { num, heading: heading.length > 0 ? heading.join(" ") : null }, build(root, 0));
}
