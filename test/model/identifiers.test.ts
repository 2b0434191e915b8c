import { describe, expect, it } from "vitest";
import { numberToken, renumber } from "../../shared/model/numbering";
import { provisionsOf } from "../../shared/model/walk";
import { amendmentLabel, citationLabel, eIdLabel, labelSteps } from "../../shared/model/labels";
import { article, chapter, annex, citation, indent, paragraph, point, recital, subparagraph, testAct } from "../support/acts";

const act = testAct({
  preamble: [
    citation("Having regard to the Treaty,"),
    citation("Having regard to the proposal,"),
    recital("(1)", "One."),
    recital("(1a)", "Inserted."),
  ],
  body: [
    chapter(
      "CHAPTER II",
      "AUTHORISATIONS",
      article(
        "Article 5",
        "Cyber-surveillance items",
        paragraph(
          "1.",
          "An authorisation shall be required:",
          point("(a)", "one", point("(i)", "nested", indent("—", "first"), indent("—", "second"))),
          point("(b)", "two"),
        ),
        paragraph("2.", subparagraph("First.", point("(a)", "in the first subparagraph")), subparagraph("Second.")),
      ),
      article("Article 5a", null, "Inserted article."),
    ),
  ],
  annexes: [annex("ANNEX I", "List", point("1.", "Monitoring centres", point("(a)", "sub")))],
});

const byEId = new Map(provisionsOf(act).map((v) => [v.node.attrs.eId as string, v]));
const labels = (eId: string) => {
  const visit = byEId.get(eId);
  if (!visit) throw new Error(`no provision ${eId}; have ${[...byEId.keys()].join(" ")}`);
  const steps = labelSteps([...visit.ancestors, visit.node]);
  return [citationLabel(steps), amendmentLabel(steps)];
};

describe("eIds follow the Akoma Ntoso naming convention", () => {
  it("numbers citations by order and recitals, articles and chapters by their printed numbers", () => {
    expect([...byEId.keys()]).toEqual([
      "cit_1",
      "cit_2",
      "rec_1",
      "rec_1a",
      "chp_II",
      "art_5",
      "art_5__para_1",
      "art_5__para_1__point_a",
      "art_5__para_1__point_a__point_i",
      "art_5__para_1__point_a__point_i__indent_1",
      "art_5__para_1__point_a__point_i__indent_2",
      "art_5__para_1__point_b",
      "art_5__para_2",
      "art_5__para_2__subpara_1",
      "art_5__para_2__subpara_1__point_a",
      "art_5__para_2__subpara_2",
      "art_5a",
      "anx_I",
      "anx_I__point_1",
      "anx_I__point_1__point_a",
    ]);
  });

  it("gives every provision a distinct guid", () => {
    const guids = provisionsOf(act).map((v) => v.node.attrs.guid as string);
    expect(new Set(guids).size).toBe(guids.length);
    expect(guids.every((g) => /^[0-9a-f-]{36}$/.test(g))).toBe(true);
  });

  it("takes the number token from a printed number in any language", () => {
    expect(numberToken("Article 14a")).toBe("14a");
    expect(numberToken("Artikel 5")).toBe("5");
    expect(numberToken("CHAPITRE II")).toBe("II");
    expect(numberToken("Article 5 bis")).toBe("5bis");
    expect(numberToken("(iv)")).toBe("iv");
    expect(numberToken("2.")).toBe("2");
    expect(numberToken("ANNEX")).toBeNull();
    expect(numberToken("—")).toBeNull();
  });
});

describe("labels", () => {
  it("cite a point as people do, and locate it as an amendment sheet does", () => {
    expect(labels("art_5__para_1__point_a")).toEqual(["Article 5(1)(a)", "Article 5 – paragraph 1 – point a"]);
    expect(labels("art_5__para_1__point_a__point_i")).toEqual(["Article 5(1)(a)(i)", "Article 5 – paragraph 1 – point a – point i"]);
  });

  it("name indents and subparagraphs by their ordinal", () => {
    expect(labels("art_5__para_1__point_a__point_i__indent_2")).toEqual([
      "Article 5(1)(a)(i), second indent",
      "Article 5 – paragraph 1 – point a – point i – indent 2",
    ]);
    expect(labels("art_5__para_2__subpara_2")).toEqual(["Article 5(2), second subparagraph", "Article 5 – paragraph 2 – subparagraph 2"]);
    expect(labels("art_5__para_2__subpara_1__point_a")).toEqual(["Article 5(2)(a)", "Article 5 – paragraph 2 – subparagraph 1 – point a"]);
  });

  it("label recitals, citations, chapters and annex points", () => {
    expect(labels("rec_1a")).toEqual(["Recital 1a", "Recital 1a"]);
    expect(labels("cit_2")).toEqual(["Citation 2", "Citation 2"]);
    expect(labels("chp_II")).toEqual(["Chapter II", "Chapter II"]);
    expect(labels("anx_I__point_1__point_a")).toEqual(["Annex I, point 1(a)", "Annex I – point 1 – point a"]);
    // A named subparagraph (two of them have points) keeps the annex's way of numbering points.
    expect(
      citationLabel([
        { type: "annex", token: "I" },
        { type: "subparagraph", token: "2", named: true },
        { type: "point", token: "3" },
        { type: "point", token: "a" },
      ]),
    ).toBe("Annex I, second subparagraph, point 3(a)");
  });
});

