/*
 * The words of a provision split from another, which stands in a row of its own: those it carried
 * over from the provision it was split from are kept, and only its new words are added. Diffed
 * against the whole of that provision, with what it left behind not said to be removed: those
 * words are the other part's, and stand in the provision's own row (the Parliament's recital
 * (5a), whose three sentences, reworded, the proposal's recital (5) ended with).
 */
import type { Lexicon, TokenizedText } from "./lexicon";
import { tokenDiff, type DiffSpan } from "./word-diff";

/** The spans of `part`'s words against `whole`'s, the removed ones left out: kept and added spans give `part` back. */
export function carriedWords(whole: TokenizedText, part: TokenizedText, lexicon: Lexicon, timeLimitMs: number): DiffSpan[] {
  const { spans, rewritten } = tokenDiff(whole, part, lexicon, timeLimitMs);
  if (rewritten) return part.text === "" ? [] : [["+", part.text]];
  const carried: [DiffSpan[0], string][] = [];
  for (const [op, text] of spans) {
    if (op === "-") continue;
    const last = carried[carried.length - 1];
    if (last !== undefined && last[0] === op) last[1] += text;
    else carried.push([op, text]);
  }
  return carried;
}
