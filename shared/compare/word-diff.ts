/*
 * The word diff of one provision against its counterpart in the reference version, on legal
 * tokens. The tokens the two texts share at both ends are kept. A short changed middle goes to
 * jsdiff's array diff, which finds the shortest edit. A longer one is anchored on the tokens
 * found once in each text and in the same order (as in patience diff), so that it splits into
 * short stretches between anchors, each treated the same way in turn; a stretch that shares no
 * token is simply replaced, and one without anchors goes to jsdiff. Where a unique token moved,
 * the anchors can cut an amendment in pieces, and the shortest edit is tried as well. A
 * pathological pair that would take too long is reported as rewritten, all removed and all
 * added, instead of stalling the table.
 */
import { diffArrays } from "diff";
import { Lexicon, type TokenizedText } from "./lexicon";
import { longestIncreasing } from "./longest-chain";
import { SpanList, type DiffSpan, type SpanMark } from "./span-list";

export type { DiffOp, DiffSpan } from "./span-list";

/**
 * Time allowed for one provision's diff. A 5,000-word annex against a rewritten one takes
 * about 20 ms; past this the pair is a rewrite for any reader's purpose.
 */
export const DIFF_TIME_LIMIT_MS = 100;

export interface WordDiff {
  readonly spans: DiffSpan[];
  /** True when the diff ran out of time and the text is shown as rewritten. */
  readonly rewritten: boolean;
}

/** Room for the candidate anchors of a diff: their positions in the reference and in the text. */
let candidatesA = new Int32Array(256);
let candidatesB = new Int32Array(256);

/** Anchors of a stretch, and how many tokens found once in each side were left out for being out of order. */
interface Anchors {
  /** Positions in the reference and in the text, one after the other. */
  readonly pairs: Int32Array;
  readonly outOfOrder: number;
}

/**
 * Tokens of the stretches [i0, i1) and [j0, j1) found exactly once in each and in the same
 * order: the longest chain of such pairs increasing on both sides.
 */
function uniqueAnchors(a: Int32Array, i0: number, i1: number, b: Int32Array, j0: number, j1: number, lexicon: Lexicon): Anchors {
  const inA = lexicon.counts(1);
  const inB = lexicon.counts(2);
  const at = lexicon.counts(3);
  for (let i = i0; i < i1; i++) {
    inA[a[i]!]!++;
    at[a[i]!] = i;
  }
  for (let j = j0; j < j1; j++) inB[b[j]!]!++;
  if (candidatesA.length < j1 - j0) {
    candidatesA = new Int32Array(2 * (j1 - j0));
    candidatesB = new Int32Array(2 * (j1 - j0));
  }
  let n = 0;
  for (let j = j0; j < j1; j++) {
    const id = b[j]!;
    if (inA[id] === 1 && inB[id] === 1) {
      candidatesA[n] = at[id]!;
      candidatesB[n++] = j;
    }
  }
  for (let i = i0; i < i1; i++) {
    inA[a[i]!] = 0;
    at[a[i]!] = 0;
  }
  for (let j = j0; j < j1; j++) inB[b[j]!] = 0;
  const chain = longestIncreasing(candidatesA, n);
  const pairs = new Int32Array(2 * chain.length);
  for (let k = 0; k < chain.length; k++) {
    pairs[2 * k] = candidatesA[chain[k]!]!;
    pairs[2 * k + 1] = candidatesB[chain[k]!]!;
  }
  return { pairs, outOfOrder: n - chain.length };
}

/** Whether the stretches [i0, i1) of `a` and [j0, j1) of `b` have a token in common. */
function shareToken(a: Int32Array, i0: number, i1: number, b: Int32Array, j0: number, j1: number, lexicon: Lexicon): boolean {
  const seen = lexicon.counts(1);
  for (let i = i0; i < i1; i++) seen[a[i]!] = 1;
  let shared = false;
  for (let j = j0; j < j1 && !shared; j++) shared = seen[b[j]!] === 1;
  for (let i = i0; i < i1; i++) seen[a[i]!] = 0;
  return shared;
}

