/*
 * The footnotes an act's provisions cite: "Directive (EU) 2015/1535 of the European Parliament
 * and of the Council of 9 September 2015 laying down a procedure … (OJ L 241, 17.9.2015, p. 1)."
 * A footnote's words belong to the provision whose words refer to it; its number is only where
 * it falls in the act's count, and differs between an Official Journal text and its
 * consolidation without any change of the law.
 */
import type { Node } from "prosemirror-model";
import { amendmentNumber } from "./amendment-number";
import { linesOf } from "./walk";

/** A footnote as the act prints it: its marker ("19") and its words. */
export interface Footnote {
  readonly marker: string;
  readonly text: string;
}

/**
 * The act's footnotes by id, without the Parliament's amendment numbers: those are side notes
 * ("AM 60") that name an amendment, not footnotes (see amendment-numbers). Empty when the act
 * has none, which spares looking for references in its provisions.
 */
export function footnotesOf(doc: Node): ReadonlyMap<string, Footnote> {
  const found = new Map<string, Footnote>();
  const notes = doc.lastChild;
  if (notes === null || notes.type.name !== "footnotes") return found;
  notes.forEach((note) => {
    const marker = String(note.attrs.marker).trim();
    if (amendmentNumber(marker) !== null) return;
    const blocks: Node[] = [];
    note.forEach((block) => blocks.push(block));
    found.set(String(note.attrs.id), { marker, text: linesOf(blocks) });
  });
  return found;
}

/** The footnotes referred to in some blocks, in reading order, each once; references to notes the act lacks are left out. */
export function footnotesCited(blocks: readonly Node[], footnotes: ReadonlyMap<string, Footnote>): Footnote[] {
  const cited: Footnote[] = [];
  if (footnotes.size === 0) return cited;
  for (const block of blocks) {
    // Most blocks are one run of text, with no reference in it; a paragraph's references are
    // among its children. Every block of every version of an act is looked at.
    if (block.childCount === 1 && block.firstChild!.isText) continue;
    if (block.isTextblock) for (let k = 0; k < block.childCount; k++) cite(block.child(k), footnotes, cited);
    else
      block.descendants((node) => {
        cite(node, footnotes, cited);
        return !node.isText;
      });
  }
  return cited;
}

/** Adds to `cited` the footnote `node` refers to, if it is a reference to one not yet there. */
function cite(node: Node, footnotes: ReadonlyMap<string, Footnote>, cited: Footnote[]): void {
  if (node.type.name !== "footnote_ref") return;
  const note = footnotes.get(String(node.attrs.id));
  if (note !== undefined && !cited.includes(note)) cited.push(note);
}
