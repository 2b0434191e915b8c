/*
 * The comparison as a Word document, the form in which four-column tables go round by email: on
 * landscape pages, a column per version under a header row repeated on every page, row labels,
 * insertions underlined and deletions struck through as well as coloured, and the summary above
 * the table, as in the HTML page (comparison-html.ts), which it says the same things as.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  UnderlineType,
  WidthType,
  type ICharacterStyleOptions,
  type IRunOptions,
} from "docx";
import { referenceWords, STATISTICS, type Comparison, type ComparisonCell, type ComparisonRow } from "./comparison";
import type { RowStatus } from "./alignment";
import { labelColumn } from "./row-label";
import { cellStatusWords, confidenceWords, hasOneCell, UNCERTAIN_CONFIDENCE } from "./row-words";
import { touchesPrevious } from "./touching-spans";
import type { DiffSpan } from "./word-diff";
import type { CellFootnote } from "./footnote-diff";
import { fitForXml } from "../formats/markup";

/** Sizes in half-points, as Word counts them. */
const TEXT_SIZE = 18;
const SMALL_SIZE = 15;
/** An A4 page, landscape, in twentieths of a point; its margins, a centimetre and a half. */
const PAGE_LONG_SIDE = 16838;
const PAGE_SHORT_SIDE = 11906;
const MARGIN = 850;
const LABEL_COLUMN = 1700;
/**
 * Extra room after a removal that meets an addition with no space between them, in twentieths
 * of a point (3 points, as the HTML page's margin): the struck line runs on across it, the words
 * stand apart.
 */
const APART = 60;

/**
 * Inserted and deleted words carry character styles of those names, which Word lists: a reader
 * who marks changes otherwise (the Parliament prints new words in bold italics) restyles every
 * one of them at once. Each run names its style rather than spelling out its marks.
 */
const CHANGE_STYLES: readonly ICharacterStyleOptions[] = [
  { id: "InsertedWords", name: "Inserted words", run: { bold: true, underline: { type: UnderlineType.SINGLE }, color: "006100" } },
  { id: "DeletedWords", name: "Deleted words", run: { strike: true, color: "9C0006" } },
];
const INSERTED: IRunOptions = { style: "InsertedWords" };
const DELETED: IRunOptions = { style: "DeletedWords" };
const QUIET: IRunOptions = { size: SMALL_SIZE, color: "555555" };

/** Runs of words in one style: a line end in the words starts a new line. */
function runs(text: string, style: IRunOptions = {}): TextRun[] {
  // A character XML cannot hold (a control character an older stored text may hold) written as U+FFFD, as the other writers write it.
  return fitForXml(text)
    .split("\n")
    .map((line, k) => new TextRun({ ...style, text: line, ...(k > 0 ? { break: 1 } : {}) }));
}

/** A diff's spans as runs: kept words plain, inserted ones underlined, deleted ones struck through. */
function spanRuns(diff: readonly DiffSpan[], base: IRunOptions = {}): TextRun[] {
  return diff.flatMap(([op, text], k) => {
    const style = op === "=" ? base : { ...base, ...(op === "+" ? INSERTED : DELETED) };
    // A change that the next meets with no space between: its last character set a little apart.
    if (!touchesPrevious(diff, k + 1)) return runs(text, style);
    const characters = Array.from(text);
    const last = characters.pop()!;
    return [...runs(characters.join(""), style), ...runs(last, { ...style, characterSpacing: APART })];
  });
}

function paragraph(children: TextRun[], options: { readonly indent?: number; readonly spaceBefore?: number } = {}): Paragraph {
  return new Paragraph({
    children,
    spacing: { after: 40, ...(options.spaceBefore === undefined ? {} : { before: options.spaceBefore }) },
    ...(options.indent === undefined ? {} : { indent: { left: options.indent } }),
  });
}

/** The footnotes under a cell's words, each with its marker as the version prints it; one the version lost has none. */
function footnoteParagraphs(notes: readonly CellFootnote[] | undefined): Paragraph[] {
  return (notes ?? []).map((n) =>
    paragraph([
      ...(n.marker !== null
        ? [new TextRun({ text: n.marker, superScript: true, size: SMALL_SIZE }), new TextRun({ text: " ", size: SMALL_SIZE })]
        : []),
      ...spanRuns(n.diff, { size: SMALL_SIZE }),
    ]),
  );
}