/** How many tokens the stretches have in common, repeats counted: no diff can keep more. */
function commonTokens(a: Int32Array, i0: number, i1: number, b: Int32Array, j0: number, j1: number, lexicon: Lexicon): number {
  const inA = lexicon.counts(1);
  for (let i = i0; i < i1; i++) inA[a[i]!]!++;
  let common = 0;
  for (let j = j0; j < j1; j++) {
    if (inA[b[j]!]! > 0) {
      inA[b[j]!]!--;
      common++;
    }
  }
  for (let i = i0; i < i1; i++) inA[a[i]!] = 0;
  return common;
}

/** Two texts' tokens being diffed, the spans made so far, and the time the diff may take. */
interface DiffWork {
  readonly before: TokenizedText;
  readonly after: TokenizedText;
  readonly spans: SpanList;
  readonly lexicon: Lexicon;
  readonly deadline: number;
}

/**
 * The diff of the stretches [i0, i1) of the reference and [j0, j1) of the text into the spans:
 * their common ends kept, then the middle between them. False when the time ran out.
 */
function diffRange(work: DiffWork, i0: number, i1: number, j0: number, j1: number, depth: number): boolean {
  const a = work.before.ids;
  const b = work.after.ids;
  let head = 0;
  while (i0 + head < i1 && j0 + head < j1 && a[i0 + head] === b[j0 + head]) head++;
  let tail = 0;
  while (i1 - tail > i0 + head && j1 - tail > j0 + head && a[i1 - 1 - tail] === b[j1 - 1 - tail]) tail++;
  work.spans.keep(i0, j0, head);
  const done = diffMiddle(work, i0 + head, i1 - tail, j0 + head, j1 - tail, depth);
  work.spans.keep(i1 - tail, j1 - tail, tail);
  return done;
}

/**
 * A cell's changed middle up to this many tokens (both sides together) goes to jsdiff whole: on
 * so few tokens it is quick, and it finds the shortest edit at once.
 */
const SHORT_STRETCH = 24;
/**
 * A longer middle is anchored first, which is quick. When a unique token moved, the anchors may
 * cut an amendment in pieces (a corrigendum of the GDPR's Article 64(1)(c) came out in fifteen
 * spans instead of nine); a middle up to this many tokens is then diffed again by jsdiff, whose
 * time grows with length times changes.
 */
const SHORTEST_EDIT_LIMIT = 400;
/** Anchoring goes this many stretches deep at most; deeper ones go to jsdiff, with the time left. */
const MAX_DEPTH = 24;

/**
 * The changed middle of stretches whose ends are already kept: replaced at once when nothing is
 * shared; a cell's short middle, or a stretch without anchors or gone deep, diffed by jsdiff;
 * else split at the tokens found once in each side and diffed stretch by stretch.
 */
function diffMiddle(work: DiffWork, i0: number, i1: number, j0: number, j1: number, depth: number): boolean {
  const { before, after, spans, lexicon } = work;
  if (i0 === i1 || j0 === j1 || !shareToken(before.ids, i0, i1, after.ids, j0, j1, lexicon)) {
    spans.add("-", i0, i1);
    spans.add("+", j0, j1);
    return true;
  }
  if (performance.now() > work.deadline) return false;
  const size = i1 - i0 + j1 - j0;
  if ((depth === 0 && size <= SHORT_STRETCH) || depth >= MAX_DEPTH) return shortestEdit(work, i0, i1, j0, j1);
  const anchors = uniqueAnchors(before.ids, i0, i1, after.ids, j0, j1, lexicon);
  if (anchors.pairs.length === 0) return shortestEdit(work, i0, i1, j0, j1);
  const mark = spans.mark();
  if (!anchoredDiff(work, anchors.pairs, i0, i1, j0, j1, depth)) return false;
  return depth > 0 || anchors.outOfOrder === 0 || size > SHORTEST_EDIT_LIMIT || tryShortestEdit(work, mark, i0, i1, j0, j1);
}

/**
 * A cell's whole middle, anchored where a unique token moved: diffed again by jsdiff, and its
 * diff taken instead if it keeps more tokens in no more pieces (a shortest edit of a rewritten
 * passage keeps stray "the" and "," and is harder to read). Only an amendment, where the
 * anchors kept at least half of the shorter side and fewer tokens than the sides share, is
 * worth the second diff. If jsdiff runs out of time, the anchored diff stands.
 */
