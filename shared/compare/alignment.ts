/*
 * Alignment of two to six versions of an act: which provisions correspond, as the rows of the
 * four-column table. Level by level (citations, recitals, groups and articles, annexes, then the
 * sub-provisions inside each aligned row), each version is aligned in turn against the rows built
 * so far by an order-preserving alignment; what is left over is recognised as moved, split or
 * merged where the words say so, and otherwise as inserted or deleted.
 */
import { sameFootnotes, type Comparable, type VersionSequences } from "./comparable";
import { alignSequences } from "./sequence-alignment";
import type { Pair } from "./longest-chain";
import { PairScores, SURE_MATCH } from "./pair-scores";
import { WordBag } from "./word-bag";
import type { Lexicon } from "./lexicon";
import { compatibleKinds, provisionSimilarity, WordWeights } from "./similarity";
import { GROUP_TYPES } from "../model/schema";
import { deletedMarkScore, Numbering } from "./deleted-marks";

const GROUPS: ReadonlySet<string> = new Set(GROUP_TYPES);
const NONE: readonly Comparable[] = [];

export type RowStatus = "same" | "changed" | "renumbered" | "inserted" | "deleted" | "moved" | "split" | "merged";

/** What happened to one version's provision relative to the reference column. */
export interface CellRelation {
  readonly status: RowStatus;
  /** How sure the alignment is of this cell's place, 0 to 1. */
  readonly confidence: number;
  /** For moved, split and merged cells: where from or into, in words ("moved from after Article 7"). */
  readonly note: string | null;
  /**
   * For a cell split from a reference provision that stands in another row: that provision, for
   * the cell's words to be told apart into those it carried from it and those that are new.
   */
  readonly from?: Comparable;
}

export interface AlignedRow {
  readonly cells: (Comparable | null)[];
  /** Per column; null where the column has no cell and is the reference, or nothing is said. */
  readonly relations: (CellRelation | null)[];
  readonly status: RowStatus;
  readonly confidence: number;
  readonly children: AlignedRow[];
}

/** A person's correction of the alignment, kept per dossier and respected on the next run. */
export interface AlignmentOverride {
  readonly kind: "pin" | "separate";
  readonly a: { readonly version: number; readonly eId: string };
  readonly b: { readonly version: number; readonly eId: string };
}

/** Below this similarity two provisions are not taken to be versions of one another in place. */
export const MATCH_THRESHOLD = 0.4;
/** Between matched neighbours, where few rows and items are left, a pair whose words are this similar still matches. */
export const GAP_MATCH_THRESHOLD = 0.35;
/** Gaps of up to this many row-item pairs are searched with the lower threshold. */
const GAP_PAIRS_LIMIT = 64;
/** A provision out of order is taken to have moved only when its words are this close. */
export const MOVE_THRESHOLD = 0.6;
/** A loose match in order gives way to a move when the moved place is this much closer. */
const MOVE_MARGIN = 0.2;
/** Two bags whose weighted totals differ by more than this ratio cannot have a Dice coefficient of SURE_MATCH. */
const SAME_SIZE = SURE_MATCH / (2 - SURE_MATCH);
/** A neighbour joins a split or merge when it raises the similarity by at least this much. */
const SPLIT_GAIN = 0.1;
/** A pinned pair's similarity: as certain as identical words, because a person said so. */
const PINNED = 1;

const PRECEDENCE: readonly RowStatus[] = ["moved", "split", "merged", "inserted", "deleted", "changed", "renumbered", "same"];

interface WorkRow {
  cells: (Comparable | null)[];
  scores: (number | null)[];
  notes: (string | null)[];
  kinds: ("matched" | "moved" | "split" | "merged" | null)[];
  /** For a split cell, the reference provision it was split from. */
  from: (Comparable | null)[];
}

class OverrideIndex {
  private readonly pairs = new Map<string, "pin" | "separate">();
  private readonly pins = new Map<string, string[]>();
  /** Every provision ("version:eId") an override names. */
  private readonly named = new Set<string>();

  constructor(overrides: readonly AlignmentOverride[]) {
    for (const o of overrides) {
      const a = `${o.a.version}:${o.a.eId}`;
      const b = `${o.b.version}:${o.b.eId}`;
      this.named.add(a).add(b);
      this.pairs.set(`${a}|${b}`, o.kind);
      this.pairs.set(`${b}|${a}`, o.kind);
      if (o.kind === "pin") {
        this.pins.set(a, [...(this.pins.get(a) ?? []), b]);
        this.pins.set(b, [...(this.pins.get(b) ?? []), a]);
      }
    }
  }

  get empty(): boolean {
    return this.pairs.size === 0;
  }

  /** The provisions ("version:eId") a provision is pinned to. */
  pinnedTo(item: Comparable): string[] {
    return this.pins.get(`${item.version}:${item.eId}`) ?? [];
  }

  /** Whether a person pinned or separated this provision. */
  names(item: Comparable): boolean {
    return this.named.size > 0 && this.named.has(`${item.version}:${item.eId}`);
  }

  kind(a: Comparable, b: Comparable): "pin" | "separate" | undefined {
    // Most comparisons have no overrides: skip building keys for every pair scored.
    if (this.pairs.size === 0) return undefined;
    return this.pairs.get(`${a.version}:${a.eId}|${b.version}:${b.eId}`);
  }
}

/**
 * Aligns the versions' sequences. `ref` is the reference column: rows follow its reading order,
 * and statuses say what the other columns did to it.
 */
export function alignVersions(
  versions: readonly VersionSequences[],
  ref: number,
  lexicon: Lexicon,
  overrides: readonly AlignmentOverride[] = [],
): AlignedRow[] {
  const order = [ref, ...versions.map((_, i) => i).filter((i) => i !== ref)];
  const context: LevelContext = {
    order,
    ref,
    overrides: new OverrideIndex(overrides),
    lexicon,
    weights: new Float64Array(lexicon.size),
    tally: new Int32Array(lexicon.size),
  };
  const level = (pick: (v: VersionSequences) => Comparable[]) => alignLevel(versions.map(pick), context);
  const rows = [
    ...framingRows(
      versions.map((v) => v.preface),
      context,
    ),
    ...level((v) => v.citations),
    ...level((v) => v.recitals),
    ...level((v) => v.body),
    // The concluding formulas close the enacting terms, before the annexes, as the act prints them.
    ...framingRows(
      versions.map((v) => v.conclusions),
      context,
    ),
    ...level((v) => v.annexes),
  ];
  joinMovesAcrossProvisions(rows, context);
  return rows;
}

/** A sub-provision's row, where it stands in the tree of rows, and the row of the provision it belongs to. */
interface PlacedRow {
  readonly row: AlignedRow;
  readonly siblings: AlignedRow[];
  readonly parent: AlignedRow;
}

/** A version's sub-provision moved into another provision: the row it left, the row it came to, and how alike their words are. */
interface MoveAcross {
  readonly v: number;
  readonly lost: PlacedRow;
  readonly found: PlacedRow;
  readonly score: number;
}

/**
 * A sub-provision moved across provisions keeps nearly all its words: the level's own moves may
 * be looser, as they are found among neighbours, while these are looked for across the act.
 */
const MOVE_ACROSS_THRESHOLD = 0.8;

