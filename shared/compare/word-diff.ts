/*
 * The word diff of one provision against its counterpart in the reference version, on legal
 * tokens. The tokens the two texts share at both ends are kept; in the middle, tokens found once
 * in each text and in the same order anchor the diff (as in patience diff), so that an amended
 * provision splits into short stretches between anchors, each treated the same way in turn; a
 * stretch that shares no token is simply replaced, and one without anchors is diffed by
 * jsdiff's array diff. A pathological pair that
 * would take too long is reported as rewritten, all removed and all added, instead of stalling
 * the table.
 */
import { diffArrays } from "diff";
import { Lexicon, type TokenizedText } from "./lexicon";
import { longestIncreasing } from "./longest-chain";

export type DiffOp = "=" | "+" | "-";
/** A span of a diff: kept ("="), added ("+") or removed ("-") text. */
export type DiffSpan = readonly [DiffOp, string];

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

/**
 * Spans in the making, as ranges of tokens: a span grows while the tokens added next follow on
 * from it, and its text is cut from the source once, when it is done.
 */
class SpanList {
  private readonly done: [DiffOp, string][] = [];
  private op: DiffOp = "=";
  private from = 0;
  private to = 0;

  constructor(
    private readonly before: TokenizedText,
    private readonly after: TokenizedText,
  ) {}

  /** Tokens [from, to) of the reference (for "-") or of the text (for "=" and "+"): kept tokens take the text's spacing. */
  add(op: DiffOp, from: number, to: number): void {
    if (from >= to) return;
    if (op === this.op && from === this.to) {
      this.to = to;
      return;
    }
    this.flush();
    this.op = op;
    this.from = from;
    this.to = to;
  }

  /** The spans, the last one cut. */
  spans(): [DiffOp, string][] {
    this.flush();
    return this.done;
  }

  private flush(): void {
    if (this.from >= this.to) return;
    const { text, starts } = this.op === "-" ? this.before : this.after;
    this.done.push([this.op, text.slice(starts[this.from]!, starts[this.to]!)]);
    this.from = this.to = 0;
  }
}

const NO_ANCHORS = new Int32Array(0);

/** Room for the candidate anchors of a diff: their positions in the reference and in the text. */
let candidatesA = new Int32Array(256);
let candidatesB = new Int32Array(256);

/**
 * Tokens of the stretches [i0, i1) and [j0, j1) found exactly once in each and in the same
 * order: the longest chain of such pairs increasing on both sides, as positions in the
 * reference and in the text, one after the other.
 */
function uniqueAnchors(a: Int32Array, i0: number, i1: number, b: Int32Array, j0: number, j1: number, lexicon: Lexicon): Int32Array {
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
  const anchors = new Int32Array(2 * chain.length);
  for (let k = 0; k < chain.length; k++) {
    anchors[2 * k] = candidatesA[chain[k]!]!;
    anchors[2 * k + 1] = candidatesB[chain[k]!]!;
  }
  return anchors;
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
 * their common ends kept; in between, replaced at once when nothing is shared, else split at
 * the tokens found once in each and diffed stretch by stretch; where no such token is left, the
 * cell's middle is short or anchoring has gone deep, diffed by jsdiff. False when the time ran out.
 */
function diffRange(work: DiffWork, i0: number, i1: number, j0: number, j1: number, depth: number): boolean {
  const a = work.before.ids;
  const b = work.after.ids;
  let head = 0;
  while (i0 + head < i1 && j0 + head < j1 && a[i0 + head] === b[j0 + head]) head++;
  let tail = 0;
  while (i1 - tail > i0 + head && j1 - tail > j0 + head && a[i1 - 1 - tail] === b[j1 - 1 - tail]) tail++;
  work.spans.add("=", j0, j0 + head);
  const done = diffMiddle(work, i0 + head, i1 - tail, j0 + head, j1 - tail, depth);
  work.spans.add("=", j1 - tail, j1);
  return done;
}

/**
 * A short cell's changed middle, up to this many tokens (both sides together), goes to jsdiff
 * whole: it finds the shortest edit, which anchors on unique tokens may miss when one of them
 * moved, and on so few tokens it is quick.
 */
const SHORT_STRETCH = 24;
/** Anchoring goes this many stretches deep at most; deeper ones go to jsdiff, with the time left. */
const MAX_DEPTH = 24;

function diffMiddle(work: DiffWork, i0: number, i1: number, j0: number, j1: number, depth: number): boolean {
  const { before, after, spans, lexicon } = work;
  if (i0 === i1 || j0 === j1 || !shareToken(before.ids, i0, i1, after.ids, j0, j1, lexicon)) {
    spans.add("-", i0, i1);
    spans.add("+", j0, j1);
    return true;
  }
  if (performance.now() > work.deadline) return false;
  const short = depth === 0 && i1 - i0 + j1 - j0 <= SHORT_STRETCH;
  const anchors = short || depth >= MAX_DEPTH ? NO_ANCHORS : uniqueAnchors(before.ids, i0, i1, after.ids, j0, j1, lexicon);
  if (anchors.length > 0) {
    let i = i0;
    let j = j0;
    for (let k = 0; k < anchors.length; k += 2) {
      const ai = anchors[k]!;
      const bj = anchors[k + 1]!;
      // Anchors next to each other on both sides leave nothing between them.
      if ((ai > i || bj > j) && !diffRange(work, i, ai, j, bj, depth + 1)) return false;
      spans.add("=", bj, bj + 1);
      i = ai + 1;
      j = bj + 1;
    }
    return diffRange(work, i, i1, j, j1, depth + 1);
  }
  const timeout = work.deadline - performance.now();
  if (timeout <= 0) return false;
  const changes = diffArrays(Array.from(before.ids.subarray(i0, i1)), Array.from(after.ids.subarray(j0, j1)), { timeout });
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
      spans.add("=", j, j + n);
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
  const work: DiffWork = { before, after, spans: new SpanList(before, after), lexicon, deadline: performance.now() + timeLimitMs };
  if (diffRange(work, 0, before.ids.length, 0, after.ids.length, 0)) return { spans: work.spans.spans(), rewritten: false };
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
