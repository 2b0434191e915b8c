/*
 * Footnotes. Each note is a paragraph at the foot of the act (p.oj-note, p.footnote) that starts
 * with an anchor printing its number; a reference in the text is a link to that anchor. The
 * reference becomes a footnote_ref, the note's words a footnote in the document's footnotes.
 */
import type { Mark, Node } from "prosemirror-model";
import { footnote, p } from "../../model/build";
import { textOf, type XmlElement } from "../xml";
import { inlineOf, isBlank, runOf, type Inline } from "./inline";
import type { Reading } from "./reading";
import { hasRole } from "./vocabulary";

export interface Note {
  /** Unique in the document; the OJ's own note id where the anchor gives one ("E0001"). */
  readonly id: string;
  /** The number printed for it: "1". */
  readonly marker: string;
  readonly anchor: XmlElement;
}

function firstAnchor(element: XmlElement): XmlElement | null {
  for (const child of element.children) {
    if (child.kind !== "element") continue;
    if (child.name === "a" && child.attrs.id) return child;
    const inner = firstAnchor(child);
    if (inner) return inner;
  }
  return null;
}

/** Where the notes of a document are and which links point at them. */
export class NoteIndex {
  private readonly byAnchorId = new Map<string, Note>();
  private readonly byAnchor = new Map<XmlElement, Note>();
  private readonly byParagraph = new Map<XmlElement, Note>();
  /** The provenance of the passage where each note is first referred to, by note id. */
  private readonly sources = new Map<string, Mark | null>();

  /** Finds every note paragraph under `root` and the anchor that prints its number. */
  static of(root: XmlElement): NoteIndex {
    const index = new NoteIndex();
    const ids = new Set<string>();
    const visit = (element: XmlElement): void => {
      if (element.name === "p" && hasRole(element, "note")) {
        const anchor = firstAnchor(element);
        if (anchor) {
          const anchorId = anchor.attrs.id as string;
          // The OJ's anchors end with the note's own id: ntr1-L_2016119EN.01000101-E0001.
          const own = anchorId.slice(anchorId.lastIndexOf("-") + 1) || anchorId;
          let id = own;
          for (let n = 2; ids.has(id); n++) id = `${own}-${n}`;
          ids.add(id);
          const note: Note = { id, marker: textOf(anchor).replace(/[()\s\u00a0]/g, ""), anchor };
          index.byAnchorId.set(anchorId, note);
          index.byAnchor.set(anchor, note);
          index.byParagraph.set(element, note);
        }
        return;
      }
      for (const child of element.children) if (child.kind === "element") visit(child);
    };
    visit(root);
    return index;
  }

  /** The note an anchor stands for: a link to a note's anchor, or that anchor itself. */
  noteOf(anchor: XmlElement): Note | null {
    const own = this.byAnchor.get(anchor);
    if (own) return own;
    const href = anchor.attrs.href;
    return href?.startsWith("#") ? (this.byAnchorId.get(href.slice(1)) ?? null) : null;
  }

  /** Records the provenance of a passage that refers to the note; the first one counts. */
  referredFrom(note: Note, source: Mark | null): void {
    if (!this.sources.has(note.id)) this.sources.set(note.id, source);
  }

  /** A note's words come from where the passage that refers to it comes from. */
  sourceOf(note: Note): Mark | null {
    return this.sources.get(note.id) ?? null;
  }

  /** The note a paragraph at the foot of the act starts, or null for a note's second paragraph. */
  noteStartedBy(paragraph: XmlElement): Note | null {
    return this.byParagraph.get(paragraph) ?? null;
  }
}

/** The segments with the provenance of `source` in place of any they had. */
function fromSource(segments: readonly Inline[], source: Mark | null): Inline[] {
  return segments.map((s) => {
    if (s.kind !== "text") return s;
    const marks = s.marks.filter((m) => m.type.name !== "provenance");
    return { ...s, marks: source ? source.addToSet(marks) : marks };
  });
}

/** The footnotes of a document, gathered as their paragraphs are met. */
export class FootnoteList {
  private readonly notes: { id: string; marker: string; source: Mark | null; blocks: Node[] }[] = [];

  /** Reads one note paragraph: a new note, or the next paragraph of the note before it. */
  read(paragraph: XmlElement, reading: Reading): void {
    const note = reading.notes.noteStartedBy(paragraph);
    const previous = this.notes[this.notes.length - 1];
    const source = note ? reading.notes.sourceOf(note) : (previous?.source ?? null);
    // The note's own number is a marker, not words of the note.
    const segments = inlineOf(paragraph.children, reading).filter((s) => !(note && s.kind === "ref" && s.id === note.id));
    const blocks = isBlank(segments) ? [] : [p(runOf(fromSource(segments, source)))];
    if (note) this.notes.push({ id: note.id, marker: note.marker, source, blocks });
    else if (previous) previous.blocks.push(...blocks);
    else if (blocks.length > 0) {
      reading.warn(paragraph, "a footnote without the number that links it to the text; kept without a reference");
      this.notes.push({ id: `unlinked-${this.notes.length + 1}`, marker: "", source, blocks });
    }
  }

  nodes(): Node[] {
    return this.notes.map((n) => footnote(n.id, n.marker, n.blocks));
  }
}