/**
 * Sub-provisions moved from one provision to another: a paragraph of Article 2 that a version
 * prints, word for word or nearly, as Article 4(2). Each level aligns the sub-provisions of one
 * aligned row, so such a paragraph comes out deleted under Article 2 and inserted under
 * Article 4. Where a version's inserted sub-provision, under another provision that the
 * reference has too, has nearly the words of a deleted one (whose provision the version kept, or
 * deleted as a whole), and each is the other's closest, the version's cell joins the deleted one's row, said to be
 * moved, and the sub-provisions are aligned there again. The inserted row goes when all its cells moved there (versions that made
 * the same move). Provisions a person pinned or separated, "deleted" marks, and moves inside
 * another move's rows, are left as they are.
 */
function joinMovesAcrossProvisions(top: readonly AlignedRow[], context: LevelContext): void {
  const { ref, order, overrides } = context;
  const lost = new Map<number, PlacedRow[]>();
  const found = new Map<number, PlacedRow[]>();
  const movable = (cell: Comparable) => !cell.deletedMark && !overrides.names(cell);
  // Own words that stand as a paragraph (see ownTextsAsParagraphs) are in no cell's sub-provisions, to align again.
  const realignable = (row: AlignedRow) => row.children.every((child) => child.cells.every((c) => c === null || c.key >= 0));
  const visit = (parent: AlignedRow) => {
    for (const row of parent.children) {
      const base = row.cells[ref] ?? null;
      // Under a provision the reference has: under one that is new as a whole (the Parliament's
      // definition 2(1a), the proposal's 2(21) in new words), its sub-provisions came with it.
      const into = parent.cells[ref] ?? null;
      const insertedHere = base === null && into !== null && !into.deletedMark;
      for (const v of order) {
        if (v === ref || !realignable(row)) continue;
        const cell = row.cells[v] ?? null;
        const relation = row.relations[v] ?? null;
        // Out of a provision the version kept, or one it deleted (an article dissolved, one of its
        // paragraphs kept in another), whichever version is the reference.
        if (base !== null && cell === null && relation?.status === "deleted" && relation.note === null && movable(base)) {
          listIn(lost, v).push({ row, siblings: parent.children, parent });
        }
        if (insertedHere && cell !== null && relation?.status === "inserted" && movable(cell)) {
          listIn(found, v).push({ row, siblings: parent.children, parent });
        }
      }
      visit(row);
    }
  };
  for (const row of top) visit(row);
  const candidates: MoveAcross[] = [];
  for (const [v, losts] of lost) {
    const founds = found.get(v);
    if (founds !== undefined) candidates.push(...movesAcross(v, losts, founds, context));
  }
  const moves = wholeMoves(candidates);
  if (moves.length === 0) return;
  // Every move into a row at once: its sub-provisions are aligned again with all the cells it gains.
  const byLost = new Map<AlignedRow, MoveAcross[]>();
  for (const move of moves) listIn(byLost, move.lost.row).push(move);
  for (const [row, into] of byLost) {
    const { siblings } = into[0]!.lost;
    siblings[siblings.indexOf(row)] = withMovedCells(row, into, context);
  }
  // A row several versions moved out of is taken out once.
  const emptied = new Map(moves.map((m) => [m.found.row, m.found.siblings]));
  for (const [row, siblings] of emptied) siblings.splice(siblings.indexOf(row), 1);
}

/**
 * The moves that can be made whole: those of an inserted row whose cells all move, into one row,
 * and none inside the rows of another move (a paragraph moved with its points, one of which
 * moved elsewhere on its own): the rows of that move are aligned again, and the other would
 * change rows no longer in the table.
 */
function wholeMoves(candidates: readonly MoveAcross[]): MoveAcross[] {
  const byFound = new Map<AlignedRow, MoveAcross[]>();
  for (const move of candidates) listIn(byFound, move.found.row).push(move);
  const whole = candidates.filter((move) => {
    const together = byFound.get(move.found.row)!;
    const present = move.found.row.cells.filter((c) => c !== null).length;
    return together.length === present && together.every((m) => m.lost.row === move.lost.row);
  });
  const inside = new Set<AlignedRow>();
  const below = (row: AlignedRow) => {
    for (const child of row.children) {
      inside.add(child);
      below(child);
    }
  };
  for (const move of whole) {
    below(move.lost.row);
    below(move.found.row);
  }
  return whole.filter((move) => !inside.has(move.lost.row) && !inside.has(move.found.row));
}

/**
 * The pairs of a version's deleted and inserted sub-provisions, under different provisions,
 * whose words are close enough for a move across them, each the other's closest.
 */
function movesAcross(v: number, losts: readonly PlacedRow[], founds: readonly PlacedRow[], context: LevelContext): MoveAcross[] {
  const { ref } = context;
  const baseOf = (at: PlacedRow) => at.row.cells[ref]!;
  const cellOf = (at: PlacedRow) => at.row.cells[v]!;
  const weights = new WordWeights([...losts.map(baseOf), ...founds.map(cellOf)], context.weights, context.tally);
  // Candidates share one of their rarest words: no pair that shares none could be close enough.
  const byWord = new Map<number, number[]>();
  founds.forEach((at, f) => {
    for (const id of weights.signature(cellOf(at).bag, MOVE_SIGNATURE_WORDS)) listIn(byWord, id).push(f);
  });
  const bestOfFound = new Array<{ lost: number; score: number } | null>(founds.length).fill(null);
  const bestOfLost = losts.map((at, l) => {
    const base = baseOf(at);
    let best: { found: number; score: number } | null = null;
    const candidates = new Set(weights.signature(base.bag, MOVE_SIGNATURE_WORDS).flatMap((id) => byWord.get(id) ?? []));
    for (const f of candidates) {
      // Within one provision, its own level placed them: a move there is the level's to find.
      if (founds[f]!.parent === at.parent) continue;
      const cell = cellOf(founds[f]!);
      if (!compatibleKinds(base, cell)) continue;
      const score = weights.dice(base.bag, cell.bag);
      if (score < MOVE_ACROSS_THRESHOLD) continue;
      if (best === null || score > best.score) best = { found: f, score };
      const other = bestOfFound[f] ?? null;
      if (other === null || score > other.score) bestOfFound[f] = { lost: l, score };
    }
    return best;
  });
  const moves: MoveAcross[] = [];
  bestOfLost.forEach((best, l) => {
    if (best !== null && bestOfFound[best.found]?.lost === l)
      moves.push({ v, lost: losts[l]!, found: founds[best.found]!, score: best.score });
  });
  return moves;
}

/** The list under `key`, made empty on first asking. */
function listIn<K, T>(map: Map<K, T[]>, key: K): T[] {
  let list = map.get(key);
  if (list === undefined) {
    list = [];
    map.set(key, list);
  }
  return list;
}

/** The rarest words of a sub-provision by which a moved counterpart is looked for. */
const MOVE_SIGNATURE_WORDS = 8;

/** A row with the cells moved into it from other provisions, said to be moved, and its sub-provisions aligned again. */
function withMovedCells(row: AlignedRow, moves: readonly MoveAcross[], context: LevelContext): AlignedRow {
  const cells = [...row.cells];
  const relations = [...row.relations];
  for (const { v, found, score } of moves) {
    cells[v] = found.row.cells[v]!;
    const into = found.parent.cells[v]?.label ?? found.parent.cells.find((c) => c !== null)!.label;
    relations[v] = { status: "moved", confidence: round(score), note: `moved: into ${into} in this version` };
  }
  const confidence = Math.min(1, ...relations.map((r, v) => (r !== null && cells[v] !== null ? r.confidence : 1)));
  const hasChildren = cells.some((c) => c !== null && c.children.length > 0);
  const aligned = hasChildren
    ? alignLevel(
        cells.map((c) => (c === null ? NONE : c.children)),
        context,
      )
    : [];
  return {
    cells,
    relations,
    status: statusOf(relations),
    confidence: round(confidence),
    children: subProvisions(cells, relations, aligned, context),
  };
}