describe("the label of an eId without its document", () => {
  it("cites the provision an eId names, as a correction naming a version not on screen is said", () => {
    expect(eIdLabel("art_5__para_2__point_a")).toBe("Article 5(2)(a)");
    expect(eIdLabel("rec_5a")).toBe("Recital 5a");
    expect(eIdLabel("anx_I__point_1__point_a")).toBe("Annex I, point 1(a)");
    expect(eIdLabel("art_5__para_2__subpara_2")).toBe("Article 5(2), second subparagraph");
    expect(eIdLabel("art_4__para_1a__wrapup")).toBe("Article 4(1a), concluding words");
    // The points of a second subparagraph are not taken for the first's.
    expect(eIdLabel("art_21__para_3__subpara_1__point_a")).toBe("Article 21(3)(a)");
    expect(eIdLabel("art_21__para_3__subpara_2__point_a")).toBe("Article 21(3), second subparagraph, point (a)");
  });

  it("gives nothing for what names no provision", () => {
    expect(eIdLabel("preface")).toBeNull();
    expect(eIdLabel("art_5__note_1")).toBeNull();
    expect(eIdLabel("art_")).toBeNull();
    expect(eIdLabel("wrapup")).toBeNull();
    // A paragraph or a point is cited from its article or annex.
    expect(eIdLabel("para_1")).toBeNull();
    expect(eIdLabel("point_a")).toBeNull();
  });
});

describe("renumbering from structure", () => {
  it("gives an inserted article and recital the next number and recomputes eIds", () => {
    const renumbered = renumber(act);
    const nums = provisionsOf(renumbered)
      .filter((v) => v.type === "article" || v.type === "recital")
      .map((v) => [v.node.attrs.num, v.node.attrs.eId]);
    expect(nums).toEqual([
      ["(1)", "rec_1"],
      ["(2)", "rec_2"],
      ["Article 1", "art_1"],
      ["Article 2", "art_2"],
    ]);
  });

  it("numbers and names the articles of an annex as the annex's own: an agreement annexed with its Article 1", () => {
    const annexed = testAct({
      body: [article("Article 1", null, "Subject matter."), article("Article 2", null, "Entry into force.")],
      annexes: [
        annex(
          "ANNEX",
          "Agreement",
          chapter("CHAPTER I", null, article("Article 7", null, "Parties."), article("Article 9", null, paragraph("1.", "It applies."))),
        ),
      ],
    });
    const renumbered = provisionsOf(renumber(annexed)).filter((v) => v.type === "article" || v.type === "paragraph");
    expect(renumbered.map((v) => [v.node.attrs.num, v.node.attrs.eId])).toEqual([
      ["Article 1", "art_1"],
      ["Article 2", "art_2"],
      ["Article 1", "anx_1__chp_I__art_1"],
      ["Article 2", "anx_1__chp_I__art_2"],
      ["1.", "anx_1__chp_I__art_2__para_1"],
    ]);
    const paragraph1 = renumbered.at(-1)!;
    const steps = labelSteps([...paragraph1.ancestors, paragraph1.node]);
    expect([citationLabel(steps), amendmentLabel(steps)]).toEqual(["Annex 1, Article 2(1)", "Annex 1 – Article 2 – paragraph 1"]);
  });

  it("keeps guids through renumbering", () => {
    const before = provisionsOf(act).map((v) => v.node.attrs.guid);
    const after = provisionsOf(renumber(act)).map((v) => v.node.attrs.guid);
    expect(after).toEqual(before);
  });
});
