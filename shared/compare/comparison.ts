/*
 * The comparison table: aligned rows in reading order, each cell with its words and their diff
 * against the reference column, statistics per column, and warnings when the versions look like
 * different acts. The shape of `synopsis compare --json` and of the API's comparison.
 */
import type { Node } from "prosemirror-model";
import { alignVersions, type AlignedRow, type AlignmentOverride, type RowStatus } from "./alignment";
import { ComparableMaker, type Comparable, type VersionSequences } from "./comparable";
import { DIFF_TIME_LIMIT_MS, tokenDiff, type DiffSpan } from "./word-diff";
import { Lexicon } from "./lexicon";
import { overridesInWords, overridesNotFollowed } from "./override-outcome";
import { FRAMING_TYPES } from "./framing";
import { isProvisionType } from "../model/schema";
import { footnoteDiffs, footnotesAsTheyStand, type CellFootnote } from "./footnote-diff";
import { carriedWords } from "./carried-words";

/** The fewest and most versions a comparison takes: two to compare, six columns fit a screen. */
export const MIN_VERSIONS = 2;
export const MAX_VERSIONS = 6;
/** Below this share of rows aligned across versions, the versions are said to be different acts. */
const DIFFERENT_ACTS_SHARE = 0.3;

export type ComparisonErrorCode = "too-few-versions" | "too-many-versions" | "empty-version" | "reference-out-of-range" | "names-mismatch";

/** A comparison that cannot be made as asked: says why. */
export class ComparisonError extends Error {
  override readonly name = "ComparisonError";
  constructor(
    readonly code: ComparisonErrorCode,
    message: string,
    /** The version at fault, counted from 0, when one is: the empty one. */
    readonly version: number | null = null,
  ) {
    super(message);
  }
}

export interface ComparisonCell {
  readonly eId: string;
  /** The provision's kind ("article", "paragraph"): a row may hold provisions of neighbouring kinds. */
  readonly type: string;
  readonly label: string;
  readonly num: string | null;
  readonly heading: string | null;
  readonly text: string;
  /** The cell's words against the reference cell's; the reference cell's own diff is one "=" span. */
  readonly diff: DiffSpan[];
  /** Set when the heading differs from the reference cell's heading. */
  readonly headingDiff?: DiffSpan[];
  /** What happened to this cell relative to the reference; null for the reference cell. */
  readonly status: RowStatus | null;
  /** How sure the alignment is that this cell belongs in this row, 0 to 1; 1 for the reference cell. */
  readonly confidence: number;
  readonly note: string | null;
  /** True when the diff ran out of time and the cell is shown as rewritten. */
  readonly rewritten?: boolean;
  /** The Parliament's amendment numbers for this provision ("AM 60"), where its text marks them. */
  readonly amendments?: readonly string[];
  /** The footnotes its words refer to, against the reference cell's; absent when neither has any. */
  readonly footnotes?: CellFootnote[];
}

export interface ComparisonRow {
  readonly type: string;
  readonly depth: number;
  /** The row's label: the reference cell's, else the first cell's. */
  readonly label: string;
  readonly status: RowStatus;
  readonly confidence: number;
  readonly cells: (ComparisonCell | null)[];
  /**
   * Per column, what happened to the reference provision there, or null for the reference
   * column; for a column without a cell it says why ("deleted", or "merged" into a neighbour).
   */
  readonly statuses: (RowStatus | null)[];
  /** Per column, where a provision went ("merged into Article 5(1)"), for columns without a cell too. */
  readonly notes: (string | null)[];
}

/**
 * What the statistics count of a column against the reference, in the order tables show them:
 * "renumbered" is numbered otherwise, words unchanged (no change of the text); "split" the parts
 * split from a reference's provision beside the one that keeps its place; "merged" the
 * reference's provisions run into a neighbour.
 */
export const STATISTICS = ["unchanged", "renumbered", "changed", "inserted", "deleted", "moved", "split", "merged"] as const;

/**
 * The statistics of one column: how many of its provisions each happening counts (and, as
 * deleted or merged, the reference's provisions it lacks), and how many provisions it has. The
 * reference is compared with nothing: its counts are 0, its provisions counted. Each column's
 * provisions are its own: where versions are built otherwise (an article of words alone in one,
 * an article with its paragraph 1 in the other), a column's counts need not add up to the
 * reference's provisions.
 */
export type ColumnStatistics = { readonly [K in (typeof STATISTICS)[number]]: number } & { readonly provisions: number };

/** What the statistics say of the reference column: "65 provisions, which the others are counted against". */
export function referenceWords(statistics: ColumnStatistics): string {
  return `${statistics.provisions} ${statistics.provisions === 1 ? "provision" : "provisions"}, which the others are counted against`;
}

