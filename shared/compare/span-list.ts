/*
 * The spans of a word diff in the making, as ranges of tokens: a span grows while the tokens
 * added next follow on from it, and its text is cut from the source only at the end. A mark
 * lets the diff try one way of diffing a stretch, then go back and try another.
 *
 * Each token's text runs to the next token, with the spacing after it. Kept words take the
 * text's spacing, except where a change follows: there the spacing the two sides do not share
 * goes to the change, so that the kept and removed spans give back the reference and the kept
 * and added spans give back the text ("his/her" against "his or her" keeps "his", removes "/"
 * and adds " or "; keeping "his " would make the reference "his /her"). Where a removal or the
 * addition next to it is only spacing the other begins or ends with, that spacing is kept: a
 * comma added before a space is "information[+,+] or", not "information[+, +][- -]or". A word
 * replaced by another keeps its space in both, so that the two never run together on screen.
 */
import { isSpace } from "./characters";
import type { TokenizedText } from "./lexicon";

export type DiffOp = "=" | "+" | "-";
/** A span of a diff: kept ("="), added ("+") or removed ("-") text. */
export type DiffSpan = readonly [DiffOp, string];

/** Where a span list stood: back to it with `restore`. */
export interface SpanMark {
  readonly count: number;
  /** The end of the last range then, which later tokens may have extended. */
  readonly lastTo: number;
  readonly kept: number;
}

export class SpanList {
  private readonly ops: DiffOp[] = [];
  private readonly froms: number[] = [];
  private readonly tos: number[] = [];
  /** For a kept range, where it starts in the reference; -1 for the others. */
  private readonly beforeFroms: number[] = [];
  /** How many tokens the spans keep so far. */
  kept = 0;

  /** How many spans there are so far. */
  get count(): number {
    return this.ops.length;
  }

  /** Tokens [from, to) removed from the reference ("-") or added in the text ("+"). */
  add(op: "-" | "+", from: number, to: number): void {
    this.push(op, from, to, -1);
  }

  /** `n` tokens kept: from `i` in the reference, from `j` in the text. */
  keep(i: number, j: number, n: number): void {
    this.kept += Math.max(0, n);
    this.push("=", j, j + n, i);
  }

  private push(op: DiffOp, from: number, to: number, beforeFrom: number): void {
    if (from >= to) return;
    const last = this.ops.length - 1;
    if (
      last >= 0 &&
      this.ops[last] === op &&
      this.tos[last] === from &&
      (op !== "=" || this.beforeFroms[last]! + this.tos[last]! - this.froms[last]! === beforeFrom)
    ) {
      this.tos[last] = to;
      return;
    }
    this.ops.push(op);
    this.froms.push(from);
    this.tos.push(to);
    this.beforeFroms.push(beforeFrom);
  }

  mark(): SpanMark {
    return { count: this.ops.length, lastTo: this.tos[this.ops.length - 1] ?? 0, kept: this.kept };
  }

  /** The ranges added since the mark, to add again after a `restore`. */
  since(mark: SpanMark): SpanList {
    const copy = new SpanList();
    const first = Math.max(0, mark.count - 1);
    for (let k = first; k < this.ops.length; k++) {
      // The last range of the mark may have grown since: only its growth is new.
      const from = k === mark.count - 1 ? mark.lastTo : this.froms[k]!;
      if (this.ops[k] === "=") copy.keep(this.beforeFroms[k]! + from - this.froms[k]!, from, this.tos[k]! - from);
      else copy.push(this.ops[k]!, from, this.tos[k]!, -1);
    }
    return copy;
  }

  /** Back to where the list stood at the mark. */
  restore(mark: SpanMark): void {
    this.ops.length = mark.count;
    this.froms.length = mark.count;
    this.tos.length = mark.count;
    this.beforeFroms.length = mark.count;
    if (mark.count > 0) this.tos[mark.count - 1] = mark.lastTo;
    this.kept = mark.kept;
  }

  /** Adds the ranges of another list, in order. */
  append(other: SpanList): void {
    for (let k = 0; k < other.ops.length; k++) {
      const n = other.tos[k]! - other.froms[k]!;
      if (other.ops[k] === "=") this.kept += n;
      this.push(other.ops[k]!, other.froms[k]!, other.tos[k]!, other.beforeFroms[k]!);
    }
  }

