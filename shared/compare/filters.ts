/*
 * Filters over the comparison table: changed rows only, kinds of provision, words searched for,
 * and a range of provisions ("Article 4" to "Article 9"). A kind takes its provisions whole: the
 * articles with their paragraphs and points. (A chapter's articles stand beside it in the table,
 * not under it: "chapter" takes the chapters' rows alone, and a range from one chapter to the
 * next takes what is between.) A row kept by a filter keeps its parent rows, so that a point is
 * never shown without the article it belongs to.
 */
import type { Comparison, ComparisonCell, ComparisonRow } from "./comparison";
import { GROUP_TYPES } from "../model/schema";

export interface RowFilter {
  readonly changedOnly?: boolean;
  readonly types?: readonly string[];
  /** Words to find in any cell, case, accents and the width of spacing ignored. */
  readonly search?: string;
  /** Labels of the first and last provisions of a range ("Article 4", "Recital 12"): the reference's numbering first, then any column's. */
  readonly range?: { readonly from: string; readonly to: string };
}

/** Text as search compares it: accents, case and the width of spacing ignored ("personal   data" finds "personal\ndata"). */
function fold(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").replace(/\s+/g, " ").toLowerCase();
}

/** What a search looks in: a cell's label, heading, words and footnotes. */
function searchedText(cell: ComparisonCell): string {
  const notes = cell.footnotes?.map((n) => n.text).join(" ") ?? "";
  return `${cell.label} ${cell.heading ?? ""} ${cell.text} ${notes}`;
}

/** The labels a row is known by, in the order a range looks for them. */
const LABEL_CHOICES: readonly ((row: ComparisonRow, ref: number) => readonly string[])[] = [
  // The reference's own numbering, which the table's labels show.
  (row, ref) => (row.cells[ref] ? [row.cells[ref].label] : []),
  // The label shown for a row the reference lacks: another version's numbering, named.
  (row) => [row.label],
  // Any column's, for a number only another version has.
  (row) => row.cells.flatMap((c) => (c ? [c.label] : [])),
];

/** The first row from `start` on known by `label`: by the reference's numbering first, then by the label shown, then by any column's. */
function rowLabelled(rows: readonly ComparisonRow[], ref: number, label: string, start: number): number {
  const wanted = fold(label);
  for (const labelsOf of LABEL_CHOICES) {
    const found = rows.findIndex((r, i) => i >= start && labelsOf(r, ref).some((l) => fold(l) === wanted));
    if (found >= 0) return found;
  }
  return -1;
}

/**
 * The indices of the rows in a range: from the first row labelled `from` to the last row in or
 * under the one labelled `to` (a chapter's articles are under it), the labels read in the reference's numbering where it has them:
 * another version's "Recital 8" standing in the reference's recital 5 row does not end a range
 * "recital 5" to "recital 8".
 */
function rangeOf(rows: readonly ComparisonRow[], ref: number, from: string, to: string): [number, number] | null {
  const start = rowLabelled(rows, ref, from, 0);
  if (start < 0) return null;
  const endRow = rangeEnd(rows, ref, to, start);
  return endRow < 0 ? null : [start, lastUnder(rows, endRow)];
}

/**
 * The row that ends a range begun at `start`, or -1: the reference's provision of that label
 * wherever it stands (before `start`, the range is the wrong way round, whatever another
 * version numbers so later), else the first row from `start` known by it.
 */
function rangeEnd(rows: readonly ComparisonRow[], ref: number, label: string, start: number): number {
  const wanted = fold(label);
  const own = rows.findIndex((row) => row.cells[ref] !== null && row.cells[ref] !== undefined && fold(row.cells[ref].label) === wanted);
  if (own >= 0) return own >= start ? own : -1;
  return rowLabelled(rows, ref, label, start);
}

/** A group's rank: a part holds titles, a title chapters, down to subsections. */
const GROUP_RANK: ReadonlyMap<string, number> = new Map(GROUP_TYPES.map((type, rank) => [type, rank]));

/**
 * The last row in or under row `index`: its sub-provisions, which stand deeper; and for a group
 * of the body (a chapter), whose articles and smaller groups stand beside it in the table, the
 * rows up to the next group of its rank or above, or the end of the articles.
 */
function lastUnder(rows: readonly ComparisonRow[], index: number): number {
  const row = rows[index]!;
  const rank = GROUP_RANK.get(row.type);
  let end = index;
  for (let k = index + 1; k < rows.length; k++) {
    const next = rows[k]!;
    if (next.depth < row.depth) break;
    if (next.depth === row.depth) {
      if (rank === undefined) break;
      const nextRank = GROUP_RANK.get(next.type);
      if (nextRank !== undefined ? nextRank <= rank : next.type !== "article") break;
    }
    end = k;
  }
  return end;
}

/**
 * Why a range takes no row, in words, or null when it takes some: an end no row is known by, or
 * a last provision that comes before the first.
 */
export function rangeProblem(comparison: Comparison, range: NonNullable<RowFilter["range"]>): string | null {
  const { rows, ref } = comparison;
  const start = rowLabelled(rows, ref, range.from, 0);
  if (start < 0) return `no row is ${range.from}`;
  if (rangeEnd(rows, ref, range.to, start) >= 0) return null;
  return rowLabelled(rows, ref, range.to, 0) >= 0 ? `${range.to} comes before ${range.from}` : `no row is ${range.to}`;
}

/** The rows that pass the filter, with the parents of those that pass. */
export function filterRows(comparison: Comparison, filter: RowFilter): ComparisonRow[] {
  const { rows } = comparison;
  const search = filter.search ? fold(filter.search.trim()) : "";
  const range = filter.range ? rangeOf(rows, comparison.ref, filter.range.from, filter.range.to) : null;
  if (filter.range && range === null) return [];
  const types = filter.types && filter.types.length > 0 ? filter.types : null;
  /** Whether the row, or a provision it stands under, is of a kind asked for: "article" takes articles whole, paragraphs and points with them. */
  const ofKind = (row: ComparisonRow, parents: readonly number[]) =>
    types === null || types.includes(row.type) || parents.some((p) => types.includes(rows[p]!.type));
  const passes = (row: ComparisonRow, i: number, parents: readonly number[]): boolean => {
    if (filter.changedOnly && row.status === "same") return false;
    if (!ofKind(row, parents)) return false;
    if (range && (i < range[0] || i > range[1])) return false;
    if (search && !row.cells.some((c) => c !== null && fold(searchedText(c)).includes(search))) return false;
    return true;
  };
  const keep = new Array<boolean>(rows.length).fill(false);
  const parents: number[] = [];
  rows.forEach((row, i) => {
    parents.length = row.depth;
    if (passes(row, i, parents)) {
      keep[i] = true;
      for (const p of parents) keep[p] = true;
    }
    parents[row.depth] = i;
  });
  return rows.filter((_, i) => keep[i]);
}

/**
 * The place in `shown` (rows that passed a filter, in table order) of the shown row nearest to
 * row `index` of the whole table: the row itself when shown, else the closest before or after it
 * (the later on a tie); -1 when none is shown. Where a click on the change map lands.
 */
export function nearestShown(rows: readonly ComparisonRow[], shown: readonly ComparisonRow[], index: number): number {
  const positions = new Map(rows.map((row, i) => [row, i]));
  let best = -1;
  let bestDistance = Infinity;
  shown.forEach((row, k) => {
    const distance = Math.abs(positions.get(row)! - index);
    if (distance <= bestDistance) {
      best = k;
      bestDistance = distance;
    }
  });
  return best;
}
