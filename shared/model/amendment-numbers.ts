/*
 * The numbers of the Parliament's amendments ("AM 60"), as its texts mark the provisions they
 * amend or insert: a side note in the provision's words (Akoma Ntoso's authorialNote, kept in
 * the model as a footnote reference). A staffer reading the four columns cites them.
 */
import type { Node } from "prosemirror-model";
import { isProvisionType } from "./schema";
import { amendmentNumber } from "./amendment-number";
/** A note's eId names the provision it belongs to: "art_4a__authorialNote_1" is Article 4a's. */
const NOTE_OF = /^(.+)__authorialNote_\d+$/;

export interface AmendmentNumber {
  /** As the text marks it: "AM 60". */
  readonly marker: string;
  /** The eId of the provision the note names as its own, or null when its eId names none. */
  readonly of: string | null;
}

/**
 * Whether the act marks any amendment number at all: its notes are gathered at its end, so
 * one look there spares looking in every provision of the acts that have none (most).
 */
export function marksAmendments(doc: Node): boolean {
  const notes = doc.lastChild;
  if (notes === null || notes.type.name !== "footnotes") return false;
  let found = false;
  notes.forEach((note) => {
    found ||= amendmentNumber(String(note.attrs.marker)) !== null;
  });
  return found;
}

/**
 * The amendment numbers marked in a provision's own words, not in its sub-provisions', in
 * reading order. A note may sit in the first words of a sub-provision and yet belong to the
 * provision above, as for an inserted article whose note stands in its paragraph 1: `of` says so.
 */
export function amendmentNumbersIn(provision: Node): AmendmentNumber[] {
  const found: AmendmentNumber[] = [];
  provision.forEach((child) => {
    // Most blocks are one run of text, with no note in them.
    if (isProvisionType(child.type.name) || (child.childCount === 1 && child.firstChild!.isText)) return;
    child.descendants((node) => {
      if (node.type.name !== "footnote_ref") return !node.isText;
      const marker = String(node.attrs.marker).trim();
      if (amendmentNumber(marker) !== null) found.push({ marker, of: NOTE_OF.exec(String(node.attrs.id))?.[1] ?? null });
      return false;
    });
  });
  return found;
}
