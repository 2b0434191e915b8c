/*
 * Amendment numbers as people type them and as the Parliament's texts mark them: one form,
 * "AM 60", and nothing for words that are no amendment number.
 */
import { describe, expect, it } from "vitest";
import { amendmentNumber } from "../../shared/model/amendment-number";

describe("an amendment number", () => {
  it("reads the forms people and texts write", () => {
    expect(["AM 60", "am 60", "AM60", " Amendment 60 ", "amendment 60"].map(amendmentNumber)).toEqual(Array(5).fill("AM 60"));
    expect(amendmentNumber("AM 12A")).toBe("AM 12a");
    expect(["AM-45", "AM 45.", "Amendment No 45", "amendment no. 45"].map(amendmentNumber)).toEqual(Array(4).fill("AM 45"));
  });

  it("is no footnote number, article or free words", () => {
    expect(["1", "(1)", "Article 60", "AM", "AM 60 and 61", "I am 60"].map(amendmentNumber)).toEqual(Array(6).fill(null));
  });
});