/**
 * The act's title, or its concluding formulas: at most one per version, so always one row,
 * whatever its words, as sure as a pin. (Two different acts' titles share the row too; the
 * warnings say the acts differ.)
 */
function framingRows(columns: readonly (readonly Comparable[])[], context: LevelContext): AlignedRow[] {
  if (columns.every((c) => c.length === 0)) return [];
  const row: WorkRow = {
    cells: columns.map((c) => c[0] ?? null),
    scores: columns.map((c) => (c.length > 0 ? PINNED : null)),
    notes: columns.map(() => null),
    kinds: columns.map((c) => (c.length > 0 ? "matched" : null)),
    from: columns.map(() => null),
  };
  return [finish(row, context)];
}

interface LevelContext {
  /** Room for the word weights of one level at a time, indexed by word id. */
  readonly weights: Float64Array;
  /** Room for counting one bag's words while comparing it, indexed by word id; kept zero between uses. */
  readonly tally: Int32Array;
  readonly order: readonly number[];
  readonly ref: number;
  readonly overrides: OverrideIndex;
  readonly lexicon: Lexicon;
}

function alignLevel(columns: readonly (readonly Comparable[])[], context: LevelContext): AlignedRow[] {
  // Most provisions have no sub-provisions: nothing to align.
  if (columns.every((c) => c.length === 0)) return [];
  const { order, ref, overrides } = context;
  const width = columns.length;
  const weights = new WordWeights(columns.flat(), context.weights, context.tally);
  const numbering = new Numbering(columns);
  /**
   * Whether another version numbers the provisions around a deletion mark as the mark's version
   * does: the nearest provision after the mark whose words the other version has (the closest
   * provision of like words there) keeps its number there; with none after, the nearest before.
   * Up to MARK_NEIGHBOURS provisions are looked at on each side, and what each says is kept: a
   * level of hundreds of marks among provisions the other version lacks would otherwise scan the
   * level for every provision after every mark. With none to judge by, nothing says otherwise.
   */
  const placeOf = new Map<Comparable, number>();
  const keepsNumberIn = new Map<Comparable, Map<number, boolean | null>>();
  const keepsNumber = (c: Comparable, version: number): boolean | null => {
    let byVersion = keepsNumberIn.get(c);
    if (byVersion === undefined) keepsNumberIn.set(c, (byVersion = new Map()));
    let kept = byVersion.get(version);
    if (kept === undefined) {
      let closest: Comparable | null = null;
      let best = MATCH_THRESHOLD;
      for (const other of columns[version] ?? []) {
        if (other.deletedMark || !compatibleKinds(other, c)) continue;
        const s = weights.dice(other.bag, c.bag);
        if (s >= best) [closest, best] = [other, s];
      }
      kept = closest === null ? null : closest.numToken === c.numToken;
      byVersion.set(version, kept);
    }
    return kept;
  };
  const alikeAround = (mark: Comparable, version: number): boolean => {
    const column = columns[mark.version] ?? [];
    if (placeOf.size === 0) columns.forEach((items) => items.forEach((item, k) => placeOf.set(item, k)));
    const at = placeOf.get(mark)!;
    for (const step of [1, -1]) {
      let looked = 0;
      for (let k = at + step; k >= 0 && k < column.length && looked < MARK_NEIGHBOURS; k += step) {
        if (column[k]!.deletedMark) continue;
        looked++;
        const kept = keepsNumber(column[k]!, version);
        if (kept !== null) return kept;
      }
    }
    return true;
  };
  /** Whether any version at this level prints a provision as "deleted": most levels have none. */
  const hasMarks = columns.some((column) => column.some((c) => c.deletedMark));
  const similarity = (a: Comparable, b: Comparable): number | null => {
    if (!compatibleKinds(a, b)) return null;
    const override = overrides.kind(a, b);
    if (override === "separate") return null;
    if (override === "pin") return PINNED;
    if (a.deletedMark || b.deletedMark) return deletedMarkScore(a, b, numbering, alikeAround);
    return provisionSimilarity(a, b, weights);
  };
  const rowScore = (row: WorkRow, item: Comparable): number | null => {
    let best: number | null = null;
    const { cells } = row;
    // A "deleted" in a row that has words speaks for no one: the words decide, not its number.
    const marksOnly = hasMarks && cells.every((c) => c === null || c.deletedMark);
    for (let v = 0; v < cells.length; v++) {
      const cell = cells[v]!;
      if (cell === null || (cell.deletedMark && !marksOnly)) continue;
      // A cell word for word the same as one before it scores the same, unless a person
      // separated or pinned one of them.
      if (overrides.empty && sameAsEarlier(cells, v)) continue;
      const s = similarity(cell, item);
      if (s === null) {
        if (overrides.kind(cell, item) === "separate") return null;
        continue;
      }
      if (best === null || s > best) best = s;
    }
    return best;
  };
  const emptyRow = (): WorkRow => ({
    cells: new Array<Comparable | null>(width).fill(null),
    scores: new Array<number | null>(width).fill(null),
    notes: new Array<string | null>(width).fill(null),
    kinds: new Array<WorkRow["kinds"][number]>(width).fill(null),
    from: new Array<Comparable | null>(width).fill(null),
  });
  const representative = (row: WorkRow): Comparable => row.cells[ref] ?? row.cells.find((c) => c !== null)!;

  let rows: WorkRow[] = [];
  for (const v of order) {
    const items = columns[v]!;
    if (rows.length === 0) {
      rows = items.map((item) => {
        const row = emptyRow();
        row.cells[v] = item;
        row.kinds[v] = "matched";
        // Inserted, surely, if not the reference: the columns before it have nothing at this level.
        if (v !== ref) row.scores[v] = 1;
        return row;
      });
      continue;
    }
    if (items.length === 0) continue;
    // Pinned items go to their rows whatever the order. They are no sure matches, so that a pin
    // across the act never bends the order of everything else; inside a stretch, a pinned pair
    // counts as identical words.
    const pinned = pinnedRows(rows, items, overrides);
    const pinnedRowSet = new Set(pinned.values());
    const m = items.length;
    const scores = new PairScores(
      rows.map((r) => r.cells),
      items,
      (i, j) => rowScore(rows[i]!, items[j]!),
      weights,
    );
    const { pairs, pinnedInOrder } = alignInStretches(rows, items, scores, pinned, pinnedRowSet, representative);
    const rowOfItem = new Array<WorkRow | null>(m).fill(null);
    for (const [j, i] of pinned) {
      const row = rows[i]!;
      row.scores[v] = PINNED;
      row.cells[v] = items[j]!;
      row.kinds[v] = "matched";
      rowOfItem[j] = row;
    }
    for (const [i, j] of pairs) {
      const row = rows[i]!;
      row.scores[v] = Math.min(1, scores.known(i, j) ?? 0);
      row.cells[v] = items[j]!;
      row.kinds[v] = "matched";
      rowOfItem[j] = row;
    }
    markPinnedMoves(rows, pinned, pinnedInOrder, items, v);
    yieldLooseMatchesToMoves(rows, items, pairs, rowOfItem, v, scores, weights);
    // Left-over items: moved when a left-over row has nearly the same words, else inserted.
    const leftRows = rows.flatMap((row, i) => (row.cells[v] === null ? [i] : []));
    const leftItems = items.flatMap((_, j) => (rowOfItem[j] === null ? [j] : []));
    scores.scoreCandidates(leftRows, leftItems);
    const nearest = new Array<number>(m).fill(0);
    for (const j of leftItems) {
      // The rows it was scored against, not every row left: only those have a score. The closest
      // wins, the first in the table of those as close.
      let best: WorkRow | null = null;
      let bestAt = -1;
      let bestScore = 0;
      for (const i of scores.rowsScoredWith(j)) {
        const row = rows[i]!;
        const s = scores.known(i, j);
        if (s !== null && row.cells[v] === null && (s > bestScore || (s === bestScore && best !== null && i < bestAt))) {
          best = row;
          bestAt = i;
          bestScore = s;
        }
      }
      nearest[j] = bestScore;
      if (best !== null && bestScore >= MOVE_THRESHOLD && closeWords(best, items[j]!, weights)) {
        best.cells[v] = items[j]!;
        best.scores[v] = Math.min(1, bestScore);
        best.kinds[v] = "moved";
        best.notes[v] = movedNote(items, j);
        rowOfItem[j] = best;
      }
    }
    matchInGaps(rows, items, rowOfItem, v, pinnedRowSet, {
      words: (i, j) => rowWordScore(rows[i]!, items[j]!, weights, overrides),
      whole: (i, j) => scores.score(i, j) ?? 0,
    });
    items.forEach((item, j) => {
      if (rowOfItem[j] !== null) return;
      const row = emptyRow();
      row.cells[v] = item;
      row.scores[v] = 1 - nearest[j]!;
      row.kinds[v] = "matched";
      let next = j + 1;
      while (next < items.length && (rowOfItem[next] === null || rowOfItem[next]!.kinds[v] === "moved")) next++;
      const at = next < items.length ? rows.indexOf(rowOfItem[next]!) : rows.length;
      rows.splice(at, 0, row);
      rowOfItem[j] = row;
    });
    markSplitsAndMerges(rows, items, rowOfItem, v, context, weights);
  }
  joinRowsLeftApart(rows, ref, weights, overrides);
  for (const row of rows) shareConfidences(row, order, overrides);
  return rows.map((row) => finish(row, context));
}