export interface Comparison {
  readonly versions: string[];
  readonly ref: number;
  readonly rows: ComparisonRow[];
  /** Per column, what it did to the reference; the reference's own column counts its provisions as unchanged. */
  readonly statistics: ColumnStatistics[];
  readonly warnings: string[];
  /** The alignment corrections made by hand that the comparison was made with, in words. */
  readonly corrections: string[];
  /** Notices the versions carry (a demonstration text says it is not the authentic one), once each. */
  readonly notices: string[];
}

export interface CompareOptions {
  readonly names?: readonly string[];
  readonly ref?: number;
  readonly overrides?: readonly AlignmentOverride[];
  readonly diffTimeLimitMs?: number;
}

/** Compares two to six versions of an act. */
export function compareVersions(docs: readonly Node[], options: CompareOptions = {}): Comparison {
  const ref = options.ref ?? 0;
  if (docs.length < MIN_VERSIONS)
    throw new ComparisonError("too-few-versions", `a comparison needs at least ${MIN_VERSIONS} versions; ${docs.length} given`);
  if (docs.length > MAX_VERSIONS)
    throw new ComparisonError("too-many-versions", `a comparison takes at most ${MAX_VERSIONS} versions; ${docs.length} given`);
  if (!Number.isInteger(ref) || ref < 0 || ref >= docs.length) {
    throw new ComparisonError(
      "reference-out-of-range",
      `the reference column must be 0 to ${docs.length - 1} (counting from 0); ${ref} given`,
    );
  }
  const names = options.names ? [...options.names] : docs.map((_, i) => `Version ${i + 1}`);
  if (names.length !== docs.length) throw new ComparisonError("names-mismatch", `${names.length} names given for ${docs.length} versions`);
  const lexicon = new Lexicon();
  const maker = new ComparableMaker(lexicon);
  const sequences = docs.map((doc, i) => maker.sequencesOf(doc, i));
  sequences.forEach((s, i) => {
    const why = whyUncomparable(s);
    if (why !== null) throw new ComparisonError("empty-version", `the version "${names[i]}" ${why}`, i);
  });
  const aligned = alignVersions(sequences, ref, lexicon, options.overrides ?? []);
  const differ: CellDiffer = { limit: options.diffTimeLimitMs ?? DIFF_TIME_LIMIT_MS, lexicon };
  const rows: ComparisonRow[] = [];
  /** The cells that only say their provision is deleted: no provision, for the statistics. */
  const marks = new Set<ComparisonCell>();
  const flatten = (list: readonly AlignedRow[], depth: number) => {
    for (const row of list) {
      const made = tableRow(row, depth, ref, differ);
      row.cells.forEach((cell, v) => {
        if (cell?.deletedMark) marks.add(made.cells[v]!);
      });
      rows.push(made);
      flatten(row.children, depth + 1);
    }
  };
  flatten(aligned, 0);
  const notices = [...new Set(docs.map((d) => d.attrs.notice as string | null).filter((n): n is string => n !== null))];
  return {
    versions: names,
    ref,
    rows,
    statistics: statisticsOf(rows, docs.length, ref, marks),
    warnings: [...warningsOf(rows, names, ref), ...overridesNotFollowed(rows, options.overrides ?? [], names)],
    corrections: overridesInWords(rows, options.overrides ?? [], names),
    notices,
  };
}

/**
 * What keeps a version from being compared, in words to follow its name ("has no provisions to
 * compare"), or null when nothing does.
 */
function whyUncomparable(sequences: VersionSequences): string | null {
  const provisions = [...sequences.citations, ...sequences.recitals, ...sequences.body, ...sequences.annexes];
  if (provisions.length === 0) return "has no provisions to compare";
  if (provisions.some(hasWords)) return null;
  const count = provisions.length === 1 ? "its one provision has" : `its ${provisions.length} provisions have`;
  return `has no words to compare: ${count} a number at most`;
}

/**
 * What would keep a document from being compared with any other, as `compareVersions` would say
 * it after the version's name, or null: for an upload to be refused rather than stored to fail
 * every comparison.
 */
