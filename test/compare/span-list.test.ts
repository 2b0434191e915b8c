/*
 * The spans of a word diff in the making: ranges of tokens merged as they follow on, texts cut
 * at the end, and a mark to try one diff of a stretch and go back for another.
 */
import { describe, expect, it } from "vitest";
import { Lexicon } from "../../shared/compare/lexicon";
import { SpanList } from "../../shared/compare/span-list";

const lexicon = new Lexicon();
const before = lexicon.tokens("exports of cyber-surveillance items shall be subject to authorisation");
const after = lexicon.tokens("exports of dual-use items shall require an authorisation");

describe("a span list", () => {
  it("merges ranges that follow on, and cuts removed text from the reference and the rest from the text", () => {
    const spans = new SpanList();
    spans.add("=", 0, 1);
    spans.add("=", 1, 2);
    spans.add("-", 2, 3);
    spans.add("+", 2, 3);
    spans.add("=", 3, 5);
    spans.add("-", 5, 8);
    spans.add("+", 5, 7);
    spans.add("=", 7, 8);
    expect(spans.spans(before, after)).toEqual([
      ["=", "exports of "],
      ["-", "cyber-surveillance "],
      ["+", "dual-use "],
      ["=", "items shall "],
      ["-", "be subject to "],
      ["+", "require an "],
      ["=", "authorisation"],
    ]);
    expect(spans.kept).toBe(5);
  });

  it("goes back to a mark, even when the last range grew after it, and adds again what was saved", () => {
    const spans = new SpanList();
    spans.add("=", 0, 2);
    const mark = spans.mark();
    spans.add("=", 2, 3);
    spans.add("-", 3, 5);
    const tried = spans.since(mark);
    expect(tried.kept).toBe(1);
    spans.restore(mark);
    expect(spans.kept).toBe(2);
    expect(spans.spans(before, after)).toEqual([["=", "exports of "]]);
    spans.append(tried);
    expect(spans.spans(before, after)).toEqual([
      ["=", "exports of dual-use "],
      ["-", "items shall "],
    ]);
    expect(spans.kept).toBe(3);
  });

  it("is empty before anything is added, and ignores empty ranges", () => {
    const spans = new SpanList();
    spans.add("+", 4, 4);
    expect(spans.spans(before, after)).toEqual([]);
    expect(spans.mark()).toEqual({ count: 0, lastTo: 0, kept: 0 });
  });
});