/**
 * Rows the order of alignment left apart, joined. A column's provisions that no row took get
 * rows of their own after the rows, in the same gap, that only earlier columns have; a column
 * aligned later may then find one of its provisions' counterparts out of its reach. With the act
 * as the reference, the proposal's recitals 4 to 7 come after the act's recitals 8 and 9, and
 * the Council's recital 5, the act's 9 in the mandate's words, meets none of them in order.
 * Two nearby rows with cells in different columns are joined as a gap's pair is matched: when
 * their words alone are close enough, and the cells of one can move to the other across rows
 * that have none in their columns, so that every column keeps its order. The closest pairs are
 * joined first. Rows with moved, split, merged or pinned cells, or a "deleted", are left as they are.
 */
function joinRowsLeftApart(rows: WorkRow[], ref: number, weights: WordWeights, overrides: OverrideIndex): void {
  // A column without a cell may still say something ("merged into Article 3"): such a row stays as it is.
  const open = (row: WorkRow): boolean =>
    row.cells.some((c) => c === null) &&
    row.cells.every((c, v) =>
      c === null ? row.kinds[v] === null && row.notes[v] === null : row.kinds[v] === "matched" && !c.deletedMark && !overrides.names(c),
    );
  const candidates: { a: WorkRow; b: WorkRow; score: number }[] = [];
  for (let i = 0; i < rows.length; i++) {
    const a = rows[i]!;
    if (!open(a)) continue;
    for (let j = i + 1; j < Math.min(rows.length, i + 1 + JOIN_WINDOW); j++) {
      const b = rows[j]!;
      if (!open(b) || !apart(a, b)) continue;
      const score = closestWords(a, b, weights);
      if (score !== null && score >= GAP_MATCH_THRESHOLD) candidates.push({ a, b, score });
    }
  }
  // Most levels have none.
  if (candidates.length === 0) return;
  candidates.sort((x, y) => y.score - x.score);
  const joined = new Set<WorkRow>();
  for (const { a, b } of candidates) {
    if (joined.has(a) || joined.has(b) || !apart(a, b)) continue;
    const i = rows.indexOf(a);
    const j = rows.indexOf(b);
    const [source, target] = movable(rows, i, j, a) ? [a, b] : movable(rows, i, j, b) ? [b, a] : [null, null];
    if (source === null || target === null) continue;
    // The cells of the row without the reference's cell were scored without it: each is now as
    // sure as it is close to the closest cell of the other row. The others keep their scores.
    const rescored = (source.cells[ref] ?? null) !== null ? target : source;
    // Scored before any cell moves.
    const against = rescored === source ? target.cells : source.cells;
    const scores = rescored.cells.map((cell, v) =>
      cell === null || v === ref ? null : Math.min(1, bestSimilarity(cell, against, weights) ?? 0),
    );
    source.cells.forEach((cell, v) => {
      if (cell === null) return;
      target.cells[v] = cell;
      target.kinds[v] = "matched";
      target.scores[v] = source.scores[v] ?? null;
    });
    scores.forEach((score, v) => {
      if (score !== null) target.scores[v] = score;
    });
    rows.splice(rows.indexOf(source), 1);
    joined.add(source).add(target);
  }
}

/** How far apart two rows may be to be joined: a gap's rows, not the act's. */
const JOIN_WINDOW = 8;
/** Up to this many pairs of loosely matched items and rows left, all are searched for a move (see yieldLooseMatchesToMoves). */
const SEARCH_ALL_LIMIT = 1 << 16;
/** How many provisions on each side of a deletion mark are looked at to judge how the versions number there. */
const MARK_NEIGHBOURS = 3;

/** Whether two rows have no column in common. */
function apart(a: WorkRow, b: WorkRow): boolean {
  return a.cells.every((c, v) => c === null || b.cells[v] === null);
}

/** Whether the cells of `row` (the row at `i` or at `j`) can move to the other across the rows between, every column kept in order. */
function movable(rows: readonly WorkRow[], i: number, j: number, row: WorkRow): boolean {
  for (let k = i + 1; k < j; k++) if (row.cells.some((c, v) => c !== null && rows[k]!.cells[v] !== null)) return false;
  return true;
}

/** The closest words of two rows' cells of compatible kinds (plain share of words, as in a gap), or null when none may match. */
function closestWords(a: WorkRow, b: WorkRow, weights: WordWeights): number | null {
  let best: number | null = null;
  for (const x of a.cells) {
    if (x === null) continue;
    for (const y of b.cells) {
      if (y === null || !compatibleKinds(x, y)) continue;
      const s = weights.dice(x.bag, y.bag);
      if (best === null || s > best) best = s;
    }
  }
  return best;
}

/** The best similarity, numbers included, of a cell to some cells of compatible kinds, or null. */
function bestSimilarity(cell: Comparable, others: readonly (Comparable | null)[], weights: WordWeights): number | null {
  let best: number | null = null;
  for (const other of others) {
    if (other === null || other === cell || !compatibleKinds(cell, other)) continue;
    const s = provisionSimilarity(cell, other, weights);
    if (best === null || s > best) best = s;
  }
  return best;
}

