/*
 * The words of a Formex passage as inline content: text, highlighting (HT), footnote references
 * (NOTE), quotation marks (QUOT.*) and elements that are only their text (DATE, REF.DOC.OJ, FT);
 * and the same words as plain lines, for numbers and headings.
 */
import { Mark } from "prosemirror-model";
import { InlineRun } from "../../model/build";
import { emphasisMark } from "../../model/marks";
import type { XmlElement, XmlNode } from "../xml";
import type { Reading } from "./reading";

/** Elements that stand for their own text: a date, a reference to the Official Journal, a formatted number. */
const TEXT_ELEMENTS: ReadonlySet<string> = new Set(["DATE", "REF.DOC.OJ", "REF.DOC.ECR", "REF.DOC.SEQ", "FT", "TIME"]);

/** Every element that flows inline within a paragraph. IE marks an intentionally empty place. */
const INLINE_ELEMENTS: ReadonlySet<string> = new Set([...TEXT_ELEMENTS, "HT", "NOTE", "QUOT.START", "QUOT.END", "IE"]);

/** The HT type printed by changing the letters themselves, not their style: so no mark, but capitals. */
const UPPER_CASE = "UC";

/**
 * A number (FT TYPE="NUMBER") holds bare digits; the Official Journal prints those of five digits
 * or more in groups of three with hard spaces ("10 000 000 EUR"), as the EUR-Lex XHTML shows.
 */
const GROUPED_NUMBER = /^\s*\d{5,}\s*$/;

function printedNumber(text: string): string {
  return text.replace(/\d+/, (digits) => digits.replace(/\B(?=(\d{3})+$)/g, "\u00a0"));
}

/** The marks to put on text, and whether its letters are printed in upper case. */
interface Style {
  readonly marks: readonly Mark[];
  readonly upper: boolean;
}

const PLAIN: Style = { marks: Mark.none, upper: false };

export function isInlineElement(name: string): boolean {
  return INLINE_ELEMENTS.has(name);
}

/** The character a QUOT.START or QUOT.END prints: CODE is its Unicode code point in hexadecimal. */
function quotationMark(element: XmlElement): string {
  const code = element.attrs.CODE;
  if (code && /^[0-9A-Fa-f]{4,6}$/.test(code)) return String.fromCodePoint(parseInt(code, 16));
  return element.name === "QUOT.START" ? "\u2018" : "\u2019";
}

/** Adds the inline content of `node` to `run`. An element it does not know is kept as its text, with a warning. */
export function readInline(node: XmlNode, run: InlineRun, reading: Reading, style: Style = PLAIN): void {
  if (node.kind === "text") {
    run.text(style.upper ? node.text.toUpperCase() : node.text, withProvenance(style.marks, node, reading));
    return;
  }
  switch (node.name) {
    case "HT": {
      const type = node.attrs.TYPE ?? "";
      const inner: Style =
        type === UPPER_CASE || type === ""
          ? { marks: style.marks, upper: style.upper || type === UPPER_CASE }
          : { marks: emphasisMark(type.toLowerCase()).addToSet(style.marks), upper: style.upper };
      for (const child of node.children) readInline(child, run, reading, inner);
      return;
    }
    case "NOTE": {
      const { id, marker } = reading.noteRef(node);
      run.footnoteRef(id, marker);
      return;
    }
    case "QUOT.START":
    case "QUOT.END":
      run.text(quotationMark(node), withProvenance(style.marks, node, reading));
      return;
    case "IE":
      return;
    case "FT": {
      const only = node.children.length === 1 ? node.children[0] : undefined;
      if (node.attrs.TYPE === "NUMBER" && only?.kind === "text" && GROUPED_NUMBER.test(only.text)) {
        run.text(printedNumber(only.text), withProvenance(style.marks, only, reading));
        return;
      }
      for (const child of node.children) readInline(child, run, reading, style);
      return;
    }
    default:
      if (!TEXT_ELEMENTS.has(node.name)) reading.unknown(node);
      for (const child of node.children) readInline(child, run, reading, style);
  }
}

function withProvenance(marks: readonly Mark[], node: XmlNode, reading: Reading): readonly Mark[] {
  const source = reading.provenanceOf(node);
  return source ? source.addToSet(marks) : marks;
}

/** The blocks a number or heading may hold, each its own line. */
const LINE_ELEMENTS: ReadonlySet<string> = new Set(["P", "NP", "NO.P", "TXT"]);

/**
 * The words of an element as plain lines, one for each block inside it: "CHAPTER I" from
 * <TI><P>CHAPTER I</P></TI>, ["A.", "‘General’"] from a title holding a numbered paragraph. Used
 * for numbers and headings, which are attributes and so cannot hold a footnote reference: a note
 * there keeps its words in the footnotes, with a warning.
 */
export function linesOf(element: XmlElement | undefined, reading: Reading): string[] {
  if (!element) return [];
  const lines: string[] = [];
  let run = new InlineRun();
  const endLine = () => {
    const nodes = run.build();
    if (nodes.some((n) => n.type.name === "footnote_ref")) {
      reading.warn(element, `a footnote in <${element.name}>, which becomes a number or heading, is kept without its reference`);
    }
    const line = nodes.map((n) => n.text ?? "").join("");
    if (line !== "") lines.push(line);
    run = new InlineRun();
  };
  const visit = (parent: XmlElement) => {
    for (const child of parent.children) {
      if (child.kind === "text" || isInlineElement(child.name)) {
        readInline(child, run, reading);
      } else {
        if (!LINE_ELEMENTS.has(child.name)) reading.unknown(child);
        endLine();
        visit(child);
        endLine();
      }
    }
  };
  visit(element);
  endLine();
  return lines;
}

/** The words of an element as one line: a number ("(a)", "Article 5") or a heading. */
export function lineOf(element: XmlElement | undefined, reading: Reading): string | null {
  const lines = linesOf(element, reading);
  return lines.length > 0 ? lines.join(" ") : null;
}