function tryShortestEdit(work: DiffWork, mark: SpanMark, i0: number, i1: number, j0: number, j1: number): boolean {
  const { before, after, spans, lexicon } = work;
  const kept = spans.kept - mark.kept;
  const pieces = spans.count - mark.count;
  if (2 * kept < Math.min(i1 - i0, j1 - j0) || kept === commonTokens(before.ids, i0, i1, after.ids, j0, j1, lexicon)) return true;
  const anchored = spans.since(mark);
  spans.restore(mark);
  if (shortestEdit(work, i0, i1, j0, j1) && spans.kept - mark.kept > kept && spans.count - mark.count <= pieces) return true;
  spans.restore(mark);
  spans.append(anchored);
  return true;
}

/** The middle split at its anchors (pairs of positions in the reference and the text), each stretch between them diffed in turn. */
function anchoredDiff(work: DiffWork, anchors: Int32Array, i0: number, i1: number, j0: number, j1: number, depth: number): boolean {
  let i = i0;
  let j = j0;
  for (let k = 0; k < anchors.length; k += 2) {
    const ai = anchors[k]!;
    const bj = anchors[k + 1]!;
    // Anchors next to each other on both sides leave nothing between them.
    if ((ai > i || bj > j) && !diffRange(work, i, ai, j, bj, depth + 1)) return false;
    work.spans.keep(ai, bj, 1);
    i = ai + 1;
    j = bj + 1;
  }
  return diffRange(work, i, i1, j, j1, depth + 1);
}

/** The ids from `from` to `to` as a plain array, as jsdiff takes them: without a view and an iterator to make it. */
function stretch(ids: Int32Array, from: number, to: number): number[] {
  const array: number[] = [];
  for (let k = from; k < to; k++) array.push(ids[k]!);
  return array;
}

/** The shortest edit of the stretches, by jsdiff's array diff, in the time left. */
function shortestEdit(work: DiffWork, i0: number, i1: number, j0: number, j1: number): boolean {
  const { before, after, spans } = work;
  const timeout = work.deadline - performance.now();
  if (timeout <= 0) return false;
  const changes = diffArrays(stretch(before.ids, i0, i1), stretch(after.ids, j0, j1), { timeout });
  if (changes === undefined) return false;
  let i = i0;
  let j = j0;
  for (const change of changes) {
    const n = change.count ?? change.value.length;
    if (change.added) {
      spans.add("+", j, j + n);
      j += n;
    } else if (change.removed) {
      spans.add("-", i, i + n);
      i += n;
    } else {
      spans.keep(i, j, n);
      i += n;
      j += n;
    }
  }
  return true;
}

/**
 * The diff of `after` against `before` (the reference): what to remove from the reference and
 * add to get the text. Both must come from `lexicon`.
 */
export function tokenDiff(
  before: TokenizedText,
  after: TokenizedText,
  lexicon: Lexicon,
  timeLimitMs: number = DIFF_TIME_LIMIT_MS,
): WordDiff {
  if (before.text === after.text) return { spans: after.text === "" ? [] : [["=", after.text]], rewritten: false };
  // A text of nothing but spacing has no token for its spacing to follow: it is added as it is.
  if (after.ids.length === 0) {
    const spans: DiffSpan[] = [];
    if (before.ids.length > 0) spans.push(["-", before.text]);
    if (after.text !== "") spans.push(["+", after.text]);
    return { spans, rewritten: false };
  }
  const work: DiffWork = { before, after, spans: new SpanList(), lexicon, deadline: performance.now() + timeLimitMs };
  if (diffRange(work, 0, before.ids.length, 0, after.ids.length, 0)) return { spans: work.spans.spans(before, after), rewritten: false };
  return {
    spans: [
      ["-", before.text],
      ["+", after.text],
    ],
    rewritten: true,
  };
}

/** The diff of two texts on their own (a heading, a test): tokenized with a lexicon of their own. */
export function wordDiff(reference: string, text: string, timeLimitMs: number = DIFF_TIME_LIMIT_MS): WordDiff {
  const lexicon = new Lexicon();
  return tokenDiff(lexicon.tokens(reference), lexicon.tokens(text), lexicon, timeLimitMs);
}