/**
 * A cell is scored against the closest cell already in its row when its column is aligned, so
 * of two identical cells the one aligned later would score 1 against the other, and the Council's
 * and the act's identical Article 4(5) would show 0.64 and 1. A cell word for word the same as
 * one aligned before it takes that cell's confidence instead: identical cells are equally sure,
 * whichever comes first. Moved, split and merged cells keep their own scores, and so does a cell
 * a person pinned or separated.
 */
function shareConfidences(row: WorkRow, order: readonly number[], overrides: OverrideIndex): void {
  for (let k = 1; k < order.length; k++) {
    const v = order[k]!;
    const cell = row.cells[v];
    // A pin says its cell is as sure as identical words are: it takes no other cell's score.
    if (cell === null || cell === undefined || row.kinds[v] !== "matched" || overrides.names(cell)) continue;
    for (let e = 0; e < k; e++) {
      const u = order[e]!;
      const score = row.scores[u] ?? null;
      // The reference cell has no score: a cell identical to it keeps its own, 1.
      if (row.cells[u]?.key === cell.key && row.kinds[u] === "matched" && score !== null) {
        row.scores[v] = score;
        break;
      }
    }
  }
}

/**
 * The similarity of an item's words to the closest words of a row, numbers aside; null when no
 * cell may match it. The plain share of words in common (Dice), without the credit a provision
 * contained in a longer one gets: a match in a gap has neither order nor number to back it, and
 * two long articles on one subject share enough of an act's words to be mostly contained in each
 * other (the Parliament's Article 4a on due diligence and the act's Article 5 on cyber-surveillance
 * items, 0.34 with that credit, 0.21 without).
 */
function rowWordScore(row: WorkRow, item: Comparable, weights: WordWeights, overrides: OverrideIndex): number | null {
  let best: number | null = null;
  const marksOnly = row.cells.every((c) => c === null || c.deletedMark);
  for (const cell of row.cells) {
    if (cell === null || !compatibleKinds(cell, item) || (cell.deletedMark && !marksOnly)) continue;
    const override = overrides.kind(cell, item);
    if (override === "separate") return null;
    const s =
      override === "pin"
        ? PINNED
        : cell.deletedMark !== item.deletedMark
          ? unnumberedMarkScore(cell, item)
          : weights.dice(cell.bag, item.bag);
    if (s !== null && (best === null || s > best)) best = s;
  }
  return best;
}

/**
 * An unnumbered "deleted" (a subparagraph the Parliament deletes) and an unnumbered provision
 * left between the same matched neighbours: just enough to be matched there, in order.
 */
function unnumberedMarkScore(a: Comparable, b: Comparable): number | null {
  return a.numToken === null && b.numToken === null ? GAP_MATCH_THRESHOLD : null;
}

/**
 * An item matched in order only loosely, whose words stand almost unchanged (a Dice coefficient
 * of at least SURE_MATCH) in a row no item took, has moved there: the ordered alignment paired
 * it with a neighbour of like words (a definition moved to the place of a deleted one that
 * informs the same authority). Its loose row is freed for the items left over. A pair separated
 * by hand scores nothing, so it never moves.
 */
function yieldLooseMatchesToMoves(
  rows: readonly WorkRow[],
  items: readonly Comparable[],
  pairs: readonly Pair[],
  rowOfItem: (WorkRow | null)[],
  v: number,
  scores: PairScores,
  weights: WordWeights,
): void {
  const loose = pairs.filter(([i]) => (rows[i]!.scores[v] ?? 0) < SURE_MATCH);
  if (loose.length === 0) return;
  const leftRows = rows.flatMap((row, i) => (row.cells[v] === null ? [i] : []));
  if (leftRows.length === 0) return;
  // Every row left is searched, unless that is the square of a long level (thousands of articles
  // shuffled): then the rows that share the item's rarest words, as a row of nearly the same words does.
  const searchAll = loose.length * leftRows.length <= SEARCH_ALL_LIMIT;
  if (!searchAll) scores.scoreCandidates(leftRows, [...new Set(loose.map(([, j]) => j))]);
  for (const [i, j] of loose) {
    const item = items[j]!;
    const total = weights.total(item.bag);
    let best = -1;
    for (const r of searchAll ? leftRows : [...scores.rowsScoredWith(j)].sort((a, b) => a - b)) {
      if (rows[r]!.cells[v] !== null) continue;
      // A Dice coefficient of SURE_MATCH needs totals within this ratio of each other: most rows are ruled out unread.
      const near = rows[r]!.cells.some((cell) => {
        if (cell === null || !compatibleKinds(cell, item)) return false;
        const other = weights.total(cell.bag);
        return Math.min(total, other) >= SAME_SIZE * Math.max(total, other) && weights.dice(cell.bag, item.bag) >= SURE_MATCH;
      });
      if (near) {
        best = r;
        break;
      }
    }
    if (best < 0) continue;
    const matched = rows[i]!.scores[v] ?? 0;
    const moved = scores.score(best, j) ?? 0;
    if (moved < matched + MOVE_MARGIN) continue;
    const from = rows[i]!;
    from.cells[v] = null;
    from.scores[v] = null;
    from.kinds[v] = null;
    const to = rows[best]!;
    to.cells[v] = item;
    to.scores[v] = Math.min(1, moved);
    to.kinds[v] = "moved";
    to.notes[v] = movedNote(items, j);
    rowOfItem[j] = to;
  }
}

/** Where a moved item now stands, in words: after the item before it in its version. */
function movedNote(items: readonly Comparable[], j: number): string {
  return j > 0 ? `moved: after ${items[j - 1]!.label} in this version` : "moved: first in this version";
}

/** Whether an earlier cell of the row has the same key as cell v: the same kind, number and words. */
function sameAsEarlier(cells: readonly (Comparable | null)[], v: number): boolean {
  const key = cells[v]!.key;
  for (let u = 0; u < v; u++) if (cells[u]?.key === key) return true;
  return false;
}

/**
 * Whether an item has nearly the same words as a provision of the row, by the Dice coefficient
 * alone: a moved provision keeps its words, while containment would let a short new provision
 * "move" into any long one that happens to use its words.
 */
function closeWords(row: WorkRow, item: Comparable, weights: WordWeights): boolean {
  return row.cells.some((cell) => cell !== null && compatibleKinds(cell, item) && weights.dice(cell.bag, item.bag) >= MOVE_THRESHOLD);
}

/** The row each pinned item belongs in (by item index), where its partner already stands. */
function pinnedRows(rows: readonly WorkRow[], items: readonly Comparable[], overrides: OverrideIndex): Map<number, number> {
  const pinned = new Map<number, number>();
  if (overrides.empty) return pinned;
  const rowOfCell = new Map<string, number>();
  rows.forEach((row, i) => row.cells.forEach((cell) => cell && rowOfCell.set(`${cell.version}:${cell.eId}`, i)));
  const taken = new Set<number>();
  items.forEach((item, j) => {
    for (const partner of overrides.pinnedTo(item)) {
      const i = rowOfCell.get(partner);
      if (i !== undefined && !taken.has(i)) {
        pinned.set(j, i);
        taken.add(i);
        return;
      }
    }
  });
  return pinned;
}

/**
 * A pinned item the ordered alignment did not take has moved: its row is out of order with the
 * rows around it, or with another pin's (of two pins that cross, one is said to have moved). Its
 * note says where it now stands, as an automatic move's does.
 */
function markPinnedMoves(
  rows: readonly WorkRow[],
  pinned: ReadonlyMap<number, number>,
  inOrder: ReadonlySet<number>,
  items: readonly Comparable[],
  v: number,
): void {
  for (const [j, i] of pinned) {
    if (inOrder.has(j)) continue;
    const row = rows[i]!;
    row.kinds[v] = "moved";
    row.notes[v] = `${movedNote(items, j)} (pinned by hand)`;
  }
}

