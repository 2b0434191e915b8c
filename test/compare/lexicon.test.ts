/*
 * The lexicon of a comparison: token and word ids shared by every version, each text
 * tokenized once, and the slices of its tokens giving the text back. Stated on the GDPR's
 * provisions as well as on small cases.
 */
import { describe, expect, it } from "vitest";
import { Lexicon, NO_WORD, SEVERAL_WORDS } from "../../shared/compare/lexicon";
import { TokenTable } from "../../shared/compare/token-table";
import { WordBag } from "../../shared/compare/word-bag";
import { tokenize } from "../../shared/compare/tokens";
import { ownText, provisionsOf } from "../../shared/model/walk";
import { fixtureDoc } from "../support/fixtures";

const gdprTexts = () => provisionsOf(fixtureDoc("eurlex/gdpr-2016-679.fmx.xml")).map((v) => ownText(v.node));

describe("the lexicon", () => {
  it("gives equal tokens equal ids, in every text, and the same object for the same text", () => {
    const lexicon = new Lexicon();
    const a = lexicon.tokens("the exporter shall notify the authority");
    const b = lexicon.tokens("The authority shall notify the exporter");
    expect(a.ids[0]).toBe(a.ids[4]);
    expect(a.ids[1]).toBe(b.ids[5]);
    expect(a.ids[0]).not.toBe(b.ids[0]); // "the" and "The" are different tokens
    expect(lexicon.tokens(["the exporter shall", "notify the authority"].join(" "))).toBe(a);
  });

  it("knows the words of each token, in lower case: none in a mark, several in a reference", () => {
    const lexicon = new Lexicon();
    const { ids } = lexicon.tokens("The exporter, under Article 5(2)(a);");
    const words = (id: number) => {
      const word = lexicon.wordOf(id);
      if (word === NO_WORD) return [];
      if (word === SEVERAL_WORDS) return Array.from(lexicon.wordsOf(id), (w) => lexicon.token(w));
      return [lexicon.token(word)];
    };
    expect(Array.from(ids, words)).toEqual([["the"], ["exporter"], [], ["under"], ["article", "5", "2", "a"], []]);
  });

  it("finds the words of thousands of new capitalised tokens in one text, as an annex's list of item codes has", () => {
    // 20,000 codes, each new and each with a new lower case: once, every one nested a call in the last.
    const codes = Array.from({ length: 20_000 }, (_, i) => `${i % 10}A${String(i).padStart(5, "0")}X`);
    const lexicon = new Lexicon();
    const { ids } = lexicon.tokens(codes.map((code) => `${code} Items.`).join("\n"));
    expect(ids).toHaveLength(3 * codes.length);
    const last = ids[ids.length - 3]!;
    expect(lexicon.token(last)).toBe(codes.at(-1));
    expect(lexicon.token(lexicon.wordOf(last))).toBe(codes.at(-1)!.toLowerCase());
    expect(lexicon.token(lexicon.wordOf(ids[1]!))).toBe("items");
  });

  it("cuts every GDPR provision into token slices that give its text back", () => {
    const lexicon = new Lexicon();
    for (const text of gdprTexts()) {
      const { ids, starts } = lexicon.tokens(text);
      const slices = Array.from(ids, (_, k) => text.slice(starts[k]!, starts[k + 1]!));
      if (ids.length > 0) expect(slices.join("")).toBe(text);
      expect(Array.from(ids, (id) => lexicon.token(id))).toEqual(tokenize(text).map((t) => t.text));
    }
  });

  it("has no tokens for a text of spaces alone, and none for an empty one", () => {
    const lexicon = new Lexicon();
    expect(lexicon.tokens(" \n\u00a0").ids).toHaveLength(0);
    expect(lexicon.tokens("").ids).toHaveLength(0);
  });
});

describe("the token table", () => {
  it("finds a token from a stretch of any text, as often as it grows", () => {
    const table = new TokenTable();
    const words = Array.from({ length: 20_000 }, (_, i) => `w${i.toString(36)}_${"x".repeat(i % 13)}`);
    const ids = words.map((w) => table.idIn(`<${w}>`, 1, w.length + 1));
    expect(new Set(ids).size).toBe(words.length);
    words.forEach((w, i) => {
      expect(table.idIn(`say ${w}.`, 4, 4 + w.length)).toBe(ids[i]);
      expect(table.text(ids[i]!)).toBe(w);
    });
    expect(table.size).toBe(words.length);
  });

  it("tells apart every token of one or two characters, in ASCII or beyond, and finds each again", () => {
    const table = new TokenTable();
    const chars = ["\u0000", "\u0001", "a", "b", ",", "(", "\u007f", "\u0080", "\u00e9", "\u2019", "\u0101"];
    const tokens = [...chars, ...chars.flatMap((first) => chars.map((second) => first + second))];
    const ids = tokens.map((token) => table.idIn(`[${token}]`, 1, 1 + token.length));
    expect(new Set(ids).size).toBe(tokens.length);
    tokens.forEach((token, i) => {
      expect(table.idIn(`say ${token}`, 4, 4 + token.length)).toBe(ids[i]);
      expect(table.text(ids[i]!)).toBe(token);
    });
    // Longer tokens that start like short ones are others again.
    expect(table.idIn("of", 0, 2)).not.toBe(table.idIn("off", 0, 3));
    expect(table.size).toBe(tokens.length + 2);
  });
});

describe("word bags", () => {
  it("count the words of each GDPR provision in lower case, as letters and digits run", () => {
    const lexicon = new Lexicon();
    for (const text of gdprTexts().slice(0, 400)) {
      const bag = WordBag.of(lexicon, [lexicon.tokens(text)]);
      const expected = new Map<string, number>();
      for (const word of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) expected.set(word, (expected.get(word) ?? 0) + 1);
      const counted = new Map(Array.from(bag.ids, (id, k) => [lexicon.token(id), bag.counts[k]!]));
      expect(counted).toEqual(expected);
    }
  });

  it("hold the words of the bags they join", () => {
    const lexicon = new Lexicon();
    const a = WordBag.of(lexicon, [lexicon.tokens("the exporter shall notify")]);
    const b = WordBag.of(lexicon, [lexicon.tokens("the Exporter; the authority")]);
    const joined = WordBag.union(lexicon, [a, b]);
    const counted = new Map(Array.from(joined.ids, (id, k) => [lexicon.token(id), joined.counts[k]!]));
    expect(counted).toEqual(
      new Map([
        ["the", 3],
        ["exporter", 2],
        ["shall", 1],
        ["notify", 1],
        ["authority", 1],
      ]),
    );
    expect(joined.size).toBe(8);
  });
});
