/*
 * What an upload must be to be kept as a version: an act that could be compared with another,
 * within the size of the longest acts. A file past that is refused as too large, and one whose
 * provisions hold no word is refused as such, rather than stored to fail every comparison or to
 * take the server's memory.
 */
import { describe, expect, it } from "vitest";
import { FormatError } from "../../shared/formats/errors";
import { MAX_VERSION_PROVISIONS, MAX_VERSION_WORDS, readUpload } from "../../server/imports/read-upload";

const text = (words: string) => ({ bytes: new TextEncoder().encode(words), file: "act.txt" });

function refusal(words: string): FormatError {
  try {
    readUpload(text(words));
  } catch (e) {
    if (e instanceof FormatError) return e;
    throw e;
  }
  throw new Error("the upload was read");
}

describe("an upload kept as a version", () => {
  it("may not hold more words than the longest acts", () => {
    const e = refusal(`Article 1\n${"word ".repeat(MAX_VERSION_WORDS + 1)}\n`);
    expect(e.code).toBe("too-large");
    expect(e.message).toBe(
      "act.txt: this text file holds 1,000,001 words; a version may have at most 1,000,000, more than the longest acts",
    );
  });

  it("may not hold more provisions than the longest acts", () => {
    const articles = Array.from({ length: MAX_VERSION_PROVISIONS + 1 }, (_, i) => `Article ${i + 1}\nWords.\n`).join("");
    const e = refusal(articles);
    expect(e.code).toBe("too-large");
    expect(e.message).toBe(
      "act.txt: this text file holds 100,001 provisions; a version may have at most 100,000, more than the longest acts",
    );
  });

  it("must have a word to compare in some provision, not only numbers", () => {
    const e = refusal("Article 1\nArticle 2\nArticle 3\n");
    expect(e.code).toBe("structure");
    expect(e.message).toBe(
      "act.txt: the act in this text file has no words to compare: its 3 provisions have a number at most, so it could not be compared with any version",
    );
  });

  it("is kept when it has words, however few", () => {
    expect(readUpload(text("Article 1\nArticle 2\nWords.\n")).summary.counts).toEqual({ article: 2 });
  });
});
