/*
 * The inside of a provision: its own words (paragraphs of text, tables) and its divisions
 * (paragraphs, subparagraphs, points, indents), read in order from the Formex elements that carry
 * them: ALINEA, P, LIST and ITEM, NP, PARAG, TBL, quoted passages and sequences of headed groups.
 */
import type { Node } from "prosemirror-model";
import { InlineRun, p, provision } from "../../model/build";
import { groupTypeOf } from "../groups";
import { child, type XmlElement, type XmlNode } from "../xml";
import { fitTo } from "../fit";
import { isInlineElement, lineOf, linesOf, readInline } from "./inline";
import type { Reading } from "./reading";
import { readTable } from "./table";

/** Elements that only wrap words: what they hold flows into the provision they stand in. */
const WRAPPERS: ReadonlySet<string> = new Set(["P", "TXT", "CONTENTS", "PL.DATE", "SIGNATORY", "TITLE", "TI", "STI"]);

/** Every element read here as blocks or divisions rather than as inline words. */
const BLOCK_ELEMENTS: ReadonlySet<string> = new Set([...WRAPPERS, "ALINEA", "PARAG", "LIST", "ITEM", "NP", "TBL", "QUOT.S", "GR.SEQ"]);

/** Printed numbers that make an item an indent rather than a point. */
const DASHES: ReadonlySet<string> = new Set(["—", "–", "-", "•"]);

/** What a LIST of each TYPE prints before an item that has no number of its own. */
const LIST_MARKS: Readonly<Record<string, string>> = { DASH: "—", NDASH: "–", BULLET: "•" };

export function isElement(node: XmlNode, name: string): node is XmlElement {
  return node.kind === "element" && node.name === name;
}

function count(nodes: readonly XmlNode[], name: string): number {
  let n = 0;
  for (const node of nodes) if (isElement(node, name)) n++;
  return n;
}

/** True when an element the reader does not know holds blocks, so it is read as a wrapper, not as words. */
function holdsBlocks(element: XmlElement): boolean {
  return element.children.some((c) => c.kind === "element" && (BLOCK_ELEMENTS.has(c.name) || (!isInlineElement(c.name) && holdsBlocks(c))));
}

/**
 * The blocks and divisions that `nodes` hold, in order. Text and inline elements gather into
 * paragraphs; a LIST's items become points (or indents) after the words before them. ALINEA
 * follows the rule shared with the EUR-Lex XHTML reader: a lone ALINEA is the words of the
 * provision it stands in; several, or one beside numbered paragraphs, are unnumbered
 * subparagraphs. `depth` is the nesting of headed groups, for the kind of a GR.SEQ.
 */
export function contentOf(nodes: readonly XmlNode[], reading: Reading, depth = 0): Node[] {
  const out: Node[] = [];
  let run = new InlineRun();
  const endParagraph = () => {
    if (!run.isBlank) out.push(p(run));
    run = new InlineRun();
  };
  const alineasAreSubparagraphs = count(nodes, "ALINEA") > 1 || count(nodes, "PARAG") > 0;
  for (const node of nodes) {
    if (node.kind === "text" || isInlineElement(node.name) || (!BLOCK_ELEMENTS.has(node.name) && !holdsBlocks(node))) {
      readInline(node, run, reading);
      continue;
    }
    endParagraph();
    if (node.name === "ALINEA" && alineasAreSubparagraphs) {
      out.push(provision("subparagraph", {}, fitTo(contentOf(node.children, reading, depth), "divisions")));
    } else {
      out.push(...blockOrDivision(node, reading, depth));
    }
  }
  endParagraph();
  return out;
}

function blockOrDivision(element: XmlElement, reading: Reading, depth: number): Node[] {
  switch (element.name) {
    case "ALINEA":
      return contentOf(element.children, reading, depth);
    case "PARAG":
      return [paragraph(element, reading, depth)];
    case "LIST":
      return list(element, reading, depth);
    case "ITEM":
      return [item(element, null, reading, depth)];
    case "NP":
      return [numbered(element, without(element.children, "NO.P"), reading, depth)];
    case "TBL":
      return readTable(element, reading, (nodes) => blocksOf(nodes, reading));
    case "QUOT.S":
      // A passage quoted from another act (an amendment's new text): words of this act, not its provisions.
      return blocksOf(element.children, reading);
    case "GR.SEQ":
      return sequence(element, reading, depth);
    default:
      if (!WRAPPERS.has(element.name)) reading.unknown(element);
      return contentOf(element.children, reading, depth);
  }
}

