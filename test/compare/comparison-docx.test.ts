/*
 * The comparison as a Word document: the four columns of the demonstration dual-use dossier,
 * read back from the .docx as a reader of it would see them (test/support/docx-reader.ts).
 */
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { compareVersions } from "../../shared/compare/comparison";
import { comparisonDocx } from "../../shared/compare/comparison-docx";
import { filterRows } from "../../shared/compare/filters";
import { act, p, provision } from "../../shared/model/build";
import { DUAL_USE_STAGES, fixtureDoc } from "../support/fixtures";
import { cellText, readDocx, type DocxParagraph } from "../support/docx-reader";

const comparison = compareVersions(
  DUAL_USE_STAGES.map(([, path]) => fixtureDoc(path)),
  { names: DUAL_USE_STAGES.map(([name]) => name) },
);
const document = readDocx(await comparisonDocx(comparison, comparison.rows, "Dual-use items: four columns"));
const [statistics, table] = document.tables as [(typeof document.tables)[number], (typeof document.tables)[number]];

/** The words a cell's runs mark in one way, in order. */
const marked = (cell: readonly DocxParagraph[], mark: "underlined" | "struck") =>
  cell.flatMap((paragraph) => paragraph.runs.filter((r) => r[mark]).map((r) => r.text));

describe("the comparison as a Word document", () => {
  it("lays the columns on landscape pages, under a header row repeated on each page", () => {
    expect(document.page.orientation).toBe("landscape");
    expect(document.page.width).toBeGreaterThan(document.page.height);
    expect(table[0]!.header).toBe(true);
    expect(table[0]!.cells.map(cellText)).toEqual(["Provision", "Commission (reference)", "Parliament", "Council", "Regulation"]);
    expect(table.slice(1).every((row) => !row.header)).toBe(true);
  });

  it("says on each page's foot the title, which page it is and of how many", async () => {
    const files = unzipSync(await comparisonDocx(comparison, comparison.rows, "Dual-use items: four columns"));
    const footers = Object.keys(files).filter((name) => /^word\/footer\d*\.xml$/.test(name));
    expect(footers).toHaveLength(1);
    const footer = strFromU8(files[footers[0]!]!);
    expect(footer).toContain("Dual-use items: four columns · page ");
    expect(footer).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>[\s\S]* of [\s\S]*<w:instrText[^>]*>NUMPAGES<\/w:instrText>/);
  });

  it("has a row for each of the table's, labelled as the table labels it, with each cell's words", () => {
    expect(table).toHaveLength(comparison.rows.length + 1);
    comparison.rows.forEach((row, r) => {
      const cells = table[r + 1]!.cells;
      expect(cells[0]![0]!.text).toBe(row.label);
      row.cells.forEach((cell, v) => {
        if (cell === null) return;
        // The words as the version has them: all but what is struck through, as the reference's are not.
        const words = cells[v + 1]!.flatMap((paragraph) => paragraph.runs.filter((r) => !r.struck).map((r) => r.text)).join("");
        expect(words.replaceAll("\n", "")).toContain(cell.text.replaceAll("\n", ""));
      });
    });
  });

  it("underlines the words a version inserted and strikes through those it deleted, as the diff says", () => {
    // The title: the Council reordered the activities.
    const council = table[1]!.cells[3]!;
    expect(marked(council, "struck")).toEqual(comparison.rows[0]!.cells[2]!.diff.filter(([op]) => op === "-").map(([, t]) => t));
    expect(marked(council, "underlined")).toEqual(comparison.rows[0]!.cells[2]!.diff.filter(([op]) => op === "+").map(([, t]) => t));
    expect(marked(council, "struck")).toContain("transfer, ");
    expect(marked(council, "underlined")).toContain("and transfer ");
    // The reference's own words are marked nowhere.
    expect(
      table.slice(1).every((row) => marked(row.cells[1]!, "underlined").length === 0 && marked(row.cells[1]!, "struck").length === 0),
    ).toBe(true);
  });

  it("marks inserted and deleted words with character styles of those names, which a reader restyles at once in Word", () => {
    const runs = table.slice(1).flatMap((row) => row.cells.flatMap((cell) => cell.flatMap((paragraph) => paragraph.runs)));
    const underlined = runs.filter((r) => r.underlined && r.text.trim() !== "");
    const struck = runs.filter((r) => r.struck && r.text.trim() !== "");
    expect(underlined.length).toBeGreaterThan(20);
    expect(struck.length).toBeGreaterThan(20);
    expect(new Set(underlined.map((r) => r.style))).toEqual(new Set(["Inserted words"]));
    expect(new Set(struck.map((r) => r.style))).toEqual(new Set(["Deleted words"]));
    expect(runs.filter((r) => r.style !== null && !r.underlined && !r.struck)).toEqual([]);
  });

  it("says in a column without a cell why it has none, and whose number a label is", () => {
    const r = comparison.rows.findIndex((row) => row.cells[1] === null && row.statuses[1] !== null);
    expect(r).toBeGreaterThan(0);
    const row = comparison.rows[r]!;
    expect(cellText(table[r + 1]!.cells[2]!)).toBe(row.notes[1] ?? row.statuses[1]);
    const inserted = comparison.rows.findIndex((row) => row.cells[0] === null);
    const source = comparison.rows[inserted]!.cells.findIndex((c) => c !== null);
    expect(cellText(table[inserted + 1]!.cells[0]!)).toContain(`in ${comparison.versions[source]}`);
  });

  it("opens with the title, the texts' notice, the key to the marks and each column's statistics", () => {
    expect(document.paragraphs[0]!.text).toBe("Dual-use items: four columns");
    expect(document.paragraphs.some((p) => p.text.startsWith("Notice. Abridged demonstration"))).toBe(true);
    const key = document.paragraphs.find((p) => p.text.startsWith("Differences are shown"))!;
    expect(key.runs.find((r) => r.text === "inserted words")!.underlined).toBe(true);
    expect(key.runs.find((r) => r.text === "deleted words")!.struck).toBe(true);
    expect(statistics.map((row) => cellText(row.cells[0]!))).toEqual([
      "version",
      ...comparison.versions.map((n, v) => (v === 0 ? `${n} (reference)` : n)),
    ]);
    expect(statistics[2]!.cells.slice(1).map(cellText)).toEqual(
      ["unchanged", "renumbered", "changed", "inserted", "deleted", "moved", "split", "merged"].map((k) =>
        String(comparison.statistics[1]![k as "unchanged"]),
      ),
    );
  });

  it("writes the rows a filter keeps, and no others", async () => {
    const recitals = filterRows(comparison, { types: ["recital"], changedOnly: true });
    const filtered = readDocx(await comparisonDocx(comparison, recitals)).tables[1]!;
    expect(filtered.slice(1).map((row) => row.cells[0]![0]!.text)).toEqual(recitals.map((row) => row.label));
  });

  it("writes a title with a character XML cannot hold, in its words and its properties, with U+FFFD for it", async () => {
    // A column name given on the command line is checked by nothing.
    const read = readDocx(await comparisonDocx(comparison, comparison.rows, "Dual-use \uffff"));
    expect(read.paragraphs[0]!.text).toBe("Dual-use \ufffd");
  });

  it("leaves no empty line under a heading that is all of a provision's words", () => {
    const r = comparison.rows.findIndex((row) => row.cells[0]?.heading && row.cells[0].text === "");
    expect(r).toBeGreaterThanOrEqual(0);
    expect(table[r + 1]!.cells[1]!.map((p) => p.text)).toEqual([
      `${comparison.rows[r]!.cells[0]!.num} ${comparison.rows[r]!.cells[0]!.heading}`,
    ]);
  });

  it("writes a character XML cannot hold as U+FFFD, keeping the words around it", async () => {
    // A control character, as an older stored document may hold (the readers leave them out now).
    const article = (words: string) => act({ body: [provision("article", { num: "Article 1" }, [p(words)])] });
    const before = article("The exporter shall notify the authority.");
    const after = article(`The exporter shall notify the ${String.fromCharCode(1)}authority.`);
    const read = readDocx(await comparisonDocx(compareVersions([before, after])));
    const row = read.tables[1]!.find((r) => r.cells[0]![0]!.text === "Article 1")!;
    const words = row.cells[2]![0]!.runs.filter((r) => !r.struck).map((r) => r.text);
    expect(words.join("")).toBe("Article 1 The exporter shall notify the \ufffdauthority.");
  });
});