  /**
   * The spans, their texts cut from the reference (removed) and the text (kept and added), the
   * spacing after a kept range that a change follows shared out as the header says.
   */
  spans(before: TokenizedText, after: TokenizedText): DiffSpan[] {
    const spans: [DiffOp, string][] = [];
    // Spacing owed to the next removed and added spans, once a kept range has given it up.
    let owedBefore = "";
    let owedAfter = "";
    for (let k = 0; k < this.ops.length; k++) {
      const op = this.ops[k]!;
      const { text, starts } = op === "-" ? before : after;
      const from = starts[this.froms[k]!]!;
      let to = starts[this.tos[k]!]!;
      if (op === "=") {
        if (owedBefore !== "") spans.push(["-", owedBefore]);
        if (owedAfter !== "") spans.push(["+", owedAfter]);
        owedBefore = owedAfter = "";
        if (k + 1 < this.ops.length) {
          // The spacing after the last kept token on each side, and how much of it they share:
          // mostly one space each, which makes no string at all.
          const lastBefore = this.beforeFroms[k]! + this.tos[k]! - this.froms[k]! - 1;
          const endBefore = before.starts[lastBefore + 1]!;
          const spaceBefore = spacingStart(before, lastBefore);
          const spaceHere = spacingStart(after, this.tos[k]! - 1);
          let common = 0;
          while (
            spaceBefore + common < endBefore &&
            spaceHere + common < to &&
            before.text.charCodeAt(spaceBefore + common) === text.charCodeAt(spaceHere + common)
          )
            common++;
          if (spaceBefore + common < endBefore) owedBefore = before.text.slice(spaceBefore + common, endBefore);
          if (spaceHere + common < to) owedAfter = text.slice(spaceHere + common, to);
          to = spaceHere + common;
        }
        spans.push(["=", text.slice(from, to)]);
        continue;
      }
      const owed = op === "-" ? owedBefore : owedAfter;
      if (op === "-") owedBefore = "";
      else owedAfter = "";
      spans.push([op, owed + text.slice(from, to)]);
    }
    if (owedBefore !== "") spans.push(["-", owedBefore]);
    if (owedAfter !== "") spans.push(["+", owedAfter]);
    return keepSharedSpacing(spans);
  }
}

/** The spans with the spacing a removal and the addition beside it share at either end kept, as the header says. */
function keepSharedSpacing(spans: [DiffOp, string][]): [DiffOp, string][] {
  // Most diffs have no change that is only spacing beside another: nothing to share.
  let first = -1;
  for (let k = 0; k + 1 < spans.length && first < 0; k++) if (sharedSpacing(spans, k) !== null) first = k;
  if (first < 0) return spans;
  const shared = spans.slice(0, first);
  const keep = (text: string): void => {
    if (text === "") return;
    const last = shared[shared.length - 1];
    if (last !== undefined && last[0] === "=") last[1] += text;
    else shared.push(["=", text]);
  };
  for (let k = first; k < spans.length; k++) {
    const [op, text] = spans[k]!;
    const share = sharedSpacing(spans, k);
    if (share === null) {
      if (op === "=") keep(text);
      else shared.push([op, text]);
      continue;
    }
    const [nextOp, other] = spans[k + 1]!;
    keep(text.slice(0, share.lead));
    if (text.length - share.lead - share.trail > 0) shared.push([op, text.slice(share.lead, text.length - share.trail)]);
    if (other.length - share.lead - share.trail > 0) shared.push([nextOp, other.slice(share.lead, other.length - share.trail)]);
    keep(text.slice(text.length - share.trail));
    k++;
  }
  return shared;
}

/**
 * For a removal and an addition side by side at `k`, between kept words, one of them nothing but
 * spacing the other begins or ends with: how much spacing they share at the start and the end.
 * Null for any other span, and for two changes that both have words, which keep their spacing.
 */
function sharedSpacing(spans: readonly (readonly [DiffOp, string])[], k: number): { lead: number; trail: number } | null {
  const [op, text] = spans[k]!;
  const next = spans[k + 1];
  if (op === "=" || next === undefined || next[0] === "=" || next[0] === op || (spans[k + 2]?.[0] ?? "=") !== "=") return null;
  const other = next[1];
  if (!isBlank(text) && !isBlank(other)) return null;
  let lead = 0;
  while (lead < text.length && lead < other.length && text[lead] === other[lead] && isSpace(text.charCodeAt(lead))) lead++;
  let trail = 0;
  while (
    trail < text.length - lead &&
    trail < other.length - lead &&
    text[text.length - 1 - trail] === other[other.length - 1 - trail] &&
    isSpace(text.charCodeAt(text.length - 1 - trail))
  )
    trail++;
  return text.length - lead - trail > 0 && other.length - lead - trail > 0 ? null : { lead, trail };
}

/** Whether a text is nothing but spacing. */
function isBlank(text: string): boolean {
  for (let k = 0; k < text.length; k++) if (!isSpace(text.charCodeAt(k))) return false;
  return true;
}

/** Where the spacing after token `k` of a text begins: the white space its slice ends with. */
function spacingStart(tokenized: TokenizedText, k: number): number {
  const { text, starts } = tokenized;
  const start = starts[k]!;
  let p = starts[k + 1]!;
  while (p > start && isSpace(text.charCodeAt(p - 1))) p--;
  return p;
}
