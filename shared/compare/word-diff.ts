/*
 * The word diff of one provision against its counterpart in the reference version, on legal
 * tokens. The tokens the two texts share at both ends are kept; in the middle, tokens found once
 * in each text and in the same order anchor the diff (as in patience diff), so that an amended
 * provision splits into short stretches between anchors; a stretch that shares no token is
 * simply replaced, and the others are diffed by jsdiff's array diff. A pathological pair that
 * would take too long is reported as rewritten, all removed and all added, instead of stalling
 * the table.
 */
import { diffArrays } from "diff";
import { Lexicon, type TokenizedText } from "./lexicon";

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

/** Spans in the making: adjacent spans of one kind are merged. */
class SpanList {
  readonly spans: [DiffOp, string][] = [];

  constructor(
    private readonly before: TokenizedText,
    private readonly after: TokenizedText,
  ) {}

  /** Tokens [from, to) of the reference (for "-") or of the text (for "=" and "+"): kept tokens take the text's spacing. */
  add(op: DiffOp, from: number, to: number): void {
    if (from >= to) return;
    const { text, starts } = op === "-" ? this.before : this.after;
    const words = text.slice(starts[from]!, starts[to]!);
    const last = this.spans[this.spans.length - 1];
    if (last && last[0] === op) last[1] += words;
    else this.spans.push([op, words]);
  }
}

/** An anchor: a token at `i` in the reference and `j` in the text. */
type Anchor = readonly [number, number];

/**
 * Tokens of the middle stretches [i0, i1) and [j0, j1) found exactly once in each and in the
 * same order: the longest chain of such pairs increasing on both sides.
 */
function uniqueAnchors(a: Int32Array, i0: number, i1: number, b: Int32Array, j0: number, j1: number, lexicon: Lexicon): Anchor[] {
  const inA = lexicon.counts(1);
  const inB = lexicon.counts(2);
  const at = lexicon.counts(3);
  for (let i = i0; i < i1; i++) {
    inA[a[i]!]!++;
    at[a[i]!] = i;
  }
  for (let j = j0; j < j1; j++) inB[b[j]!]!++;
  const pairs: Anchor[] = [];
  for (let j = j0; j < j1; j++) {
    const id = b[j]!;
    if (inA[id] === 1 && inB[id] === 1) pairs.push([at[id]!, j]);
  }
  for (let i = i0; i < i1; i++) {
    inA[a[i]!] = 0;
    at[a[i]!] = 0;
  }
  for (let j = j0; j < j1; j++) inB[b[j]!] = 0;
  return longestIncreasing(pairs);
}

/** The longest subsequence of pairs (in order of their second index) whose first indices increase. */
function longestIncreasing(pairs: readonly Anchor[]): Anchor[] {
  const tails: number[] = [];
  const previous = new Int32Array(pairs.length).fill(-1);
  pairs.forEach(([i], k) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pairs[tails[mid]!]![0] < i) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[k] = tails[lo - 1]!;
    tails[lo] = k;
  });
  const out: Anchor[] = [];
  for (let k = tails.length > 0 ? tails[tails.length - 1]! : -1; k >= 0; k = previous[k]!) out.push(pairs[k]!);
  return out.reverse();
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

/** The diff of a stretch between anchors into `spans`; false when jsdiff ran out of time. */
function diffStretch(
  before: TokenizedText,
  i0: number,
  i1: number,
  after: TokenizedText,
  j0: number,
  j1: number,
  spans: SpanList,
  lexicon: Lexicon,
  deadline: number,
): boolean {
  if (i0 === i1 || j0 === j1 || !shareToken(before.ids, i0, i1, after.ids, j0, j1, lexicon)) {
    spans.add("-", i0, i1);
    spans.add("+", j0, j1);
    return true;
  }
  const timeout = deadline - performance.now();
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
  const text = after.text;
  if (before.text === text) return { spans: text === "" ? [] : [["=", text]], rewritten: false };
  const a = before.ids;
  const b = after.ids;
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const spans = new SpanList(before, after);
  spans.add("=", 0, head);
  const deadline = performance.now() + timeLimitMs;
  const rewritten: WordDiff = {
    spans: [
      ["-", before.text],
      ["+", text],
    ],
    rewritten: true,
  };
  let i = head;
  let j = head;
  for (const [ai, bj] of uniqueAnchors(a, head, a.length - tail, b, head, b.length - tail, lexicon)) {
    if (!diffStretch(before, i, ai, after, j, bj, spans, lexicon, deadline)) return rewritten;
    spans.add("=", bj, bj + 1);
    i = ai + 1;
    j = bj + 1;
  }
  if (!diffStretch(before, i, a.length - tail, after, j, b.length - tail, spans, lexicon, deadline)) return rewritten;
  spans.add("=", b.length - tail, b.length);
  return { spans: spans.spans, rewritten: false };
}

/** The diff of two texts on their own (a heading, a test): tokenized with a lexicon of their own. */
export function wordDiff(reference: string, text: string, timeLimitMs: number = DIFF_TIME_LIMIT_MS): WordDiff {
  const lexicon = new Lexicon();
  return tokenDiff(lexicon.tokens(reference), lexicon.tokens(text), lexicon, timeLimitMs);
}