const GAP_SHADING = { type: ShadingType.CLEAR, color: "auto", fill: "F2F2F2" } as const;

/** A cell, or for a column without one, a shaded gap that says why in words when the column lost the reference's provision. */
function cellOf(cell: ComparisonCell | null, note: string | null, columnStatus: RowStatus | null, alone: boolean): TableCell {
  if (cell === null) {
    const why = note ?? columnStatus;
    return new TableCell({ shading: GAP_SHADING, children: [paragraph(why === null ? [] : runs(why, QUIET))] });
  }
  const children: Paragraph[] = [];
  if (cell.amendments) children.push(paragraph(runs(cell.amendments.join(", "), { ...QUIET, bold: true })));
  const num = cell.num !== null ? runs(`${cell.num} `, { bold: true }) : [];
  if (cell.heading !== null) {
    children.push(
      paragraph([...num, ...(cell.headingDiff ? spanRuns(cell.headingDiff, { italics: true }) : runs(cell.heading, { italics: true }))]),
    );
    // A chapter's heading is all its words: no empty line under it.
    if (cell.diff.some(([, words]) => words !== "")) children.push(paragraph(spanRuns(cell.diff)));
  } else children.push(paragraph([...num, ...spanRuns(cell.diff)]));
  children.push(...footnoteParagraphs(cell.footnotes));
  const said = cellStatusWords(cell, alone);
  if (said !== null) children.push(paragraph(runs(said, cell.rewritten ? { ...QUIET, color: "8A4B00" } : QUIET)));
  return new TableCell({ children });
}

/** The label of a row: the provision, whose numbering it is in when not the reference's, and how sure its alignment is. */
function labelOf(row: ComparisonRow, comparison: Comparison): TableCell {
  const source = labelColumn(row, comparison.ref);
  const confidence = confidenceWords(row);
  const indent = 120 * Math.min(row.depth, 4);
  const children = [paragraph(runs(row.label, { size: SMALL_SIZE, bold: row.depth === 0 }), { indent })];
  if (source !== null) children.push(paragraph(runs(`in ${comparison.versions[source]!}`, QUIET), { indent }));
  if (confidence !== null) {
    const uncertain = row.confidence < UNCERTAIN_CONFIDENCE;
    children.push(paragraph(runs(confidence, uncertain ? { ...QUIET, bold: true, color: "8A4B00" } : QUIET), { indent }));
  }
  return new TableCell({ children });
}

function rowOf(row: ComparisonRow, comparison: Comparison): TableRow {
  const alone = hasOneCell(row);
  return new TableRow({
    children: [labelOf(row, comparison), ...row.cells.map((c, v) => cellOf(c, row.notes[v] ?? null, row.statuses[v] ?? null, alone))],
  });
}

const HEADER_SHADING = { type: ShadingType.CLEAR, color: "auto", fill: "E7E7E7" } as const;

function headerCell(text: string): TableCell {
  return new TableCell({ shading: HEADER_SHADING, children: [paragraph(runs(text, { bold: true }))] });
}

/** The name of version `v` as a column's header says it. */
function columnName(comparison: Comparison, v: number): string {
  return comparison.versions[v]! + (v === comparison.ref ? " (reference)" : "");
}

/** What each column did to the reference, counted: a row per version. */
function statisticsTable(comparison: Comparison, width: number): Table {
  const header = new TableRow({ tableHeader: true, children: ["version", ...STATISTICS].map(headerCell) });
  const rows = comparison.statistics.map(
    (s, v) =>
      new TableRow({
        children: [
          new TableCell({ children: [paragraph(runs(columnName(comparison, v), { size: SMALL_SIZE }))] }),
          ...(v === comparison.ref
            ? [new TableCell({ columnSpan: STATISTICS.length, children: [paragraph(runs(referenceWords(s), { size: SMALL_SIZE }))] })]
            : STATISTICS.map(
                (name) =>
                  new TableCell({
                    children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: runs(String(s[name]), { size: SMALL_SIZE }) })],
                  }),
              )),
        ],
      }),
  );
  const first = Math.round(width / 4);
  const rest = Math.floor((width - first) / STATISTICS.length);
  return new Table({
    rows: [header, ...rows],
    layout: TableLayoutType.FIXED,
    width: { size: first + rest * STATISTICS.length, type: WidthType.DXA },
    columnWidths: [first, ...STATISTICS.map(() => rest)],
  });
}

