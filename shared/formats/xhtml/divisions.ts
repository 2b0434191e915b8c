/*
 * Items into provisions: numbered paragraphs, unnumbered subparagraphs, points and indents. The
 * XHTML is flatter than Formex's PARAG > ALINEA > LIST; these rules give the same provisions,
 * so that both readers agree on every eId of an act.
 */
import { Mark, type Node } from "prosemirror-model";
import { p, provision } from "../../model/build";
import type { ProvisionType } from "../../model/schema";
import type { Item } from "./layout";
import { runOf } from "./inline";

type NumberedItem = Extract<Item, { kind: "paragraph" | "point" }>;

/** Items printed with a dash or a bullet are indents; all other numbered items are points. */
const INDENT_NUMBER = /^[—–\-•▪]$/u;

function paragraphOf(item: Extract<Item, { kind: "text" }>): Node {
  return p(runOf(item.inline));
}

function blockOf(item: Extract<Item, { kind: "text" | "block" }>): Node {
  return item.kind === "text" ? paragraphOf(item) : item.node;
}

function provisionOf(item: NumberedItem): Node {
  const type: ProvisionType = item.kind === "paragraph" ? "paragraph" : INDENT_NUMBER.test(item.num) ? "indent" : "point";
  return provision(type, { num: item.num }, divisionContent(item.items));
}

/**
 * The content of an article, a paragraph or a point. Numbered paragraphs each take the items up
 * to the next one: consolidated texts print a paragraph's later subparagraphs after its <div>.
 * Unnumbered content is read as subparagraphs (see alineasOf): a lone one is the provision's own
 * words and points; several, or one beside numbered paragraphs, are unnumbered `subparagraph`s.
 * This is Formex's ALINEA rule, so both readers give Article 6(1)(f) GDPR the same eId.
 */
export function divisionContent(items: readonly Item[]): Node[] {
  const first = items.findIndex((i) => i.kind === "paragraph");
  if (first < 0) {
    const alineas = alineasOf(items);
    return alineas.length === 1 ? alineas[0]! : alineas.map(subparagraph);
  }
  const out = alineasOf(items.slice(0, first)).map(subparagraph);
  let current: { num: string | null; items: Item[] } | null = null;
  const flush = () => {
    if (current) out.push(provision("paragraph", { num: current.num }, divisionContent(current.items)));
  };
  for (const item of items.slice(first)) {
    if (item.kind === "paragraph") {
      flush();
      current = { num: item.num, items: [...item.items] };
    } else {
      current!.items.push(item);
    }
  }
  flush();
  return out;
}

function subparagraph(content: readonly Node[]): Node {
  return provision("subparagraph", {}, content);
}

/**
 * Unnumbered content as subparagraphs ("alineas"), each its blocks then its points: a line of
 * text starts one, a table joins the text it follows, points belong to the text that introduces
 * them. The XHTML cannot tell words after a list inside one ALINEA from a next ALINEA; the OJ
 * prints no such words in the GDPR, so a line after a list starts a subparagraph.
 */
function alineasOf(items: readonly Item[]): Node[][] {
  const alineas: { words: Node[]; points: Node[] }[] = [];
  for (const item of withQuotationsAsBlocks(items)) {
    const current = alineas[alineas.length - 1];
    if (item.kind === "paragraph" || item.kind === "point") {
      if (current) current.points.push(provisionOf(item));
      else alineas.push({ words: [], points: [provisionOf(item)] });
    } else if (item.kind === "block" && current && current.points.length === 0) {
      current.words.push(item.node);
    } else {
      alineas.push({ words: [blockOf(item)], points: [] });
    }
  }
  return alineas.map((a) => [...a.words, ...a.points]);
}

/** Quotation marks that open an item quoted from another act: ‘(68) in "the following point is added: ‘(68) ...’." */
const OPENING_QUOTE = /^[‘“«„‚]/u;
const CLOSING_QUOTE = /[’”»“‘]\P{L}*$/u;

/**
 * Items quoted from another act (an amendment's new text; Formex's QUOT.S) are words of this
 * act, not its provisions: from a point whose number opens a quotation to the item whose words
 * close it, they become blocks that keep their printed numbers.
 */
function withQuotationsAsBlocks(items: readonly Item[]): Item[] {
  const out: Item[] = [];
  let quoting = false;
  for (const item of items) {
    if (item.kind !== "point" || !(quoting || OPENING_QUOTE.test(item.num))) {
      out.push(item);
      continue;
    }
    const blocks = blocksOf([item]);
    out.push(...blocks.map((node) => ({ kind: "block" as const, node })));
    quoting = !CLOSING_QUOTE.test(blocks[blocks.length - 1]?.textContent ?? "");
  }
  return out;
}

/** Content kept in reading order, without subparagraphs: a recital's, an annex's. */
export function sequenceContent(items: readonly Item[]): Node[] {
  return withQuotationsAsBlocks(items).map((item) => (item.kind === "text" || item.kind === "block" ? blockOf(item) : provisionOf(item)));
}

/**
 * Content where only blocks may stand (a citation, a formula, a footnote, a table cell, a
 * signature): numbered items become paragraphs that keep their printed number in front.
 */
export function blocksOf(items: readonly Item[]): Node[] {
  const out: Node[] = [];
  for (const item of items) {
    if (item.kind === "text" || item.kind === "block") {
      out.push(blockOf(item));
      continue;
    }
    const [first, ...rest] = item.items;
    if (item.num === null) {
      out.push(...blocksOf(item.items));
    } else if (first?.kind === "text") {
      out.push(p(runOf([{ kind: "text", text: `${item.num} `, marks: Mark.none }, ...first.inline])), ...blocksOf(rest));
    } else {
      out.push(p(item.num), ...blocksOf(item.items));
    }
  }
  return out;
}