/**
 * The ordered alignment of a version's items with the rows: sure matches found where items are
 * expected, then, in each stretch between them, the best order-preserving matching of the pairs
 * worth scoring there. Pinned items go to their rows whatever the order; a pinned pair takes part
 * in its stretch's matching as a pair of identical words, so that a pin of what the alignment
 * would have found anyway leaves the rows around it as they were.
 */
function alignInStretches(
  rows: readonly WorkRow[],
  items: readonly Comparable[],
  scores: PairScores,
  pinned: ReadonlyMap<number, number>,
  pinnedRows: ReadonlySet<number>,
  representative: (row: WorkRow) => Comparable,
): { readonly pairs: Pair[]; readonly pinnedInOrder: ReadonlySet<number> } {
  const sure = scores.sureMatches(
    (j) => pinned.has(j),
    (i) => pinnedRows.has(i),
  );
  const pairs: Pair[] = [];
  const pinnedInOrder = new Set<number>();
  let i0 = 0;
  let j0 = 0;
  for (const [i1, j1] of [...sure, [rows.length, items.length] as Pair]) {
    // Two sure matches that follow each other on one side leave nothing to search between them.
    if (i1 > i0 && j1 > j0) {
      const rowIndices = range(i0, i1);
      const itemIndices = range(j0, j1);
      scores.scoreCandidates(rowIndices, itemIndices);
      const stretch = alignSequences(
        i1 - i0,
        j1 - j0,
        (i, j) => {
          // A pinned pair scores as identical words: taken where the order allows, it keeps the
          // rows around it as they would be without the pin.
          const pinnedRow = pinned.get(j0 + j);
          if (pinnedRow !== undefined) return pinnedRow === i0 + i ? PINNED : null;
          if (pinnedRows.has(i0 + i)) return null;
          const s = scores.known(i0 + i, j0 + j);
          return s !== null && s >= MATCH_THRESHOLD ? s : null;
        },
        { a: rowIndices.map((i) => representative(rows[i]!).key), b: itemIndices.map((j) => items[j]!.key) },
        // The rows each item was scored against, or its pinned row: in a long stretch, the pairs searched.
        (j) => {
          const pinnedRow = pinned.get(j0 + j);
          const found = pinnedRow !== undefined ? [pinnedRow] : scores.rowsScoredWith(j0 + j);
          return found.flatMap((i) => (i >= i0 && i < i1 ? [i - i0] : []));
        },
      );
      // Pinned items go to their rows as pinned, in order or not.
      for (const [i, j] of stretch) {
        if (pinned.has(j0 + j)) pinnedInOrder.add(j0 + j);
        else pairs.push([i0 + i, j0 + j]);
      }
    }
    if (i1 < rows.length) pairs.push([i1, j1]);
    i0 = i1 + 1;
    j0 = j1 + 1;
  }
  return { pairs, pinnedInOrder };
}

/**
 * Pairs found in the gaps the ordered alignment and the moves left: where a run of items no row
 * took lies between items matched in order, and few rows lacking this version lie between
 * their rows, a pair whose words alone are close enough is matched when the order allows, as a
 * provision renumbered and rewritten in place keeps its place between its neighbours (the
 * proposal's "(21) ‘cyber-surveillance technology’ means items…" and the Council's "(20)
 * ‘cyber-surveillance items’ means dual-use items…"). The words decide alone: two new
 * provisions that happen to share a number are not one provision. Moves are found first, so
 * that a provision moved into the place of a deleted one is still said to have moved.
 */
function matchInGaps(
  rows: readonly WorkRow[],
  items: readonly Comparable[],
  rowOfItem: (WorkRow | null)[],
  v: number,
  pinnedRows: ReadonlySet<number>,
  score: {
    /** The similarity of the words alone, null where the pair may not match. */
    readonly words: (i: number, j: number) => number | null;
    /** The similarity with numbers, as pairs matched in order are scored. */
    readonly whole: (i: number, j: number) => number;
  },
): void {
  // Most levels leave no item over: nothing to search.
  if (!rowOfItem.includes(null)) return;
  const indexOf = new Map(rows.map((row, i) => [row, i]));
  // Where an item's row stands, if it was matched in order (not moved, not pinned out of order).
  const ordered = (j: number): number | null => {
    const row = rowOfItem[j] ?? null;
    return row !== null && row.kinds[v] === "matched" ? indexOf.get(row)! : null;
  };
  for (let j = 0; j < items.length;) {
    if (rowOfItem[j] !== null) {
      j++;
      continue;
    }
    let k = j;
    while (k < items.length && rowOfItem[k] === null) k++;
    const before = j === 0 ? -1 : ordered(j - 1);
    const after = k === items.length ? rows.length : ordered(k);
    if (before !== null && after !== null && after > before) {
      const gapRows = range(before + 1, after).filter((i) => rows[i]!.cells[v] === null && !pinnedRows.has(i));
      const gapItems = range(j, k);
      if (gapRows.length > 0 && gapRows.length * gapItems.length <= GAP_PAIRS_LIMIT) {
        const found = alignSequences(gapRows.length, gapItems.length, (r, c) => {
          const s = score.words(gapRows[r]!, gapItems[c]!);
          return s !== null && s >= GAP_MATCH_THRESHOLD ? s : null;
        });
        for (const [r, c] of found) {
          const row = rows[gapRows[r]!]!;
          row.cells[v] = items[gapItems[c]!]!;
          row.kinds[v] = "matched";
          row.scores[v] = Math.min(1, score.whole(gapRows[r]!, gapItems[c]!));
          rowOfItem[gapItems[c]!] = row;
        }
      }
    }
    j = k;
  }
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, k) => from + k);
}

/**
 * A provision split in two: the reference's provision matches one part, and the part next to it
 * that was left over raises the similarity when added, or is made of the words the matched part
 * lost. A merge is the same seen from the other side: a provision the version lacks, next to one
 * that gained its words ("The penalties shall be dissuasive." run into the article before),
 * even when the one that gained them still matches surely, as it contains all it had.
 */