/**
 * The comparison as the bytes of a .docx file; `rows` may be a filtered subset of the
 * comparison's, and `filtered` then says so above the table ("Rows shown: 12 of 99, filtered
 * (changed only)."), for a reader of the document to know it is not the whole table. The same
 * in Node and in the browser.
 */
export async function comparisonDocx(
  comparison: Comparison,
  rows: readonly ComparisonRow[] = comparison.rows,
  title = "Comparison",
  filtered: string | null = null,
): Promise<Uint8Array<ArrayBuffer>> {
  const width = PAGE_LONG_SIDE - 2 * MARGIN;
  const column = Math.floor((width - LABEL_COLUMN) / comparison.versions.length);
  const table = new Table({
    layout: TableLayoutType.FIXED,
    width: { size: LABEL_COLUMN + column * comparison.versions.length, type: WidthType.DXA },
    columnWidths: [LABEL_COLUMN, ...comparison.versions.map(() => column)],
    borders: {
      top: { style: BorderStyle.SINGLE, size: 4, color: "999999" },
      bottom: { style: BorderStyle.SINGLE, size: 4, color: "999999" },
      left: { style: BorderStyle.SINGLE, size: 4, color: "999999" },
      right: { style: BorderStyle.SINGLE, size: 4, color: "999999" },
      insideHorizontal: { style: BorderStyle.SINGLE, size: 4, color: "BBBBBB" },
      insideVertical: { style: BorderStyle.SINGLE, size: 4, color: "BBBBBB" },
    },
    rows: [
      // Repeated at the top of every page the table runs onto.
      new TableRow({
        tableHeader: true,
        children: [headerCell("Provision"), ...comparison.versions.map((_, v) => headerCell(columnName(comparison, v)))],
      }),
      ...rows.map((row) => rowOf(row, comparison)),
    ],
  });
  const before: (Paragraph | Table)[] = [new Paragraph({ heading: HeadingLevel.HEADING_1, children: runs(title) })];
  for (const notice of comparison.notices) before.push(paragraph([new TextRun({ text: "Notice. ", bold: true }), ...runs(notice)]));
  for (const warning of comparison.warnings) before.push(paragraph(runs(warning, { color: "9C0006" })));
  // Rows a person placed by hand: said, as a reader of the document could not tell them from the alignment's.
  if (comparison.corrections.length > 0) {
    before.push(paragraph(runs("Alignment corrections made by hand:"), { spaceBefore: 120 }));
    comparison.corrections.forEach((c, k) => before.push(paragraph(runs(`${k + 1}. ${c}`), { indent: 360 })));
  }
  before.push(
    paragraph(
      [
        ...runs("Differences are shown against the reference column: "),
        ...runs("inserted words", INSERTED),
        ...runs(" are underlined, "),
        ...runs("deleted words", DELETED),
        ...runs(" struck through."),
      ],
      { spaceBefore: 120 },
    ),
    statisticsTable(comparison, width),
    paragraph(filtered === null ? [] : runs(filtered, { bold: true }), { spaceBefore: 120 }),
  );
  // The document's properties and its pages' feet, as its words, may hold no character XML cannot.
  const fitTitle = fitForXml(title);
  const document = new Document({
    creator: "Synopsis",
    title: fitTitle,
    styles: { default: { document: { run: { font: "Times New Roman", size: TEXT_SIZE } } }, characterStyles: CHANGE_STYLES },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE_SHORT_SIDE, height: PAGE_LONG_SIDE, orientation: PageOrientation.LANDSCAPE },
            margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
          },
        },
        // Each page says which it is, and of how many, with the title: a printed table is leafed through.
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({ ...QUIET, children: [`${fitTitle} · page `, PageNumber.CURRENT, " of ", PageNumber.TOTAL_PAGES] }),
                ],
              }),
            ],
          }),
        },
        children: [...before, table],
      },
    ],
  });
  return new Uint8Array(await Packer.pack(document, "arraybuffer"));
}
