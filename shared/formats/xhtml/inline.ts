/*
 * The words of a line of EUR-Lex XHTML as inline content: text with its emphasis and provenance
 * marks, and footnote references in place of the printed "(1)". Kept as segments until the block
 * is built, so that a paragraph's printed number can still be taken off its first words.
 */
import { Mark } from "prosemirror-model";
import { InlineRun } from "../../model/build";
import { emphasisMark } from "../../model/marks";
import { textOf, type XmlElement, type XmlNode } from "../xml";
import type { Reading } from "./reading";
import { emphasisKinds, isInline, isWordless } from "./vocabulary";

export type Inline =
  | { readonly kind: "text"; readonly text: string; readonly marks: readonly Mark[] }
  /** `bare` when the printed marker had no parentheses of its own: "(<a>1</a>)" in consolidated texts. */
  | { readonly kind: "ref"; readonly id: string; readonly marker: string; readonly bare: boolean };

const SPACE = /[\s\u00a0]+/g;

/** The printed number of a footnote marker: "1" from "(1)". */
function markerText(element: XmlElement, reading: Reading): string {
  return textOf(element).replace(/[()\s\u00a0]/g, "") || (reading.notes.noteOf(element)?.marker ?? "");
}

/** The inline content of some nodes, read in document order. */
export function inlineOf(nodes: readonly XmlNode[], reading: Reading): Inline[] {
  const out: Inline[] = [];
  const visit = (node: XmlNode, parent: XmlElement | null, marks: readonly Mark[]): void => {
    if (node.kind === "text") {
      reading.provenance.split(
        node.text,
        (text) => {
          const source = reading.provenance.mark;
          out.push({ kind: "text", text, marks: source ? source.addToSet(marks) : marks });
        },
        () => {
          if (parent) reading.warn(parent, "◄ closes no ► passage; left out");
        },
      );
      return;
    }
    if (isWordless(node)) return;
    const note = node.name === "a" ? reading.notes.noteOf(node) : null;
    if (note) {
      if (note.anchor !== node) reading.notes.referredFrom(note, reading.provenance.mark);
      const printed = textOf(node);
      out.push({ kind: "ref", id: note.id, marker: markerText(node, reading), bare: !printed.includes("(") });
      return;
    }
    if (node.name === "br") {
      out.push({ kind: "text", text: " ", marks });
      return;
    }
    if (node.name === "img") {
      reading.warn(node, "an image (<img>) has no words to keep; left out");
      return;
    }
    reading.checkClasses(node);
    let inner = marks;
    for (const kind of emphasisKinds(node)) inner = emphasisMark(kind).addToSet(inner);
    // A block inside a line still ends a word: its words must not run into their neighbours'.
    const block = !isInline(node);
    if (block) out.push({ kind: "text", text: " ", marks });
    for (const child of node.children) visit(child, node, inner);
    if (block) out.push({ kind: "text", text: " ", marks });
  };
  for (const node of nodes) visit(node, null, Mark.none);
  return placeNoteMarkers(out);
}

/**
 * A footnote reference sits against the word before it, as the superscript does on the page:
 * the space before it goes, and so do the parentheses printed around a bare marker.
 */
function placeNoteMarkers(segments: Inline[]): Inline[] {
  const out = [...segments];
  const previousText = (i: number) => {
    for (let j = i - 1; j >= 0; j--) {
      const s = out[j]!;
      if (s.kind !== "text") return -1;
      if (s.text.trim() !== "" || j === 0) return j;
    }
    return -1;
  };
  out.forEach((segment, i) => {
    if (segment.kind !== "ref") return;
    const before = previousText(i);
    if (before >= 0) {
      const s = out[before] as Extract<Inline, { kind: "text" }>;
      let text = s.text.replace(/[\s\u00a0]+$/, "");
      if (segment.bare && text.endsWith("(")) text = text.slice(0, -1).replace(/[\s\u00a0]+$/, "");
      out[before] = { ...s, text };
      for (let j = before + 1; j < i; j++) out[j] = { ...(out[j] as Extract<Inline, { kind: "text" }>), text: "" };
    }
    const after = out[i + 1];
    if (segment.bare && after?.kind === "text" && /^[\s\u00a0]*\)/.test(after.text)) {
      out[i + 1] = { ...after, text: after.text.replace(/^[\s\u00a0]*\)/, "") };
    }
  });
  return out.filter((s) => s.kind !== "text" || s.text !== "");
}

/** True when the segments hold no words and no footnote reference. */
export function isBlank(segments: readonly Inline[]): boolean {
  return segments.every((s) => s.kind === "text" && s.text.trim() === "");
}

/** The segments as a run, ready to become a block. */
export function runOf(segments: readonly Inline[]): InlineRun {
  const run = new InlineRun();
  for (const s of segments) {
    if (s.kind === "text") run.text(s.text, s.marks);
    else run.footnoteRef(s.id, s.marker);
  }
  return run;
}

/** The words of the segments as one line, spaces folded; footnote references have no words. */
export function foldedText(segments: readonly Inline[]): string {
  return segments
    .map((s) => (s.kind === "text" ? s.text : ""))
    .join("")
    .replace(SPACE, " ")
    .trim();
}

/**
 * The words of an element as one line, for a number or a heading. These are attributes, which
 * cannot hold a footnote reference: the note keeps its words in the footnotes, with a warning.
 */
export function lineOf(element: XmlElement, reading: Reading): string | null {
  const segments = inlineOf(element.children, reading);
  if (segments.some((s) => s.kind === "ref")) {
    reading.warn(element, `a footnote reference in <${element.name}>, which becomes a number or heading, is kept only in the footnotes`);
  }
  const line = foldedText(segments);
  return line === "" ? null : line;
}

/** Printed numbers are set off from the words by spaces, in the OJ by three no-break spaces: "1.   This Regulation". */
const LEADING_NUMBER = /^[\s\u00a0]*([^\s\u00a0]+)(?:[\s\u00a0]+|$)/;

/**
 * The number printed at the start of a line ("1.", "2a."), and the line without it; null when the
 * line does not start with something numbered.
 */
export function leadingNumber(segments: readonly Inline[]): { num: string; rest: Inline[] } | null {
  const first = segments.findIndex((s) => s.kind !== "text" || s.text.trim() !== "");
  const segment = segments[first];
  if (segment?.kind !== "text") return null;
  const match = LEADING_NUMBER.exec(segment.text);
  if (!match || !/\p{N}/u.test(match[1] as string)) return null;
  const rest = [...segments.slice(first)];
  rest[0] = { ...segment, text: segment.text.slice(match[0].length) };
  return { num: match[1] as string, rest };
}
