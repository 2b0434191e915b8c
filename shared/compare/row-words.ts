/*
 * What the table says in words beside a row's label and under a cell's words, the same in the
 * app and in the HTML export, so that neither colour nor a tooltip is the only way to know it:
 * how sure the alignment is of a row, and what happened to a cell.
 */
import type { ComparisonCell, ComparisonRow } from "./comparison";
import { SURE_MATCH } from "./pair-scores";

/** Below this a row's alignment is uncertain, and its label says so: worth a reader's check. */
export const UNCERTAIN_CONFIDENCE = 0.5;

/**
 * How sure the row's alignment is, in words, when it is not a sure match: "alignment 0.66",
 * "uncertain alignment 0.32"; null when sure.
 */
export function confidenceWords(row: ComparisonRow): string | null {
  if (row.confidence >= SURE_MATCH) return null;
  // Cut, not rounded, to two decimals: 0.899 is no sure match, and must not read "0.90".
  // From thousandths, as confidences are kept: 0.29 * 100 is 28.999… in floating point.
  const score = (Math.floor(Math.round(row.confidence * 1000) / 10) / 100).toFixed(2);
  return row.confidence < UNCERTAIN_CONFIDENCE ? `uncertain alignment ${score}` : `alignment ${score}`;
}

/** The class of the confidence's words: "confidence", and "uncertain" too below UNCERTAIN_CONFIDENCE, shown more strongly. */
export function confidenceClass(row: ComparisonRow): string {
  return row.confidence < UNCERTAIN_CONFIDENCE ? "confidence uncertain" : "confidence";
}

/** What happened to a cell, in words: its status or where it went ("moved from after Article 7"), and whether it is shown rewritten; null for a cell the same as the reference's. */
export function cellStatusWords(cell: ComparisonCell): string | null {
  const status = cell.status !== null && cell.status !== "same" ? (cell.note ?? cell.status) : null;
  if (!cell.rewritten) return status;
  const rewritten = "rewritten: too many changes to mark word by word in time, so shown all removed and all added";
  return status === null ? rewritten : `${status}; ${rewritten}`;
}
