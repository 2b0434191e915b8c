/*
 * The word diff of one provision against its counterpart in the reference version, on legal
 * tokens (jsdiff's array diff). A pathological pair that would take too long is reported as
 * rewritten, all removed and all added, instead of stalling the table.
 */
import { diffArrays } from "diff";
import { tokenize, type Token } from "./tokens";

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

function join(tokens: readonly Token[]): string {
  return tokens.map((t) => t.text + t.space).join("");
}

/** Appends a span, merging it with the previous one of the same kind. */
function push(spans: [DiffOp, string][], op: DiffOp, text: string): void {
  if (text === "") return;
  const last = spans[spans.length - 1];
  if (last && last[0] === op) last[1] += text;
  else spans.push([op, text]);
}

/**
 * Common text at both ends is kept whole and only the middle is tokenized and diffed: most
 * amendments change a few words of a long provision. The ends stop this many characters short of
 * the first and last difference, at a space, so that no token that holds spaces (an amount, a
 * provision reference, a quoted term) is cut in two.
 */
const END_MARGIN = 96;

function isSpace(code: number): boolean {
  return code === 32 || code === 10 || code === 9 || code === 13 || code === 160;
}

/** Lengths of the common beginning and end of two texts, each ending or starting at a space. */
export function commonEnds(a: string, b: string): { head: number; tail: number } {
  const shorter = Math.min(a.length, b.length);
  let p = 0;
  while (p < shorter && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  let s = 0;
  while (s < shorter - p && a.charCodeAt(a.length - 1 - s) === b.charCodeAt(b.length - 1 - s)) s++;
  let head = Math.max(0, p - END_MARGIN);
  while (head > 0 && !isSpace(a.charCodeAt(head - 1))) head--;
  let start = Math.min(a.length, a.length - s + END_MARGIN);
  while (start < a.length && !isSpace(a.charCodeAt(start - 1))) start++;
  const tail = a.length - start;
  if (tail < 0 || head + tail > shorter) return { head: 0, tail: 0 };
  return { head, tail };
}

/**
 * The diff of `text` against `reference`: what to remove from the reference and add to get the
 * text. `tokensOf` may remember tokens, as a reference cell is diffed against every other column.
 */
export function wordDiff(
  reference: string,
  text: string,
  timeLimitMs: number = DIFF_TIME_LIMIT_MS,
  tokensOf: (text: string) => Token[] = tokenize,
): WordDiff {
  if (reference === text) return { spans: text === "" ? [] : [["=", text]], rewritten: false };
  const { head, tail } = commonEnds(reference, text);
  if (head + tail > 0) {
    const middle = wordDiff(reference.slice(head, reference.length - tail), text.slice(head, text.length - tail), timeLimitMs);
    const spans: [DiffOp, string][] = [];
    push(spans, "=", text.slice(0, head));
    for (const [op, words] of middle.spans) push(spans, op, words);
    push(spans, "=", text.slice(text.length - tail));
    return { spans, rewritten: middle.rewritten };
  }
  const before = tokensOf(reference);
  const after = tokensOf(text);
  const changes = diffArrays(
    before.map((t) => t.text),
    after.map((t) => t.text),
    { timeout: timeLimitMs },
  );
  const spans: [DiffOp, string][] = [];
  if (changes === undefined) {
    push(spans, "-", reference);
    push(spans, "+", text);
    return { spans, rewritten: true };
  }
  let i = 0;
  let j = 0;
  for (const change of changes) {
    const n = change.count ?? change.value.length;
    if (change.added) {
      push(spans, "+", join(after.slice(j, j + n)));
      j += n;
    } else if (change.removed) {
      push(spans, "-", join(before.slice(i, i + n)));
      i += n;
    } else {
      // Kept tokens take the spacing of the new text, which is what the reader sees.
      push(spans, "=", join(after.slice(j, j + n)));
      i += n;
      j += n;
    }
  }
  return { spans, rewritten: false };
}
