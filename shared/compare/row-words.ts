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
 * "uncertain alignment 0.32"; null when sure, and for a row of one cell, which nothing stands
 * beside to be aligned with.
 */
export function confidenceWords(row: ComparisonRow): string | null {
  if (row.confidence >= SURE_MATCH || hasOneCell(row)) return null;
  const score = scoreWords(row.confidence);
  return row.confidence < UNCERTAIN_CONFIDENCE ? `uncertain alignment ${score}` : `alignment ${score}`;
}

/**
 * A confidence cut, not rounded, to two decimals: 0.899 is no sure match, and must not read
 * "0.90". From thousandths, as confidences are kept: 0.29 * 100 is 28.999… in floating point.
 */
function scoreWords(confidence: number): string {
  return (Math.floor(Math.round(confidence * 1000) / 10) / 100).toFixed(2);
}

/** The class of the confidence's words: "confidence", and "uncertain" too below UNCERTAIN_CONFIDENCE, shown more strongly. */
export function confidenceClass(row: ComparisonRow): string {
  return row.confidence < UNCERTAIN_CONFIDENCE && !hasOneCell(row) ? "confidence uncertain" : "confidence";
}

/**
 * What happened to a cell, in words: its status or where it went ("moved from after Article 7"),
 * whether its place in the row is uncertain, and whether it is shown rewritten; null for a cell
 * the same as the reference's. The uncertainty is said of the cell as well as of the row, so that
 * a reader sees which column to check (a row of a cell pinned by hand may be uncertain in
 * another); a cell alone in its row (`alone`) has no place to doubt.
 */
export function cellStatusWords(cell: ComparisonCell, alone = false): string | null {
  const said: string[] = [];
  if (cell.status !== null && cell.status !== "same") said.push(cell.note ?? cell.status);
  if (!alone && cell.confidence < UNCERTAIN_CONFIDENCE) said.push(`uncertain alignment ${scoreWords(cell.confidence)}`);
  if (cell.rewritten) said.push("rewritten: too many changes to mark word by word in time, so shown all removed and all added");
  return said.length === 0 ? null : said.join("; ");
}

/** Whether a row has one cell only: nothing stands beside it to be aligned with. */
export function hasOneCell(row: ComparisonRow): boolean {
  return row.cells.filter((c) => c !== null).length === 1;
}