function markSplitsAndMerges(
  rows: WorkRow[],
  items: readonly Comparable[],
  rowOfItem: (WorkRow | null)[],
  v: number,
  { ref, lexicon, overrides }: LevelContext,
  weights: WordWeights,
): void {
  // Rows keep their places while splits and merges are marked: each looked up once, not searched for every item.
  const placeOf = new Map(rows.map((row, at) => [row, at]));
  // Provisions a person kept apart are not split from one another, nor merged.
  const separated = (a: Comparable, b: Comparable) => overrides.kind(a, b) === "separate";
  items.forEach((item, j) => {
    const row = rowOfItem[j]!;
    const base = row.cells[ref] ?? null;
    if (base === null || v === ref || row.kinds[v] !== "matched") return;
    // A pinned cell's score says how sure a person is, not how alike the words are: those are what count here.
    const pinned = row.scores[v] === PINNED && overrides.names(item);
    const score = pinned ? provisionSimilarity(base, item, weights) : (row.scores[v] ?? 0);
    // Below a sure match, added neighbours must raise the similarity; the words gained tell at any score.
    const loose = score < SURE_MATCH;
    // split: following items of v that stand alone in new rows
    let bag = item.bag;
    let current = score;
    for (let k = j + 1; k < items.length; k++) {
      const next = rowOfItem[k]!;
      if ((next.cells[ref] ?? null) !== null || next.kinds[v] !== "matched" || !compatibleKinds(base, items[k]!)) break;
      if (separated(base, items[k]!)) break;
      const joined = WordBag.union(lexicon, [bag, items[k]!.bag]);
      const s = provisionSimilarity(base, item, weights, base.bag, joined);
      const raises = loose && s >= current + SPLIT_GAIN;
      if (!raises && weights.gainedShare(items[k]!.bag, base.bag, bag) < GAINED_SHARE) break;
      next.kinds[v] = "split";
      next.notes[v] = `split from ${base.label}`;
      next.from[v] = base;
      bag = joined;
      current = Math.max(current, s);
    }
    // split, before: items of v just before it that stand alone, made of the words it lost
    for (let k = j - 1; k >= 0; k--) {
      const previous = rowOfItem[k]!;
      if ((previous.cells[ref] ?? null) !== null || previous.kinds[v] !== "matched" || !compatibleKinds(base, items[k]!)) break;
      if (separated(base, items[k]!)) break;
      if (weights.gainedShare(items[k]!.bag, base.bag, bag) < GAINED_SHARE) break;
      previous.kinds[v] = "split";
      previous.notes[v] = `split from ${base.label}`;
      previous.from[v] = base;
      bag = WordBag.union(lexicon, [bag, items[k]!.bag]);
    }
    // merge: following rows that v lacks, whose reference provisions join into this item
    let refBag = base.bag;
    current = score;
    const at = placeOf.get(row)!;
    for (let next = at + 1; next < rows.length; next++) {
      const nextRow = rows[next]!;
      const nextBase = nextRow.cells[ref] ?? null;
      if (nextBase === null || (nextRow.cells[v] ?? null) !== null || nextRow.kinds[v] !== null || !compatibleKinds(nextBase, item)) break;
      if (separated(nextBase, item)) break;
      const joined = WordBag.union(lexicon, [refBag, nextBase.bag]);
      const s = provisionSimilarity(base, item, weights, joined, item.bag);
      const raises = loose && s >= current + SPLIT_GAIN;
      if (!raises && weights.gainedShare(nextBase.bag, item.bag, refBag) < GAINED_SHARE) break;
      nextRow.kinds[v] = "merged";
      nextRow.notes[v] = `merged into ${item.label}`;
      refBag = joined;
      current = Math.max(current, s);
    }
    // merge, before: rows just before it that v lacks, whose words it gained
    for (let previous = at - 1; previous >= 0; previous--) {
      const previousRow = rows[previous]!;
      const previousBase = previousRow.cells[ref] ?? null;
      if (previousBase === null || (previousRow.cells[v] ?? null) !== null || previousRow.kinds[v] !== null) break;
      if (separated(previousBase, item)) break;
      if (!compatibleKinds(previousBase, item) || weights.gainedShare(previousBase.bag, item.bag, refBag) < GAINED_SHARE) break;
      previousRow.kinds[v] = "merged";
      previousRow.notes[v] = `merged into ${item.label}`;
      refBag = WordBag.union(lexicon, [refBag, previousBase.bag]);
    }
  });
}

/** A neighbour made of at least this share of the words a matched provision gained (or lost) was merged into it (or split from it). */
const GAINED_SHARE = 0.8;
/**
 * A sub-provision folded into its provision's words, or split from them, has at least this many
 * words: a point of two or three ("(c) the Council;") is found among the words of any long
 * provision, and would hide a point deleted or inserted, as a human-rights safeguard may be.
 */
const OWN_WORDS_FEWEST = 6;

function cellStatus(row: WorkRow, v: number, ref: number): RowStatus | null {
  const kind = row.kinds[v];
  if (kind === "moved" || kind === "split" || kind === "merged") return kind;
  const cell = row.cells[v] ?? null;
  const base = row.cells[ref] ?? null;
  // A column that lacks what the reference lacks too has nothing to say; and a "deleted", as the
  // Parliament prints a provision it deletes, is a lack: against a lack, nothing happened.
  if (base === null) return cell === null || cell.deletedMark ? null : "inserted";
  if (cell === null) return base.deletedMark ? null : "deleted";
  // "deleted", as the Parliament prints a deleted provision, against the provision: deleted; the
  // provision against the reference's "deleted": there where the reference has it no more.
  if (cell.deletedMark !== base.deletedMark) return cell.deletedMark ? "deleted" : "inserted";
  // The words of its footnotes are a provision's too; their markers are only numbering.
  const sameWords = cell.text === base.text && cell.heading === base.heading && sameFootnotes(cell.footnotes, base.footnotes);
  if (!sameWords) return "changed";
  return cell.num === base.num ? "same" : "renumbered";
}

function finish(row: WorkRow, context: LevelContext): AlignedRow {
  const { ref } = context;
  const childColumns = ownTextsAsParagraphs(row.cells, context.lexicon);
  const width = row.cells.length;
  const relations: (CellRelation | null)[] = new Array<CellRelation | null>(width).fill(null);
  for (let v = 0; v < width; v++) {
    if (v === ref && row.cells[ref] !== null) continue;
    const status = cellStatus(row, v, ref);
    if (status === null || (v === ref && status !== "merged")) continue;
    const confidence = round(row.scores[v] ?? (row.cells[v] === null ? 1 : 0));
    const from = status === "split" ? (row.from[v] ?? null) : null;
    relations[v] = { status, confidence, note: row.notes[v] ?? null, ...(from === null ? {} : { from }) };
  }
  const confidences = row.cells.map((c, v) => (c !== null && v !== ref && row.scores[v] !== null ? row.scores[v]! : 1));
  const aligned = unchangedBelow(row.cells) ? sameChildren(row.cells, ref) : alignLevel(childColumns, context);
  return {
    cells: row.cells,
    relations,
    status: statusOf(relations),
    confidence: round(Math.min(...confidences)),
    children: subProvisions(row.cells, relations, aligned, context),
  };
}

/**
 * A row's aligned sub-provisions, with what its cells say of them: those of a provision merged
 * into a neighbour or split from it went with it, those folded into its own words merged, and
 * those made of the reference's own words split.
 */
function subProvisions(
  cells: readonly (Comparable | null)[],
  relations: readonly (CellRelation | null)[],
  aligned: AlignedRow[],
  context: LevelContext,
): AlignedRow[] {
  let children = aligned;
  relations.forEach((relation, v) => {
    if (relation !== null && (relation.status === "merged" || relation.status === "split")) children = goneWith(children, v, relation);
  });
  return splitFromOwnWords(cells, foldedIntoOwnWords(cells, children, context), context);
}

/**
 * Sub-provisions a version folded into the provision's own words: the proposal's points (a) and
 * (b) of the definition of dual-use items became words of the definition itself ("… and includes
 * items which can be used for …"). A sub-provision the version lacks, made of words its
 * provision's own words gained over the reference's, is said to be merged into it.
 */
function foldedIntoOwnWords(cells: readonly (Comparable | null)[], children: AlignedRow[], context: LevelContext): AlignedRow[] {
  const { ref } = context;
  const base = cells[ref] ?? null;
  if (base === null) return children;
  // Not a "deleted" mark's row: the version has a cell there, which says it is deleted.
  const lost = (row: AlignedRow, v: number) =>
    row.cells[ref] !== null &&
    (row.cells[v] ?? null) === null &&
    row.relations[v]?.status === "deleted" &&
    row.relations[v]!.note === null &&
    context.overrides.kind(row.cells[ref]!, cells[v]!) !== "separate";
  let result = children;
  cells.forEach((cell, v) => {
    if (v === ref || cell === null || cell.text === "") return;
    const lostRows = result.filter((row) => lost(row, v));
    if (lostRows.length === 0) return;
    const merged = { status: "merged" as const, note: `merged into ${cell.label}` };
    result = markPartsOfOwnWords(result, lostRows, (row) => row.cells[ref]!, v, cell, base, merged, context);
  });
  return result;
}

