/*
 * The classes of EUR-Lex XHTML by what they mean. CONVEX renders an act in two dialects, the
 * Official Journal's (`oj-ti-art`, `oj-normal`) and the consolidated texts' (`title-article-norm`,
 * `norm`); the reader asks for a role ("the number of an article") and never for an English word.
 */
import type { XmlElement, XmlNode } from "../xml";

/** What a class says about its element, in both dialects. */
const ROLE_CLASSES = {
  /** A line of the act's title. */
  actTitle: ["oj-doc-ti", "title-doc-first", "title-doc-last"],
  /** The number line of a chapter, section, title or part: "CHAPTER I". */
  groupNum: ["oj-ti-section-1", "title-division-1"],
  /** The heading line of a group: "General provisions". */
  groupHeading: ["oj-ti-section-2", "title-division-2"],
  articleNum: ["oj-ti-art", "title-article-norm"],
  articleHeading: ["oj-sti-art", "stitle-article-norm"],
  /** The number line of an annex ("ANNEX I"); in the OJ dialect the lines after it are its heading. */
  annexNum: ["oj-doc-ti", "title-annex-1"],
  annexHeading: ["title-annex-2"],
  /** A footnote's paragraph at the foot of the act. */
  note: ["oj-note", "footnote"],
  /** One signatory's block in the final part. */
  signatory: ["oj-signatory"],
  /** A consolidated text's number of a paragraph: <span class="no-parag">1.</span>. */
  paragraphNum: ["no-parag"],
  /** A consolidated text's list item: a grid of the number's column and the text's column. */
  listItem: ["grid-container"],
  listItemNum: ["grid-list-column-1"],
  listItemText: ["grid-list-column-2"],
  /** A table with real rows and columns, as opposed to the tables the OJ lays points out with. */
  dataTable: ["oj-table"],
  headerCell: ["oj-tbl-hdr"],
  /** Front matter, read for the act's identity only: the OJ header's language, the consolidated reference line. */
  headerLanguage: ["oj-hd-lg"],
  consolidationReference: ["reference"],
} as const satisfies Record<string, readonly string[]>;

export type Role = keyof typeof ROLE_CLASSES;

/** Headings of the numbered sequences inside annexes, with their level: oj-ti-grseq-1, title-gr-seq-level-2. */
const SEQUENCE_HEADING = /^(?:oj-ti-grseq-|title-gr-seq-level-)(\d+)$/;

/** Classes that set words apart by their look; the emphasis mark's `kind` for each. */
const EMPHASIS_CLASSES: Readonly<Record<string, string>> = {
  "oj-italic": "italic",
  italics: "italic",
  "oj-bold": "bold",
  boldface: "bold",
  "oj-underline": "underline",
  underline: "underline",
  "oj-expanded": "expanded",
  expanded: "expanded",
  "oj-super": "superscript",
  superscript: "superscript",
  "oj-sub": "subscript",
  subscript: "subscript",
};

/** The same looks given by element names. */
const EMPHASIS_ELEMENTS: Readonly<Record<string, string>> = {
  i: "italic",
  em: "italic",
  b: "bold",
  strong: "bold",
  u: "underline",
  sup: "superscript",
  sub: "subscript",
};

/**
 * Classes the reader knows without a role: layout wrappers, ordinary text, rules, the marks of a
 * footnote's number, and the consolidated text's provenance markers (`arrow`, `modref`), which
 * the text scan for ▼ ► ◄ handles whatever element they stand in.
 */
const PLAIN_CLASSES: ReadonlySet<string> = new Set([
  "eli-container",
  "eli-main-title",
  "eli-subdivision",
  "eli-title",
  "oj-normal",
  "norm",
  "inline-element",
  "grid-list",
  "list",
  "oj-final",
  "oj-note-tag",
  "oj-tbl-txt",
  "tbl-norm",
  "oj-ti-tbl",
  "oj-enumeration-spacing",
  "arrow",
  "modref",
  "oj-separator",
  "separator",
  "separator-short",
  "separator-annex",
  "oj-doc-end",
]);

const KNOWN_CLASSES: ReadonlySet<string> = new Set([
  ...PLAIN_CLASSES,
  ...Object.values(ROLE_CLASSES).flat(),
  ...Object.keys(EMPHASIS_CLASSES),
]);

export function classesOf(element: XmlElement): string[] {
  const value = element.attrs.class;
  return value ? value.split(/\s+/).filter(Boolean) : [];
}

export function hasRole(element: XmlElement, role: Role): boolean {
  const wanted: readonly string[] = ROLE_CLASSES[role];
  return classesOf(element).some((c) => wanted.includes(c));
}

/** The level of an annex's sequence heading (1 for oj-ti-grseq-1), or null when it is not one. */
export function sequenceLevel(element: XmlElement): number | null {
  for (const c of classesOf(element)) {
    const match = SEQUENCE_HEADING.exec(c);
    if (match) return Number(match[1]);
  }
  return null;
}

/** The emphasis kinds an inline element gives its words, by its name and its classes. */
export function emphasisKinds(element: XmlElement): string[] {
  const kinds: string[] = [];
  const byName = EMPHASIS_ELEMENTS[element.name];
  if (byName) kinds.push(byName);
  for (const c of classesOf(element)) {
    const kind = EMPHASIS_CLASSES[c];
    if (kind && !kinds.includes(kind)) kinds.push(kind);
  }
  return kinds;
}

/** The element's classes that this reader does not know, for a warning. */
export function unknownClasses(element: XmlElement): string[] {
  return classesOf(element).filter((c) => !KNOWN_CLASSES.has(c) && !SEQUENCE_HEADING.test(c));
}

/** Elements that flow inside a line of text rather than starting a block. */
const INLINE_ELEMENTS: ReadonlySet<string> = new Set([
  "span",
  "a",
  "br",
  "img",
  "abbr",
  "q",
  "cite",
  "small",
  "font",
  ...Object.keys(EMPHASIS_ELEMENTS),
]);

export function isInline(node: XmlNode): boolean {
  return node.kind === "text" || INLINE_ELEMENTS.has(node.name);
}

/** Elements that hold no words of the act, whatever they contain. */
const WORDLESS_ELEMENTS: ReadonlySet<string> = new Set(["script", "style", "head", "col", "colgroup", "hr", "meta", "link"]);

export function isWordless(element: XmlElement): boolean {
  return WORDLESS_ELEMENTS.has(element.name);
}

/** The ELI kind of a subdivision, from the last step of its id: "art" for art_5, "sct" for cpt_III.sct_1. */
export function eliKind(element: XmlElement): string | null {
  const id = element.attrs.id;
  if (!id) return null;
  const last = id.slice(id.lastIndexOf(".") + 1);
  const match = /^([a-z]+)_/.exec(last);
  return match ? (match[1] as string) : null;
}

/** True for the <div class="eli-container"> that holds an act's text or one of its annexes. */
export function isContainer(element: XmlElement): boolean {
  return element.name === "div" && classesOf(element).includes("eli-container");
}
