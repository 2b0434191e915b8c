/*
 * The legal schema: one ProseMirror schema for EU legislative acts, used by every reader and
 * writer, by the server (which applies steps headlessly) and by the browser editor.
 * Provisions are nodes with `guid`, `eId`, `num` and `heading` attributes; their own words are
 * block children (`p`, `table`), their sub-provisions are provision children.
 */
import { Schema, type NodeSpec, type MarkSpec, type AttributeSpec } from "prosemirror-model";

/** Attributes every provision carries. `num` and `heading` are null where the text has none. */
const provisionAttrs: Record<string, AttributeSpec> = {
  guid: { default: "" },
  eId: { default: "" },
  num: { default: null },
  heading: { default: null },
};

/** The kinds of headed group that may stand above articles, outermost first. */
export const GROUP_TYPES = ["part", "title", "chapter", "section", "subsection"] as const;
/** The kinds of provision that divide an article, an annex or a recital. */
export const DIVISION_TYPES = ["paragraph", "subparagraph", "point", "indent"] as const;
/** Every node type that is a provision: addressable, numbered or ordinal. */
export const PROVISION_TYPES = ["citation", "recital", ...GROUP_TYPES, "article", ...DIVISION_TYPES, "annex"] as const;
export type ProvisionType = (typeof PROVISION_TYPES)[number];

const OWN_WORDS_AND_DIVISIONS = "(block | division)*";

function group(): NodeSpec {
  return { group: "group", attrs: provisionAttrs, content: "(group | article | block | division)*", defining: true };
}

function division(): NodeSpec {
  return { group: "division", attrs: provisionAttrs, content: OWN_WORDS_AND_DIVISIONS, defining: true };
}

const nodes: Record<string, NodeSpec> = {
  /** The act. Its attributes are the document's identity and provenance, not words of the act. */
  doc: {
    content: "preface preamble? body conclusions? annex* footnotes?",
    attrs: {
      work: { default: null }, // FRBR work URI, e.g. /akn/eu/act/regulation/2016/679
      date: { default: null }, // ISO date of the expression
      language: { default: "en" }, // ISO 639-1
      stage: { default: null }, // e.g. "Commission proposal"
      notice: { default: null }, // a notice shown wherever the text is, e.g. "demonstration, not the authentic text"
    },
  },
  preface: { content: "block*" },
  preamble: { content: "(formula | citation | recital)*" },
  /** A formula: the preamble's opening, "Whereas:", the enacting formula. `name` says which. */
  formula: { content: "block+", attrs: { name: { default: "formula" } } },
  citation: { attrs: provisionAttrs, content: "block+", defining: true },
  recital: { attrs: provisionAttrs, content: "(block | division)+", defining: true },
  body: { content: "(group | article)*" },
  part: group(),
  title: group(),
  chapter: group(),
  section: group(),
  subsection: group(),
  article: { attrs: provisionAttrs, content: OWN_WORDS_AND_DIVISIONS, defining: true },
  paragraph: division(),
  subparagraph: division(),
  point: division(),
  indent: division(),
  conclusions: { content: "(block | signature)*" },
  signature: { content: "block+" },
  annex: { attrs: provisionAttrs, content: "(block | division | group)*", defining: true },
  footnotes: { content: "footnote*" },
  /** A footnote's text; `id` joins it to its references in the text. */
  footnote: { content: "block+", attrs: { id: { default: "" }, marker: { default: "" } } },
  p: { group: "block", content: "inline*" },
  table: { group: "block", content: "table_row+" },
  table_row: { content: "table_cell+" },
  table_cell: {
    content: "block*",
    attrs: { header: { default: false }, colspan: { default: 1 }, rowspan: { default: 1 } },
  },
  text: { group: "inline" },
  /** A reference to a footnote: a reference, not words, so its leaf text is empty. */
  footnote_ref: {
    group: "inline",
    inline: true,
    atom: true,
    attrs: { id: { default: "" }, marker: { default: "" } },
    leafText: () => "",
  },
};

const marks: Record<string, MarkSpec> = {
  /** Typographic emphasis as the source had it: italic, bold, underline, small caps, upper case... */
  emphasis: { attrs: { kind: { default: "italic" } }, excludes: "" },
  /**
   * Where a passage of a consolidated text comes from: "B" for the basic act, "M1"... for
   * amending acts, "C1"... for corrigenda. Kept as provenance, never as words.
   */
  provenance: { attrs: { source: { default: "B" } }, inclusive: false },
};

export const legalSchema = new Schema({ nodes, marks, topNode: "doc" });

const provisionTypeSet: ReadonlySet<string> = new Set(PROVISION_TYPES);

/** True when the node type is a provision (citation, recital, group, article, division, annex). */
export function isProvisionType(name: string): name is ProvisionType {
  return provisionTypeSet.has(name);
}
