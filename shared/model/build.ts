/*
 * Small builders for documents in the legal schema, used by the readers and by tests. Inline
 * text is gathered in runs and its whitespace folded the way a printed page shows it.
 */
import { Fragment, type Mark, type Node } from "prosemirror-model";
import { legalSchema, type ProvisionType } from "./schema";
import { assignIdentifiers } from "./numbering";

const schema = legalSchema;

/**
 * Gathers the inline content of one block: text with marks and footnote references. Whitespace
 * is folded to single spaces and trimmed at the block's edges when the block is built.
 */
export class InlineRun {
  private readonly parts: ({ kind: "text"; text: string; marks: readonly Mark[] } | { kind: "node"; node: Node })[] = [];

  text(text: string, marks: readonly Mark[] = []): this {
    if (text !== "") this.parts.push({ kind: "text", text, marks });
    return this;
  }

  footnoteRef(id: string, marker: string): this {
    this.parts.push({ kind: "node", node: schema.nodes.footnote_ref!.create({ id, marker }) });
    return this;
  }

  /** True when the run holds no words and no references. */
  get isBlank(): boolean {
    return this.parts.every((p) => p.kind === "text" && p.text.trim() === "");
  }

  /** The inline nodes, whitespace folded. */
  build(): Node[] {
    const nodes: Node[] = [];
    let pendingSpace = false;
    for (const part of this.parts) {
      if (part.kind === "node") {
        nodes.push(part.node);
        continue;
      }
      const folded = part.text.replace(/[\s\u00a0]+/g, " ");
      let text = folded;
      if (text.startsWith(" ")) {
        pendingSpace = true;
        text = text.slice(1);
      }
      const trailing = text.endsWith(" ");
      if (trailing) text = text.slice(0, -1);
      if (text === "") continue;
      if (pendingSpace && nodes.length > 0) text = " " + text;
      nodes.push(schema.text(text, part.marks));
      pendingSpace = trailing;
    }
    return nodes;
  }
}

/** A paragraph of text (the schema's `p`), from a string or a run. */
export function p(content: string | InlineRun = ""): Node {
  const run = typeof content === "string" ? new InlineRun().text(content) : content;
  return schema.nodes.p!.create(null, run.build());
}

export interface ProvisionFields {
  num?: string | null;
  heading?: string | null;
  guid?: string;
  eId?: string;
}

/** A provision of the given kind; its content is its own blocks followed by its sub-provisions. */
export function provision(type: ProvisionType, fields: ProvisionFields, content: readonly Node[]): Node {
  const attrs = {
    num: fold(fields.num),
    heading: fold(fields.heading),
    guid: fields.guid ?? "",
    eId: fields.eId ?? "",
  };
  const nodeType = schema.nodes[type]!;
  const fragment = Fragment.from(content.length === 0 && !nodeType.validContent(Fragment.empty) ? [p()] : [...content]);
  return nodeType.createChecked(attrs, fragment);
}

function fold(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const folded = value.replace(/[\s\u00a0]+/g, " ").trim();
  return folded === "" ? null : folded;
}

export interface ActParts {
  attrs?: { work?: string | null; date?: string | null; language?: string; stage?: string | null; notice?: string | null };
  preface?: readonly Node[];
  preamble?: readonly Node[] | null;
  body?: readonly Node[];
  conclusions?: readonly Node[] | null;
  annexes?: readonly Node[];
  footnotes?: readonly Node[];
}

/** A formula of the preamble or the enacting terms: `name` is preambleInit, recitalsIntro, enactingFormula... */
export function formula(name: string, blocks: readonly Node[]): Node {
  return schema.nodes.formula!.createChecked({ name }, Fragment.from(blocks.length ? [...blocks] : [p()]));
}

export function footnote(id: string, marker: string, blocks: readonly Node[]): Node {
  return schema.nodes.footnote!.createChecked({ id, marker }, Fragment.from(blocks.length ? [...blocks] : [p()]));
}

export function signature(blocks: readonly Node[]): Node {
  return schema.nodes.signature!.createChecked(null, Fragment.from(blocks.length ? [...blocks] : [p()]));
}

/** A table from rows of cells, each cell a list of blocks. */
export function table(rows: readonly { header?: boolean; colspan?: number; rowspan?: number; blocks: readonly Node[] }[][]): Node {
  return schema.nodes.table!.createChecked(
    null,
    rows.map((cells) =>
      schema.nodes.table_row!.createChecked(
        null,
        cells.map((c) =>
          schema.nodes.table_cell!.createChecked(
            { header: c.header ?? false, colspan: c.colspan ?? 1, rowspan: c.rowspan ?? 1 },
            Fragment.from([...c.blocks]),
          ),
        ),
      ),
    ),
  );
}

/** A whole act, with eIds computed and guids given. Empty optional parts are left out. */
export function act(parts: ActParts): Node {
  const n = schema.nodes;
  const children: Node[] = [n.preface!.createChecked(null, Fragment.from([...(parts.preface ?? [])]))];
  if (parts.preamble && parts.preamble.length > 0) children.push(n.preamble!.createChecked(null, Fragment.from([...parts.preamble])));
  children.push(n.body!.createChecked(null, Fragment.from([...(parts.body ?? [])])));
  if (parts.conclusions && parts.conclusions.length > 0) {
    children.push(n.conclusions!.createChecked(null, Fragment.from([...parts.conclusions])));
  }
  children.push(...(parts.annexes ?? []));
  if (parts.footnotes && parts.footnotes.length > 0) children.push(n.footnotes!.createChecked(null, Fragment.from([...parts.footnotes])));
  return assignIdentifiers(n.doc!.createChecked({ language: "en", ...parts.attrs }, Fragment.from(children)));
}
