import { describe, expect, it } from "vitest";
import { tokenize } from "../../shared/compare/tokens";
import { wordDiff } from "../../shared/compare/word-diff";

describe("legal tokens", () => {
  const texts = (s: string) => tokenize(s).map((t) => t.text);

  it("keep act numbers, provision references, amounts, percentages and defined terms whole", () => {
    expect(texts("Common Position 2008/944/CFSP and Article 5(2)(a) of Regulation (EU) 2021/821")).toEqual([
      "Common",
      "Position",
      "2008/944/CFSP",
      "and",
      "Article 5(2)(a)",
      "of",
      "Regulation",
      "(EU) 2021/821",
    ]);
    expect(texts("a fine of EUR 1 000 or 30 % of ‘cyber-surveillance items’;")).toEqual([
      "a",
      "fine",
      "of",
      "EUR 1 000",
      "or",
      "30 %",
      "of",
      "‘cyber-surveillance items’",
      ";",
    ]);
  });

  it("make each punctuation mark a token of its own", () => {
    expect(texts("items, software; and technology.")).toEqual(["items", ",", "software", ";", "and", "technology", "."]);
  });

  it("give the text back when joined with their spacing", () => {
    const text = "If an exporter, under its obligation to exercise due diligence, is aware (Article 4a).";
    expect(
      tokenize(text)
        .map((t) => t.text + t.space)
        .join("")
        .trim(),
    ).toBe(text);
  });
});

describe("the word diff", () => {
  it("marks exactly the words that changed", () => {
    const { spans } = wordDiff(
      "the exporter shall notify the competent authority",
      "the exporter shall without delay notify the competent authority",
    );
    expect(spans).toEqual([
      ["=", "the exporter shall "],
      ["+", "without delay "],
      ["=", "notify the competent authority"],
    ]);
  });

  it("treats a changed reference as one token, not as digits", () => {
    const { spans } = wordDiff("as referred to in Article 4(1)(a)", "as referred to in Article 5(1)(a)");
    expect(spans).toEqual([
      ["=", "as referred to in "],
      ["-", "Article 4(1)(a)"],
      ["+", "Article 5(1)(a)"],
    ]);
  });

  it("finds the same words in a long provision changed in its middle, its unchanged ends kept whole", () => {
    const before = "Member States shall ensure that the competent authorities take into account the considerations referred to in ";
    const after =
      " when assessing an application for an individual export authorisation for cyber-surveillance items, and shall publish their decisions.";
    const { spans } = wordDiff(`${before}Article 4(1)(a)${after}`, `${before}Article 5(1)(a)${after}`);
    expect(spans).toEqual([
      ["=", before],
      ["-", "Article 4(1)(a) "],
      ["+", "Article 5(1)(a) "],
      ["=", after.trimStart()],
    ]);
  });

  it("shows a pair it cannot diff in time as rewritten instead of stalling", () => {
    const a = Array.from({ length: 4000 }, (_, i) => `word${i}`).join(" ");
    const b = Array.from({ length: 4000 }, (_, i) => `other${i}`).join(" ");
    const result = wordDiff(a, b, 1);
    expect(result.rewritten).toBe(true);
    expect(result.spans).toEqual([
      ["-", a],
      ["+", b],
    ]);
  });
});
