import { describe, expect, it } from "vitest";
import { tokenize } from "../../shared/compare/tokens";
import { type DiffSpan, wordDiff } from "../../shared/compare/word-diff";
import { ownText, provisionsOf } from "../../shared/model/walk";
import { fixtureDoc } from "../support/fixtures";

/** The text a diff's kept and added spans give. */
const newTextOf = (spans: readonly DiffSpan[]) =>
  spans
    .filter(([op]) => op !== "-")
    .map(([, t]) => t)
    .join("");
/**
 * The text a diff's kept and removed spans give. Kept words take the new text's spacing, so
 * this is the reference itself wherever the two texts space their shared words alike.
 */
const referenceOf = (spans: readonly DiffSpan[]) =>
  spans
    .filter(([op]) => op !== "+")
    .map(([, t]) => t)
    .join("");

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

  it("end numbers where their digits end", () => {
    expect(texts("EUR 1000 and EUR 20 000 000 or EUR 10 million")).toEqual(["EUR 1000", "and", "EUR 20 000 000", "or", "EUR 10 million"]);
    expect(texts("in 2016 100 persons, 1 0000 items")).toEqual(["in", "2016", "100", "persons", ",", "1", "0000", "items"]);
    expect(texts("Article 5 terms and Article 4 bis(1)")).toEqual(["Article 5", "terms", "and", "Article 4 bis(1)"]);
  });

  it("read letters of any script, and characters outside the Basic Multilingual Plane whole", () => {
    expect(texts("Ausführer müssen «Güter» 𝐀𝐁 melden")).toEqual(["Ausführer", "müssen", "«", "Güter", "»", "𝐀𝐁", "melden"]);
    expect(texts("a 😀 b")).toEqual(["a", "😀", "b"]);
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
    // The same few words in two different orders: no word is unique to anchor on, and the
    // shortest edit is long to find.
    const words = ["shall", "the", "exporter", "authority", "notify", "competent", "Member", "State", "of", "and"];
    const shuffled = (seed: number) => Array.from({ length: 4000 }, (_, i) => words[(i * seed + ((i * i) % 7)) % words.length]).join(" ");
    const a = shuffled(3);
    const b = shuffled(7);
    const result = wordDiff(a, b, 1);
    expect(result.rewritten).toBe(true);
    expect(result.spans).toEqual([
      ["-", a],
      ["+", b],
    ]);
  });

  it("keeps to its time limit, and its stack, on a pair where every gap has tokens of its own to anchor on", () => {
    // Each word of the text also appears shifted one place: anchoring would go thousands of stretches deep.
    const before: string[] = [];
    const after: string[] = [];
    for (let k = 1; k <= 4000; k++) {
      before.push("p", `z${k}`);
      after.push("q", `z${k}`);
      if (k > 1) after.push(`z${k - 1}`);
    }
    const result = wordDiff(before.join(" "), after.join(" "), 5);
    expect(result.rewritten).toBe(true);
  });

  it("replaces a passage that shares no word with the reference at once, without a search", () => {
    const a = Array.from({ length: 4000 }, (_, i) => `word${i}`).join(" ");
    const b = Array.from({ length: 4000 }, (_, i) => `other${i}`).join(" ");
    const result = wordDiff(a, b, 1);
    expect(result.rewritten).toBe(false);
    expect(result.spans).toEqual([
      ["-", a],
      ["+", b],
    ]);
  });

  it("adds a text of nothing but spacing as it is, so that its spans still give it back", () => {
    expect(wordDiff("deleted", " ").spans).toEqual([
      ["-", "deleted"],
      ["+", " "],
    ]);
    expect(wordDiff("", "\n").spans).toEqual([["+", "\n"]]);
    expect(wordDiff(" ", "").spans).toEqual([]);
    expect(wordDiff("deleted", "").spans).toEqual([["-", "deleted"]]);
  });

  it("gives back the text from its kept and added spans, and the reference from its kept and removed ones", () => {
    const reference =
      "Member States shall ensure that exporters of cyber-surveillance items notify the competent authority.\nThe authority shall decide.";
    const text =
      "Member States shall require that exporters of dual-use items notify without delay the competent authority.\nThe authority shall decide within 30 days.";
    const { spans } = wordDiff(reference, text);
    expect(newTextOf(spans)).toBe(text);
    expect(referenceOf(spans)).toBe(reference);
    expect(spans.filter(([op]) => op !== "=")).toEqual([
      ["-", "ensure "],
      ["+", "require "],
      ["-", "cyber-surveillance "],
      ["+", "dual-use "],
      ["+", "without delay "],
      ["+", " within 30 days"],
    ]);
  });

  it("puts the space next to a change into the change, so that no two words run together on either side", () => {
    expect(wordDiff("review the guidelines referred to in points (e) and (f);", "review the guidelines;").spans).toEqual([
      ["=", "review the guidelines"],
      ["-", " referred to in points (e) and (f)"],
      ["=", ";"],
    ]);
    expect(wordDiff("his/her", "his or her").spans).toEqual([
      ["=", "his"],
      ["-", "/"],
      ["+", " or "],
      ["=", "her"],
    ]);
    expect(wordDiff("privacy, with", "privacy and confidentiality, with").spans).toEqual([
      ["=", "privacy"],
      ["+", " and confidentiality"],
      ["=", ", with"],
    ]);
    expect(wordDiff("Article 41(3) or a", "Article 41(3), of a").spans).toEqual([
      ["=", "Article 41(3)"],
      ["-", " or "],
      ["+", ", of "],
      ["=", "a"],
    ]);
    expect(wordDiff("to the Board. The Board shall collate them.", "to the Board.").spans).toEqual([
      ["=", "to the Board."],
      ["-", " The Board shall collate them."],
    ]);
  });
});

describe("the word diff of every GDPR provision against an amended copy", () => {
  // Every seventh word replaced, every eleventh dropped with the space before it (so that the
  // words kept are spaced as in the original), a clause added after every thirteenth.
  const amend = (text: string) => {
    let n = 0;
    // Whole words between spaces and punctuation, so that no hyphenated word is cut in two.
    return text.replace(/(^|\s)(\p{L}{3,})(?=[\s,.;:]|$)/gu, (_, space: string, word: string) => {
      n++;
      if (n % 7 === 0) return `${space}competent`;
      if (n % 11 === 0) return "";
      if (n % 13 === 0) return `${space}${word} without delay`;
      return space + word;
    });
  };
  const texts = provisionsOf(fixtureDoc("eurlex/gdpr-2016-679.fmx.xml"))
    .map((v) => ownText(v.node))
    .filter((t) => t.length > 0);

  it("gives back the amended text from kept and added spans, and the original from kept and removed ones", () => {
    for (const text of texts) {
      const amended = amend(text);
      const { spans, rewritten } = wordDiff(text, amended);
      expect(rewritten).toBe(false);
      expect(newTextOf(spans)).toBe(amended);
      expect(referenceOf(spans)).toBe(text);
      if (amended === text) expect(spans).toEqual([["=", text]]);
    }
  });

  it("marks as added only what the amendment added", () => {
    // Provisions without quotations or references, whose tokens hold more than one word.
    for (const text of texts.filter((t) => !/[‘“'"]|Articles?\s+\d/.test(t)).slice(0, 300)) {
      const added = wordDiff(text, amend(text))
        .spans.filter(([op]) => op === "+")
        .flatMap(([, t]) => t.match(/\p{L}+/gu) ?? []);
      expect(added.every((w) => w === "competent" || w === "without" || w === "delay")).toBe(true);
    }
  });
});
