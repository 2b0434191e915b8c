/*
 * The names and titles people give (a dossier's title and procedure, a version's name, a
 * member's username): what shows in every list must be there to see and read as it is written.
 */
import { describe, expect, it } from "vitest";
import { dossierCreate, versionFields } from "../../shared/protocol/api";

const titleProblem = (title: string) => {
  const parsed = dossierCreate.safeParse({ title });
  return parsed.success ? null : parsed.error.issues.map((i) => i.message).join("; ");
};

describe("a dossier's title", () => {
  it("is kept as given, trimmed, even with a character of no width inside", () => {
    expect(dossierCreate.parse({ title: "  Dual-use\u200b export controls " }).title).toBe("Dual-use\u200b export controls");
  });

  it.each([
    ["nothing", "", "title must not be empty"],
    ["spaces alone", "   ", "title must not be empty"],
    ["a character of no width alone", "\u200b", "title must have a character that shows"],
    ["a byte-order mark and a word joiner", "\ufeff\u2060", "title must have a character that shows"],
    ["a soft hyphen", "\u00ad", "title must have a character that shows"],
    ["Braille's blank pattern", "\u2800", "title must have a character that shows"],
    ["a Hangul filler", "\u3164", "title must have a character that shows"],
    ["a combining mark alone", "\u034f", "title must have a character that shows"],
    ["a variation selector", "\ufe0f", "title must have a character that shows"],
  ])("must show something: not %s", (_, title, message) => {
    expect(titleProblem(title)).toBe(message);
  });

  it.each([
    ["a right-to-left override", "Dual-use \u202eesu-laud"],
    ["a right-to-left mark", "Dual-use\u200f"],
    ["an Arabic letter mark", "Dual\u061c-use"],
    ["a NUL", "Dual-use\u0000"],
  ])("must read as it is written: not with %s", (_, title) => {
    expect(titleProblem(title)).toBe(
      "title must not hold control characters (line breaks, tabs, marks of the text's direction and the like)",
    );
  });

  it("must be whole characters: half of one cannot be stored as UTF-8", () => {
    expect(titleProblem("Dual-use \ud800")).toBe("title must be whole characters: it holds half of one (a lone surrogate)");
  });

  it("must not hold a noncharacter, which a Word document of the comparison could not hold", () => {
    expect(titleProblem("Dual-use \uffff")).toBe("title must not hold noncharacters (U+FFFE, U+FFFF and the like), which no text holds");
    expect(versionFields.safeParse({ name: "Council\ufffe", stage: "council" }).error?.issues[0]?.message).toBe(
      "name must not hold noncharacters (U+FFFE, U+FFFF and the like), which no text holds",
    );
  });
});

describe("a dossier's procedure", () => {
  it("is kept as given, or empty", () => {
    expect(dossierCreate.parse({ title: "Dual-use", procedure: " 2016/0295(COD) " }).procedure).toBe("2016/0295(COD)");
    expect(dossierCreate.parse({ title: "Dual-use" }).procedure).toBeUndefined();
  });

  it("is checked as a title is", () => {
    const parsed = dossierCreate.safeParse({ title: "Dual-use", procedure: "\u0000\u202e2016" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe(
      "procedure must not hold control characters (line breaks, tabs, marks of the text's direction and the like)",
    );
  });
});

describe("a version's name", () => {
  it("must show something", () => {
    const parsed = versionFields.safeParse({ name: "\u200b\u200c" });
    expect(parsed.error?.issues[0]?.message).toBe("name must have a character that shows");
  });
});
