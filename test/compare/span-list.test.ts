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
    spans.keep(0, 0, 1);
    spans.keep(1, 1, 1);
    spans.add("-", 2, 3);
    spans.add("+", 2, 3);
    spans.keep(3, 3, 2);
    spans.add("-", 5, 8);
    spans.add("+", 5, 7);
    spans.keep(8, 7, 1);
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
    spans.keep(0, 0, 2);
    const mark = spans.mark();
    spans.keep(2, 2, 1);
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

  it("gives a change the spacing the kept word before it does not share, so both sides read back with their own spacing", () => {
    const reference = lexicon.tokens("his/her guidelines referred to in point (e);");
    const text = lexicon.tokens("his or her guidelines;");
    const spans = new SpanList();
    spans.keep(0, 0, 1);
    spans.add("-", 1, 2);
    spans.add("+", 1, 2);
    spans.keep(2, 2, 2);
    spans.add("-", 4, 11);
    spans.keep(11, 4, 1);
    expect(spans.spans(reference, text)).toEqual([
      ["=", "his"],
      ["-", "/"],
      ["+", " or "],
      ["=", "her guidelines"],
      ["-", " referred to in point (e)"],
      ["=", ";"],
    ]);
  });

  it("is empty before anything is added, and ignores empty ranges", () => {
    const spans = new SpanList();
    spans.add("+", 4, 4);
    expect(spans.spans(before, after)).toEqual([]);
    expect(spans.mark()).toEqual({ count: 0, lastTo: 0, kept: 0 });
  });
});
