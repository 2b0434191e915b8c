/*
 * Where each passage of a consolidated text comes from. CONVEX prints ▼B, ▼M1, ▼C1 before the
 * passages of the basic act, an amending act or a corrigendum, and ►C1 … ◄ around a shorter
 * passage inside them; the reader keeps these as the `provenance` mark, never as words.
 */
import type { Mark } from "prosemirror-model";
import { provenanceMark } from "../../model/marks";

/** ▼ or ► with its source's code (B, M1, C1, A1...), or ◄ closing the passage a ► opened. */
const MARKER = /([▼►])[\s\u00a0]*([A-Z]+\d*)|◄/gu;
const ANY_MARKER = /[▼►◄]/u;

/** The source of the passage being read, as the markers met so far in reading order set it. */
export class Provenance {
  /** Set by ▼: the source of everything that follows, up to the next ▼. */
  private base: string | null = null;
  /** Sources of the ► passages open inside the ▼ passage, innermost last. */
  private readonly open: string[] = [];

  /** The provenance mark of the text being read, or null outside a consolidated text. */
  get mark(): Mark | null {
    const source = this.open[this.open.length - 1] ?? this.base;
    return source === null ? null : provenanceMark(source);
  }

  /**
   * Hands the text to `emit` without its markers, in the pieces between them; each piece is
   * emitted after the markers before it have taken effect, so it is read under its own source.
   * `onStray` is told of a ◄ that closes no passage.
   */
  split(text: string, emit: (piece: string) => void, onStray: () => void): void {
    if (!ANY_MARKER.test(text)) {
      emit(text);
      return;
    }
    let last = 0;
    for (const match of text.matchAll(MARKER)) {
      if (match.index > last) emit(text.slice(last, match.index));
      last = match.index + match[0].length;
      const [, arrow, source] = match;
      if (arrow === "▼") {
        this.base = source as string;
        this.open.length = 0;
      } else if (arrow === "►") {
        this.open.push(source as string);
      } else if (this.open.pop() === undefined) {
        onStray();
      }
    }
    if (last < text.length) emit(text.slice(last));
  }

  /** Leaving the act's text: what follows it (the footnotes) is no passage of any source. */
  reset(): void {
    this.base = null;
    this.open.length = 0;
  }
}