/** The words of `nodes` as blocks only, for places that hold no provisions (footnotes, cells, formulas). */
export function blocksOf(nodes: readonly XmlNode[], reading: Reading): Node[] {
  return fitTo(contentOf(nodes, reading), "blocks");
}

function without(nodes: readonly XmlNode[], name: string): XmlNode[] {
  return nodes.filter((n) => !isElement(n, name));
}

function paragraph(parag: XmlElement, reading: Reading, depth: number): Node {
  const num = lineOf(child(parag, "NO.PARAG"), reading);
  const content = contentOf(without(parag.children, "NO.PARAG"), reading, depth);
  return provision("paragraph", { num }, fitTo(content, "divisions"));
}

function list(element: XmlElement, reading: Reading, depth: number): Node[] {
  const mark = LIST_MARKS[element.attrs.TYPE ?? ""] ?? null;
  const out: Node[] = [];
  for (const node of element.children) {
    if (isElement(node, "ITEM")) out.push(item(node, mark, reading, depth));
    else out.push(...contentOf([node], reading, depth));
  }
  return out;
}

/**
 * A list item: a point numbered by its NP's NO.P, an indent when that number is a dash, or an
 * indent without a number of its own, which shows the mark its list prints (a dash) if any.
 */
function item(element: XmlElement, listMark: string | null, reading: Reading, depth: number): Node {
  const np = child(element, "NP");
  if (np) {
    const nodes = [...without(np.children, "NO.P"), ...element.children.filter((c) => c !== np)];
    return numbered(np, nodes, reading, depth);
  }
  if (child(element, "NO.P")) {
    return numbered(element, without(element.children, "NO.P"), reading, depth);
  }
  return provision("indent", { num: listMark }, fitTo(contentOf(element.children, reading, depth), "divisions"));
}

/** A point (or an indent, when numbered with a dash) from an element holding NO.P, with `nodes` as its content. */
function numbered(element: XmlElement, nodes: readonly XmlNode[], reading: Reading, depth: number): Node {
  const no = child(element, "NO.P");
  if (!no) reading.fail(element, `<${element.name}> without <NO.P>`);
  const num = lineOf(no, reading);
  const type = num !== null && DASHES.has(num) ? "indent" : "point";
  return provision(type, { num }, fitTo(contentOf(nodes, reading, depth), "divisions"));
}

/**
 * The number and heading of a headed provision from its TITLE: the first line of TI is the
 * number ("CHAPTER I", "ANNEX II", "A."), further lines of TI and the lines of STI the heading.
 */
export function titleOf(title: XmlElement | undefined, reading: Reading): { num: string | null; heading: string | null } {
  if (!title) return { num: null, heading: null };
  const ti = child(title, "TI");
  const sti = child(title, "STI");
  const lines = linesOf(ti, reading);
  const heading = [...lines.slice(1), ...linesOf(sti, reading)].join(" ");
  return { num: lines[0] ?? null, heading: heading === "" ? null : heading };
}

/** A GR.SEQ: a headed group when it has a TITLE, else only a run of content. */
function sequence(element: XmlElement, reading: Reading, depth: number): Node[] {
  const title = child(element, "TITLE");
  if (!title) return contentOf(element.children, reading, depth);
  const { num, heading } = titleOf(title, reading);
  const content = contentOf(
    element.children.filter((c) => c !== title),
    reading,
    depth + 1,
  );
  return [provision(groupTypeOf(num, depth), { num, heading }, content)];
}

/**
 * Reads `nodes` where some elements are structure the caller reads itself (the articles of a
 * chapter, the signature of the final part): `own` gives its reading of such an element, or null
 * for anything else, which is read as content together with its neighbours.
 */
export function contentAround(
  nodes: readonly XmlNode[],
  reading: Reading,
  depth: number,
  own: (element: XmlElement) => Node[] | null,
): Node[] {
  const out: Node[] = [];
  let pending: XmlNode[] = [];
  for (const node of nodes) {
    const read = node.kind === "element" ? own(node) : null;
    if (read === null) {
      pending.push(node);
      continue;
    }
    out.push(...contentOf(pending, reading, depth), ...read);
    pending = [];
  }
  out.push(...contentOf(pending, reading, depth));
  return out;
}