/**
 * The same seen from the other side: sub-provisions a version made of words that the reference
 * keeps as its provision's own. With the act as the reference, the proposal's point (a) of the
 * definition of dual-use items, whose words the act's definition runs on with, was split from
 * it. A sub-provision the reference lacks, made of words the reference's own words have over
 * the version's, is said to be split from the provision.
 */
function splitFromOwnWords(cells: readonly (Comparable | null)[], children: AlignedRow[], context: LevelContext): AlignedRow[] {
  const { ref } = context;
  const base = cells[ref] ?? null;
  if (base === null || base.text === "") return children;
  // Not a "deleted" mark: the version says of it that it is deleted, not that it was split.
  const found = (row: AlignedRow, v: number) =>
    (row.cells[ref] ?? null) === null &&
    (row.cells[v] ?? null) !== null &&
    !row.cells[v]!.deletedMark &&
    row.relations[v]?.status === "inserted" &&
    row.relations[v]!.note === null &&
    context.overrides.kind(base, row.cells[v]!) !== "separate";
  let result = children;
  cells.forEach((cell, v) => {
    if (v === ref || cell === null) return;
    const foundRows = result.filter((row) => found(row, v));
    if (foundRows.length === 0) return;
    const split = { status: "split" as const, note: `split from ${base.label}`, from: base };
    result = markPartsOfOwnWords(result, foundRows, (row) => row.cells[v]!, v, base, cell, split, context);
  });
  return result;
}

/**
 * The rows among `candidates` whose provision in them (`partOf`) is made of the words `whole`'s
 * own words have beyond `without`'s, and beyond the candidates taken before it (see
 * `partsOfGained`), marked as `said` in column `v`, their sub-provisions with them.
 */
function markPartsOfOwnWords(
  rows: AlignedRow[],
  candidates: readonly AlignedRow[],
  partOf: (row: AlignedRow) => Comparable,
  v: number,
  whole: Comparable,
  without: Comparable,
  said: { readonly status: "merged" | "split"; readonly note: string; readonly from?: Comparable },
  context: LevelContext,
): AlignedRow[] {
  const wholeBag = WordBag.of(context.lexicon, [whole.tokens]);
  const withoutBag = WordBag.of(context.lexicon, [without.tokens]);
  const parts = candidates.map(partOf);
  const items = [...parts, { ...whole, bag: wholeBag }, { ...without, bag: withoutBag }];
  const weights = new WordWeights(items, context.weights, context.tally);
  const taken = weights.partsOfGained(
    wholeBag,
    withoutBag,
    parts.map((part) => part.bag),
    GAINED_SHARE,
    OWN_WORDS_FEWEST,
  );
  const marked = new Set(candidates.filter((_, k) => taken[k]));
  return rows.map((row) => {
    if (!marked.has(row)) return row;
    const relations = [...row.relations];
    relations[v] = { ...said, confidence: row.relations[v]!.confidence };
    return { ...row, relations, status: statusOf(relations), children: goneWith(row.children, v, relations[v]!) };
  });
}

/** A row's status: the strongest of what its columns did. */
function statusOf(relations: readonly (CellRelation | null)[]): RowStatus {
  const present = relations.filter((r): r is CellRelation => r !== null);
  return present.length === 0 ? "same" : PRECEDENCE.find((s) => present.some((r) => r.status === s))!;
}

/**
 * The sub-provisions of a provision merged into its neighbour, or split from it, went with it:
 * where the version lacks them (or has them alone), they say so with the same note, rather than
 * deleted (or inserted) on their own.
 */
function goneWith(rows: readonly AlignedRow[], v: number, parent: CellRelation): AlignedRow[] {
  const lost = parent.status === "merged";
  return rows.map((row) => {
    const relation = row.relations[v] ?? null;
    if (relation?.status !== (lost ? "deleted" : "inserted") || relation.note !== null || (lost && (row.cells[v] ?? null) !== null)) {
      return row;
    }
    const relations = [...row.relations];
    relations[v] = { status: parent.status, confidence: relation.confidence, note: parent.note };
    return { ...row, relations, status: statusOf(relations), children: goneWith(row.children, v, parent) };
  });
}

/**
 * The sub-provisions of a row's cells, to align next. Where one version numbers a provision's
 * paragraphs and another has dropped the numbering, leaving the words as the provision's own
 * (the ePrivacy Directive's Article 3 kept only its paragraph 1, unnumbered, in 2009), those own
 * words stand as an unnumbered paragraph among the sub-provisions, so that they meet the
 * paragraph they came from and are diffed against it; the provision's cell then keeps its
 * heading and number without them. The cells are changed in place.
 */
function ownTextsAsParagraphs(cells: (Comparable | null)[], lexicon: Lexicon): (readonly Comparable[])[] {
  const columns = cells.map((c) => (c === null ? NONE : c.children));
  let numbered: Comparable | null = null;
  for (const c of cells) if (c !== null && c.text === "" && c.children.length > 0 && !GROUPS.has(c.type)) numbered ??= c;
  if (numbered === null) return columns;
  cells.forEach((cell, v) => {
    // A provision kept only to say it is deleted keeps its word: it is no paragraph's.
    if (cell === null || cell.children.length > 0 || cell.text === "" || cell.deletedMark || GROUPS.has(cell.type)) return;
    columns[v] = [
      {
        ...cell,
        type: numbered.children[0]!.type,
        num: null,
        numToken: null,
        heading: null,
        headingTokens: null,
        bag: WordBag.of(lexicon, [cell.tokens]),
        // Keys of real provisions are never negative: equal keys here mean equal words and footnotes.
        key: -1 - cell.wordsKey,
        // The provision's amendment numbers stay with it, in the row of its number.
        amendments: [],
        children: [],
      },
    ];
    // Its footnotes go with its words.
    cells[v] = { ...cell, text: "", tokens: lexicon.tokens(""), footnotes: [] };
  });
  return columns;
}

/** True when every version that has the provision has it word for word, sub-provisions included. */
function unchangedBelow(cells: readonly (Comparable | null)[]): boolean {
  const present = cells.filter((c): c is Comparable => c !== null);
  return present.length > 1 && present.every((c) => c.key === present[0]!.key);
}

/**
 * The rows under provisions that are the same in every version that has them: sub-provision by
 * sub-provision, nothing to search. What the other versions lack is lacking all the way down.
 */
function sameChildren(cells: readonly (Comparable | null)[], ref: number): AlignedRow[] {
  const model = cells.find((c) => c !== null)!;
  return model.children.map((_, k) => {
    const row = cells.map((c) => c?.children[k] ?? null);
    const refPresent = row[ref] !== null;
    const relations = row.map((c, v): CellRelation | null => {
      if (v === ref && refPresent) return null;
      if (c === null) return refPresent ? { status: "deleted", confidence: 1, note: null } : null;
      return { status: refPresent ? "same" : "inserted", confidence: 1, note: null };
    });
    return { cells: row, relations, status: statusOf(relations), confidence: 1, children: sameChildren(row, ref) };
  });
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