export function whyNotComparable(doc: Node): string | null {
  // Most acts have a letter or a digit in their first provision's words: no need to tokenize them all to know.
  let found = false;
  doc.descendants((node, _pos, parent) => {
    if (found) return false;
    if (isProvisionType(node.type.name) && LETTER_OR_DIGIT.test((node.attrs.heading as string | null) ?? "")) found = true;
    else if (node.isTextblock && parent !== null && isProvisionType(parent.type.name) && LETTER_OR_DIGIT.test(node.textContent))
      found = true;
    // Within a provision's blocks (a table's cells) too, but not in the act's title or formulas.
    return !found && node.type.name !== "preface" && node.type.name !== "conclusions";
  });
  return found ? null : whyUncomparable(new ComparableMaker(new Lexicon()).sequencesOf(doc, 0));
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Whether a provision has a word of its own, in its heading, or in a sub-provision. */
function hasWords(provision: Comparable): boolean {
  return provision.tokens.ids.length > 0 || (provision.headingTokens?.ids.length ?? 0) > 0 || provision.children.some(hasWords);
}

/** How cells are diffed: the time limit of one diff, and the lexicon their tokens come from. */
interface CellDiffer {
  readonly limit: number;
  readonly lexicon: Lexicon;
}

function tableRow(row: AlignedRow, depth: number, ref: number, differ: CellDiffer): ComparisonRow {
  const base = row.cells[ref] ?? null;
  const cells = row.cells.map((cell, v) => {
    if (cell === null) return null;
    // The reference's "deleted", as the Parliament prints a provision it deletes, is no words to
    // diff a provision against: the provision stands whole against it, the mark removed.
    if (v !== ref && base?.deletedMark === true && !cell.deletedMark) return againstDeletedMark(cell, base, row.relations[v] ?? null);
    return tableCell(cell, v === ref ? null : base, v === ref, row.relations[v] ?? null, differ);
  });
  const first = (base ?? row.cells.find((c) => c !== null))!;
  return {
    type: first.type,
    depth,
    label: first.label,
    status: row.status,
    confidence: row.confidence,
    cells,
    statuses: row.relations.map((r) => r?.status ?? null),
    notes: row.relations.map((r) => r?.note ?? null),
  };
}

function tableCell(
  cell: Comparable,
  base: Comparable | null,
  isRef: boolean,
  relation: AlignedRow["relations"][number],
  differ: CellDiffer,
): ComparisonCell {
  const note = relation?.note ?? null;
  if (isRef) return cellOf(cell, [["=", cell.text]], footnotesAsTheyStand(cell.footnotes, "="), null, 1, note);
  const confidence = relation?.confidence ?? 1;
  // A "deleted" where the reference has nothing either: both lack the provision.
  if (base === null && cell.deletedMark) {
    return cellOf(cell, [["=", cell.text]], footnotesAsTheyStand(cell.footnotes, "="), relation?.status ?? "same", confidence, note);
  }
  if (base === null) {
    const from = relation?.from ?? null;
    const diff: DiffSpan[] =
      from !== null ? carriedWords(from.tokens, cell.tokens, differ.lexicon, differ.limit) : cell.text === "" ? [] : [["+", cell.text]];
    return cellOf(cell, diff, footnotesAsTheyStand(cell.footnotes, "+"), relation?.status ?? "inserted", confidence, note);
  }
  const { spans, rewritten } = tokenDiff(base.tokens, cell.tokens, differ.lexicon, differ.limit);
  const footnotes = footnoteDiffs(base.footnotes, cell.footnotes, differ);
  const made = cellOf(cell, spans, footnotes, relation?.status ?? "same", confidence, note);
  if (cell.heading === base.heading && !rewritten) return made;
  const empty = differ.lexicon.tokens("");
  const headingDiff =
    cell.heading !== base.heading
      ? tokenDiff(base.headingTokens ?? empty, cell.headingTokens ?? empty, differ.lexicon, differ.limit).spans
      : undefined;
  return { ...made, ...(headingDiff ? { headingDiff } : {}), ...(rewritten ? { rewritten } : {}) };
}

/** A cell whose reference only says the provision is deleted: all its words added, the mark's removed. */
function againstDeletedMark(cell: Comparable, mark: Comparable, relation: AlignedRow["relations"][number]): ComparisonCell {
  const diff: DiffSpan[] = [["-", mark.text]];
  if (cell.text !== "") diff.push(["+", cell.text]);
  return cellOf(
    cell,
    diff,
    footnotesAsTheyStand(cell.footnotes, "+"),
    relation?.status ?? "inserted",
    relation?.confidence ?? 1,
    relation?.note ?? null,
  );
}

function cellOf(
  cell: Comparable,
  diff: DiffSpan[],
  footnotes: CellFootnote[],
  status: RowStatus | null,
  confidence: number,
  note: string | null,
): ComparisonCell {
  const made = {
    eId: cell.eId,
    type: cell.type,
    label: cell.label,
    num: cell.num,
    heading: cell.heading,
    text: cell.text,
    diff,
    status,
    confidence,
    note,
  };
  // Most cells have neither: the fields are left out rather than empty.
  if (cell.amendments.length === 0 && footnotes.length === 0) return made;
  return {
    ...made,
    ...(cell.amendments.length === 0 ? {} : { amendments: cell.amendments }),
    ...(footnotes.length === 0 ? {} : { footnotes }),
  };
}

/**
 * `marks` are the cells that only say their provision is deleted ("deleted", as the Parliament
 * prints it): no provision of their column. Against the reference's provision, one is that
 * provision deleted; against nothing, or another such cell, nothing happened: both lack it.
 */
function statisticsOf(rows: readonly ComparisonRow[], width: number, ref: number, marks: ReadonlySet<ComparisonCell>): ColumnStatistics[] {
  return Array.from({ length: width }, (_, v) => {
    const stats = { unchanged: 0, renumbered: 0, changed: 0, inserted: 0, deleted: 0, moved: 0, split: 0, merged: 0, provisions: 0 };
    // A provision whose unnumbered words stand in a paragraph's row has two cells, the one in
    // its own row without words: it counts once, by its words.
    // Only the cells of provisions with a cell without words are counted, most having words.
    const cellsOfWordless = new Map<string, number>();
    for (const row of rows) {
      const cell = row.cells[v] ?? null;
      if (cell !== null && cell.text === "") cellsOfWordless.set(cell.eId, 0);
    }
    if (cellsOfWordless.size > 0) {
      for (const row of rows) {
        const cell = row.cells[v] ?? null;
        const count = cell === null ? undefined : cellsOfWordless.get(cell.eId);
        if (count !== undefined) cellsOfWordless.set(cell!.eId, count + 1);
      }
    }
    for (const row of rows) {
      const cell = row.cells[v] ?? null;
      if (cell !== null && cell.text === "" && cellsOfWordless.get(cell.eId)! > 1) continue;
      // The act's title and concluding formulas are no provisions: their rows are shown, not counted.
      if (FRAMING_TYPES.has(row.type)) continue;
      if (cell !== null && !marks.has(cell)) stats.provisions++;
      if (v === ref) continue;
      const refCell = row.cells[ref] ?? null;
      const refLacks = refCell === null || marks.has(refCell);
      if (cell === null) {
        // A provision merged into its neighbour is not lost.
        if (row.statuses[v] === "merged") stats.merged++;
        else if (!refLacks) stats.deleted++;
        continue;
      }
      if (marks.has(cell) && refLacks) continue;
      switch (cell.status) {
        case "same":
          stats.unchanged++;
          break;
        case "renumbered":
          stats.renumbered++;
          break;
        case "inserted":
          stats.inserted++;
          break;
        case "split":
          stats.split++;
          break;
        case "moved":
          stats.moved++;
          break;
        // A provision the version prints as "deleted" is deleted, though it has a cell.
        case "deleted":
          stats.deleted++;
          break;
        default:
          stats.changed++;
      }
    }
    return stats;
  });
}

function warningsOf(rows: readonly ComparisonRow[], names: readonly string[], ref: number): string[] {
  const warnings: string[] = [];
  // The title row is in every version whatever its words: it says nothing of whether the acts are one.
  const top = rows.filter((r) => r.depth === 0 && !FRAMING_TYPES.has(r.type));
  names.forEach((name, v) => {
    if (v === ref) return;
    const inEither = top.filter((r) => (r.cells[v] ?? null) !== null || (r.cells[ref] ?? null) !== null);
    const inBoth = inEither.filter((r) => (r.cells[v] ?? null) !== null && (r.cells[ref] ?? null) !== null);
    const share = inEither.length === 0 ? 0 : inBoth.length / inEither.length;
    if (share < DIFFERENT_ACTS_SHARE) {
      warnings.push(
        `${name} and ${names[ref]} have only ${Math.round(share * 100)} % of their provisions in common: they may not be versions of one act, and the alignment is of low confidence`,
      );
    }
    // A consolidated text carries no preamble: its lack is a kind of text, not a deletion by the law.
    for (const [kind, plural] of [
      ["citation", "citations"],
      ["recital", "recitals"],
    ] as const) {
      const ofKind = top.filter((r) => r.type === kind);
      const inRef = ofKind.filter((r) => (r.cells[ref] ?? null) !== null).length;
      const here = ofKind.filter((r) => (r.cells[v] ?? null) !== null).length;
      if (inRef > 0 && here === 0)
        warnings.push(
          `${name} has no ${plural} at all, as a consolidated text or a text without its preamble: the ${inRef} ${plural} of ${names[ref]} count as deleted`,
        );
      else if (here > 0 && inRef === 0)
        warnings.push(
          `${names[ref]} has no ${plural} at all, as a consolidated text or a text without its preamble: the ${here} ${plural} of ${name} count as inserted`,
        );
    }
  });
  return warnings;
}
