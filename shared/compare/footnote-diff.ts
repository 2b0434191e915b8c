/*
 * The footnotes of a cell against the reference cell's: the two lists are matched on their
 * words (jsdiff's array diff), so that a footnote added before the others does not make them
 * all look changed; a footnote replaced by another is diffed word by word against it; one the
 * reference has and the cell has not is shown struck through, where it stood. Markers are not
 * compared: a footnote's number is where it falls in the act's count, not a change of the law.
 */
import { diffArrays } from "diff";
import type { ComparableFootnote } from "./comparable";
import type { Lexicon } from "./lexicon";
import { tokenDiff, type DiffSpan } from "./word-diff";

/** A footnote as a cell shows it. */
export interface CellFootnote {
  /** The marker the version prints ("19"); null for a footnote of the reference that this version no longer has. */
  readonly marker: string | null;
  /** Its words in this version; "" for one it no longer has. */
  readonly text: string;
  /** Its words against the reference's footnote; the reference cell's own are one "=" span. */
  readonly diff: DiffSpan[];
}

/** How footnotes are diffed: the lexicon their tokens come from, and the time limit of one diff. */
export interface FootnoteDiffer {
  readonly lexicon: Lexicon;
  readonly limit: number;
}

/** A footnote as it stands, its words one span of `op`. */
function standing(note: ComparableFootnote, op: "=" | "+"): CellFootnote {
  return { marker: note.marker, text: note.text, diff: note.text === "" ? [] : [[op, note.text]] };
}

/** A cell's footnotes as they stand: "=" in the reference cell, "+" in a cell without a reference cell. */
export function footnotesAsTheyStand(notes: readonly ComparableFootnote[], op: "=" | "+"): CellFootnote[] {
  return notes.map((note) => standing(note, op));
}

/** The cell's footnotes against the reference cell's, in the cell's order, with the reference's lost ones where they stood. */
export function footnoteDiffs(
  reference: readonly ComparableFootnote[],
  notes: readonly ComparableFootnote[],
  differ: FootnoteDiffer,
): CellFootnote[] {
  // Most provisions have no footnotes on either side.
  if (notes.length === 0 && reference.length === 0) return [];
  if (reference.length === 0) return footnotesAsTheyStand(notes, "+");
  const shown: CellFootnote[] = [];
  let r = 0;
  let n = 0;
  const changes = diffArrays(
    reference.map((note) => note.text),
    notes.map((note) => note.text),
  );
  for (let c = 0; c < changes.length; c++) {
    const change = changes[c]!;
    if (!change.added && !change.removed) {
      for (let k = 0; k < change.count; k++, r++) shown.push(standing(notes[n++]!, "="));
    } else if (change.added) {
      for (let k = 0; k < change.count; k++) shown.push(standing(notes[n++]!, "+"));
    } else {
      // Removed footnotes followed by added ones: the first of each are the same footnotes reworded.
      const next = changes[c + 1];
      const added = next?.added ? next.count : 0;
      const paired = Math.min(change.count, added);
      for (let k = 0; k < paired; k++, r++, n++) {
        const note = notes[n]!;
        shown.push({
          marker: note.marker,
          text: note.text,
          diff: tokenDiff(reference[r]!.tokens, note.tokens, differ.lexicon, differ.limit).spans,
        });
      }
      for (let k = paired; k < change.count; k++, r++) {
        const lost = reference[r]!.text;
        shown.push({ marker: null, text: "", diff: lost === "" ? [] : [["-", lost]] });
      }
      for (let k = paired; k < added; k++) shown.push(standing(notes[n++]!, "+"));
      if (added > 0) c++;
    }
  }
  return shown;
}
