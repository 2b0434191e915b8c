/*
 * Whose numbering a row's label is in. A row is labelled by its reference cell, or, where the
 * reference lacks the provision, by its first cell: then the label is another version's number,
 * and may be the same as the label of a reference row nearby ("Recital 2" of the act beside
 * "Recital 2" of the proposal), so the table names the version it comes from.
 */
import type { ComparisonRow } from "./comparison";

/** The column whose numbering the row's label is in, when it is not the reference's; null when it is. */
export function labelColumn(row: ComparisonRow, ref: number): number | null {
  if ((row.cells[ref] ?? null) !== null) return null;
  const first = row.cells.findIndex((c) => c !== null);
  return first < 0 ? null : first;
}
