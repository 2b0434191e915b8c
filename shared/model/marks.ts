/*
 * The marks readers put on text, made once per kind and shared: a long act has tens of thousands
 * of runs of text with the same few marks.
 */
import type { Mark } from "prosemirror-model";
import { legalSchema } from "./schema";

const emphases = new Map<string, Mark>();
const provenances = new Map<string, Mark>();

/** Typographic emphasis: "italic", "bold", "sup", "uppercase"... */
export function emphasisMark(kind: string): Mark {
  let mark = emphases.get(kind);
  if (!mark) {
    mark = legalSchema.marks.emphasis!.create({ kind });
    emphases.set(kind, mark);
  }
  return mark;
}

/** Where a passage of a consolidated text comes from: "B", "M1", "C1"... */
export function provenanceMark(source: string): Mark {
  let mark = provenances.get(source);
  if (!mark) {
    mark = legalSchema.marks.provenance!.create({ source });
    provenances.set(source, mark);
  }
  return mark;
}
