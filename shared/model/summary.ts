/*
 * A document's summary: its title, how many provisions of each kind it has, and its words.
 * What `synopsis import` prints and what the server answers after an upload.
 */
import type { Node } from "prosemirror-model";
import { countWords, provisionsOf, titleOf } from "./walk";

export interface DocumentSummary {
  readonly title: string;
  /** Provisions by kind, in the order kinds are first met. */
  readonly counts: Readonly<Record<string, number>>;
  readonly words: number;
}

export function summarize(doc: Node): DocumentSummary {
  const counts: Record<string, number> = {};
  for (const { type } of provisionsOf(doc)) counts[type] = (counts[type] ?? 0) + 1;
  return { title: titleOf(doc), counts, words: countWords(doc.textBetween(0, doc.content.size, " ", " ")) };
}
