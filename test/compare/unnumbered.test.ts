/*
 * Provisions without numbers (citations, subparagraphs) are told apart by their words alone:
 * when one of two near-identical ones is dropped, the one kept is found, not its neighbour.
 */
import { describe, expect, it } from "vitest";
import { compareVersions } from "../../shared/compare/comparison";
import { act, p, provision } from "../../shared/model/build";
import { article, citation, paragraph, subparagraph, testAct } from "../support/acts";

const rows = (a: ReturnType<typeof testAct>, b: ReturnType<typeof testAct>) =>
  compareVersions([a, b]).rows.map((r) => [r.cells[0]?.label ?? null, r.cells[1]?.text ?? null, r.status]);

describe("unnumbered provisions", () => {
  it("keep the citation that stays and delete the one that goes, however alike", () => {
    const c1 = "Having regard to the Treaty on the Functioning of the European Union, and in particular Article 207 thereof,";
    const c2 = "Having regard to the Treaty on the Functioning of the European Union, and in particular Article 207(2) thereof,";
    const body = [article("Article 1", null, paragraph("1.", "This Regulation applies."))];
    const result = rows(testAct({ preamble: [citation(c1), citation(c2)], body }), testAct({ preamble: [citation(c2)], body }));
    expect(result.filter(([label]) => label?.startsWith("Citation"))).toEqual([
      ["Citation 1", null, "deleted"],
      ["Citation 2", c2, "same"],
    ]);
  });

  it("keep the subparagraph that stays when its near twin before it is deleted", () => {
    const s1 = "Member States shall notify the Commission of the measures taken under this Article without delay.";
    const s2 = "Member States shall notify the Commission of the measures taken under this Article without undue delay.";
    const last = paragraph("2.", "This Article applies from 1 January 2025.");
    const result = rows(
      testAct({ body: [article("Article 5", null, paragraph("1.", subparagraph(s1), subparagraph(s2)), last)] }),
      testAct({ body: [article("Article 5", null, paragraph("1.", subparagraph(s2)), last)] }),
    );
    expect(result.filter(([, , status]) => status !== "same")).toEqual([["Article 5(1), first subparagraph", null, "deleted"]]);
    expect(result).toContainEqual(["Article 5(1), second subparagraph", s2, "same"]);
  });
});

describe("moves", () => {
  it("are not claimed for a short new article whose few words a long deleted one happens to use", () => {
    const long = Array.from(
      { length: 12 },
      (_, i) => `The competent authority of the exporter shall assess notification ${i + 1} under the procedure and register it.`,
    ).join(" ");
    const kept = (n: string) =>
      article(n, null, paragraph("1.", `This Article ${n} stays as it was, with words of its own: ${n.length} apples.`));
    const before = testAct({ body: [kept("Article 1"), article("Article 2", null, paragraph("1.", long)), kept("Article 3")] });
    const after = testAct({
      body: [
        kept("Article 1"),
        kept("Article 3"),
        article(
          "Article 3a",
          null,
          paragraph("1.", "The competent authority of the exporter shall assess each notification under the procedure and register it."),
        ),
      ],
    });
    const statuses = compareVersions([before, after])
      .rows.filter((r) => r.type === "article")
      .map((r) => [r.cells[0]?.label ?? null, r.cells[1]?.label ?? null, r.status]);
    expect(statuses).toEqual([
      ["Article 1", "Article 1", "same"],
      ["Article 2", null, "deleted"],
      ["Article 3", "Article 3", "same"],
      [null, "Article 3a", "inserted"],
    ]);
  });
});

describe("the words of a group after its points", () => {
  it("are compared with the group's own words, so that a change to them shows", () => {
    const annexWith = (closing: string) =>
      act({
        body: [provision("article", { num: "Article 1" }, [p("The things in Annex I are listed.")])],
        annexes: [
          provision("annex", { num: "ANNEX I", heading: "List" }, [
            provision("section", { num: "Section A", heading: "First things" }, [
              p("The following items:"),
              provision("point", { num: "1." }, [p("Item one.")]),
              provision("point", { num: "2." }, [p("Item two.")]),
              p(closing),
            ]),
          ]),
        ],
      });
    const comparison = compareVersions([
      annexWith("The items of Section A are subject to licence."),
      annexWith("The items of Section A are free of licence."),
    ]);
    const section = comparison.rows.find((r) => r.label === "Annex I, Section A")!;
    expect(section.status).toBe("changed");
    expect(section.cells[1]!.diff.filter(([op]) => op !== "=")).toEqual([
      ["-", "subject to "],
      ["+", "free of "],
    ]);
  });
});

describe("a chapter of an annex", () => {
  it("holds the articles and sections in it, so that their words stand in the table and their changes show", () => {
    const annexWith = (washers: string) =>
      act({
        body: [provision("article", { num: "Article 1", eId: "art_1" }, [p("The things in Annex I are listed.")])],
        annexes: [
          provision("annex", { num: "ANNEX I", heading: "List", eId: "anx_I" }, [
            provision("chapter", { num: "CHAPTER 1", heading: "First list", eId: "anx_I__chp_1" }, [
              provision("article", { num: "Article 1", eId: "anx_I__chp_1__art_1" }, [p("Items of category one are bolts and nuts.")]),
              provision("section", { num: "SECTION 1", heading: "Inner", eId: "anx_I__chp_1__sec_1" }, [
                provision("paragraph", { num: "1.", eId: "anx_I__chp_1__sec_1__para_1" }, [p(washers)]),
              ]),
            ]),
          ]),
        ],
      });
    const comparison = compareVersions([annexWith("Washers count as well."), annexWith("Washers and rivets count as well.")]);
    // The rows after the body's article: the annex, its chapter, and what the chapter holds.
    const annexRows = comparison.rows.slice(comparison.rows.findIndex((r) => r.cells[0]?.eId === "anx_I"));
    expect(annexRows.map((r) => [r.label, r.status])).toEqual([
      ["Annex I", "same"],
      ["Annex I, Chapter 1", "same"],
      // The annex's own Article 1, apart from the body's, cited as people cite it.
      ["Annex I, Article 1", "same"],
      ["Annex I, Chapter 1, Section 1", "same"],
      ["Annex I, Chapter 1, Section 1, point 1", "changed"],
    ]);
    expect(annexRows[2]!.cells[0]!.text).toBe("Items of category one are bolts and nuts.");
    expect(annexRows[4]!.cells[1]!.diff.filter(([op]) => op !== "=")).toEqual([["+", "and rivets "]]);
  });
});
