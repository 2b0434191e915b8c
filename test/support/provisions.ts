/*
 * Finding provisions in a document in tests: by kind, by eId, with their citation label, and
 * the parts of the act (preamble, conclusions, footnotes).
 */
import type { Node } from "prosemirror-model";
import { citationLabel, labelSteps } from "../../shared/model/labels";
import type { ProvisionType } from "../../shared/model/schema";
import { provisionsOf, type ProvisionVisit } from "../../shared/model/walk";

export function provisions(doc: Node, type?: ProvisionType): ProvisionVisit[] {
  const all = provisionsOf(doc);
  return type ? all.filter((v) => v.type === type) : all;
}

export function visit(doc: Node, eId: string): ProvisionVisit {
  const found = provisionsOf(doc).find((v) => v.node.attrs.eId === eId);
  if (!found) throw new Error(`no provision ${eId}`);
  return found;
}

export const provision = (doc: Node, eId: string): Node => visit(doc, eId).node;

export function label(doc: Node, eId: string): string {
  const found = visit(doc, eId);
  return citationLabel(labelSteps([...found.ancestors, found.node]));
}

/** The provision's own first paragraph of words. */
export function firstWords(node: Node): string {
  return node.firstChild?.textContent ?? "";
}

/** The document's part of the given kind (preface, preamble, conclusions, footnotes...), if it has one. */
export function partOf(doc: Node, name: string): Node | undefined {
  let found: Node | undefined;
  doc.forEach((part) => {
    if (part.type.name === name) found = part;
  });
  return found;
}
