/*
 * The spans of a word diff in the making, as ranges of tokens: a span grows while the tokens
 * added next follow on from it, and its text is cut from the source only at the end. A mark
 * lets the diff try one way of diffing a stretch, then go back and try another.
 */
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
  /** How many tokens the spans keep so far. */
  kept = 0;

  /** How many spans there are so far. */
  get count(): number {
    return this.ops.length;
  }

  /** Tokens [from, to) of the reference (for "-") or of the text (for "=" and "+"): kept tokens take the text's spacing. */
  add(op: DiffOp, from: number, to: number): void {
    if (from >= to) return;
    if (op === "=") this.kept += to - from;
    const last = this.ops.length - 1;
    if (last >= 0 && this.ops[last] === op && this.tos[last] === from) {
      this.tos[last] = to;
      return;
    }
    this.ops.push(op);
    this.froms.push(from);
    this.tos.push(to);
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
      copy.add(this.ops[k]!, from, this.tos[k]!);
    }
    return copy;
  }

  /** Back to where the list stood at the mark. */
  restore(mark: SpanMark): void {
    this.ops.length = mark.count;
    this.froms.length = mark.count;
    this.tos.length = mark.count;
    if (mark.count > 0) this.tos[mark.count - 1] = mark.lastTo;
    this.kept = mark.kept;
  }

  /** Adds the ranges of another list, in order. */
  append(other: SpanList): void {
    for (let k = 0; k < other.ops.length; k++) this.add(other.ops[k]!, other.froms[k]!, other.tos[k]!);
  }

  /** The spans, their texts cut from the reference (removed) and the text (kept and added). */
  spans(before: TokenizedText, after: TokenizedText): DiffSpan[] {
    return this.ops.map((op, k) => {
      const { text, starts } = op === "-" ? before : after;
      return [op, text.slice(starts[this.froms[k]!]!, starts[this.tos[k]!]!)];
    });
  }
}
