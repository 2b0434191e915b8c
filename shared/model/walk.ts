/*
 * Walking the provisions of a document in reading order, with the chain of provisions above
 * each one: the basis of numbering, labels, outlines and alignment.
 */
import type { Node } from "prosemirror-model";
import { isProvisionType, type ProvisionType } from "./schema";

/** One provision met on a walk: the node, where it starts, and its provision ancestors. */
export interface ProvisionVisit {
  readonly node: Node;
  readonly type: ProvisionType;
  /** Document position just before the node. */
  readonly pos: number;
  /** Provision ancestors, outermost first (not including the node itself). */
  readonly ancestors: readonly Node[];
}

/** Every provision of the document in reading order (pre-order), with its ancestors. */
export function provisionsOf(doc: Node): ProvisionVisit[] {
  const visits: ProvisionVisit[] = [];
  const visit = (node: Node, pos: number, ancestors: readonly Node[]): void => {
    node.forEach((child, offset) => {
      const childPos = pos + offset;
      if (isProvisionType(child.type.name)) {
        visits.push({ node: child, type: child.type.name, pos: childPos, ancestors });
        visit(child, childPos + 1, [...ancestors, child]);
      } else if (!child.isTextblock && !child.isLeaf) {
        visit(child, childPos + 1, ancestors);
      }
    });
  };
  visit(doc, 0, []);
  return visits;
}

/** The provision's own words: the text of its blocks, without its sub-provisions, one line a block. */
export function ownText(provision: Node): string {
  const lines: string[] = [];
  provision.forEach((child) => {
    if (!isProvisionType(child.type.name)) lines.push(blockText(child));
  });
  return lines.join("\n");
}

const NO_BLOCKS: readonly Node[] = [];

/**
 * A provision's own blocks in two parts: those that lead to its sub-provisions (or stand between
 * them), and those that follow its last sub-provision and conclude it, as a list's closing
 * sentence does (none when nothing follows, or when it has no sub-provisions).
 */
export function ownBlockParts(provision: Node): { readonly lead: readonly Node[]; readonly concluding: readonly Node[] } {
  // By index, without a callback or a list per sub-provision: every provision of every version comes here.
  const count = provision.childCount;
  let last = -1;
  for (let i = count - 1; i >= 0 && last < 0; i--) if (isProvisionType(provision.child(i).type.name)) last = i;
  const lead: Node[] = [];
  for (let i = 0; i < (last < 0 ? count : last); i++) {
    const child = provision.child(i);
    if (!isProvisionType(child.type.name)) lead.push(child);
  }
  if (last < 0) return { lead, concluding: NO_BLOCKS };
  const concluding: Node[] = [];
  for (let i = last + 1; i < count; i++) concluding.push(provision.child(i));
  return { lead, concluding };
}

/** A provision's own words in the two parts of `ownBlockParts`: "" for a part without blocks. */
export function ownTextParts(provision: Node): { readonly lead: string; readonly concluding: string } {
  const { lead, concluding } = ownBlockParts(provision);
  return { lead: linesOf(lead), concluding: linesOf(concluding) };
}

/** The words of blocks, one line a block. */
export function linesOf(blocks: readonly Node[]): string {
  return blocks.length === 1 ? blockText(blocks[0]!) : blocks.map(blockText).join("\n");
}

/** The words of a block: a paragraph's text, or a table's cells separated by tabs and rows by lines. */
export function blockText(block: Node): string {
  // Most blocks are one run of text: its string as it is, without walking the block.
  if (block.childCount === 1 && block.firstChild!.isText) return block.firstChild!.text!;
  if (block.type.name !== "table") return block.textContent;
  const rows: string[] = [];
  block.forEach((row) => {
    const cells: string[] = [];
    row.forEach((cell) => {
      const parts: string[] = [];
      cell.forEach((b) => parts.push(blockText(b)));
      cells.push(parts.join(" "));
    });
    rows.push(cells.join("\t"));
  });
  return rows.join("\n");
}

/** Words in a text, as people count them: runs of non-space characters. */
export function countWords(text: string): number {
  let count = 0;
  for (const _ of text.matchAll(/\S+/g)) count++;
  return count;
}

/** The act's title: the preface's lines joined with spaces. */
export function titleOf(doc: Node): string {
  const preface = doc.firstChild;
  if (!preface) return "";
  const lines: string[] = [];
  preface.forEach((b) => lines.push(blockText(b).trim()));
  return lines.filter(Boolean).join(" ");
}
