/*
 * The comparison as one self-contained HTML page a staffer can open in any browser and print:
 * a column per version, row labels, insertions underlined and deletions struck through as well
 * as coloured, column headers that stay in view, and a summary at the top.
 */
import { escapeMarkup, htmlElement } from "../formats/markup";
import { referenceWords, STATISTICS, type Comparison, type ComparisonCell, type ComparisonRow } from "./comparison";
import type { RowStatus } from "./alignment";
import { labelColumn } from "./row-label";
import { cellStatusWords, confidenceClass, confidenceWords, hasOneCell } from "./row-words";
import { touchesPrevious } from "./touching-spans";
import type { DiffSpan } from "./word-diff";
import type { CellFootnote } from "./footnote-diff";

const STYLE = `
body { font-family: Georgia, "Times New Roman", serif; margin: 1.5em; color: #111; }
h1 { font-size: 1.3em; }
.notice { border: 2px solid #a15c00; background: #fff6e5; padding: .5em 1em; margin: .5em 0; font-family: system-ui, sans-serif; }
.warning { border-left: 4px solid #b00020; padding: .3em .8em; margin: .5em 0; }
table.summary { border-collapse: collapse; margin: 1em 0; font-family: system-ui, sans-serif; font-size: .9em; }
table.summary td, table.summary th { border: 1px solid #bbb; padding: .2em .6em; text-align: right; }
table.summary td.reference { text-align: left; }
table.comparison { border-collapse: collapse; width: 100%; table-layout: fixed; }
table.comparison thead th { position: sticky; top: 0; background: #f0f0f0; z-index: 1; border: 1px solid #999; padding: .4em; font-family: system-ui, sans-serif; }
table.comparison td, table.comparison th.label { border: 1px solid #ccc; padding: .35em .5em; vertical-align: top; line-height: 1.4; overflow-wrap: break-word; }
th.label { font-weight: normal; text-align: left; }
col.label-column { width: 9em; }
.statistics:focus-visible { outline: 3px solid #0b4f8a; }
/* On a narrow screen the statistics scroll sideways in their frame, reached with Tab to scroll them by keyboard. */
@media (max-width: 700px) {
  .statistics { overflow-x: auto; }
  body { margin: .5em; }
  /* Columns wide enough to read, the page scrolled sideways, and the labels kept in view. */
  table.comparison { width: max(100%, calc(7.5em + var(--columns) * 15em)); }
  col.label-column { width: 7.5em; }
  table.comparison th.label { position: sticky; left: 0; z-index: 1; border-left: 0; background: linear-gradient(to left, #ccc 1px, #fff 1px); }
  table.comparison thead th:first-child { left: 0; z-index: 2; }
}
th.label { font-family: system-ui, sans-serif; font-size: .85em; overflow-wrap: anywhere; }
.label-source { display: block; font-size: .85em; color: #555; }
.confidence { display: block; font-size: .8em; color: #555; }
.confidence.uncertain { color: #8a4b00; font-weight: bold; }
.status.rewritten { color: #8a4b00; }
.words { white-space: pre-line; }
td.gap { background: repeating-linear-gradient(45deg, #fafafa, #fafafa 6px, #f0f0f0 6px, #f0f0f0 12px); }
.status { display: block; font-size: .75em; color: #555; font-family: system-ui, sans-serif; }
ins { background: #d4f5d4; text-decoration: underline; text-decoration-thickness: 2px; }
del { background: #fbd6d6; text-decoration: line-through; }
ins.apart, del.apart { margin-left: .3em; }
.num { font-weight: bold; margin-right: .4em; }
.amendment { float: right; font-family: system-ui, sans-serif; font-size: .75em; border: 1px solid #999; border-radius: 3px; padding: 0 .3em; margin-left: .4em; }
.heading { font-style: italic; display: block; }
.footnotes { display: block; margin-top: .3em; padding-top: .2em; border-top: 1px solid #ccc; font-size: .85em; }
.footnote { display: block; }
.footnote sup { margin-right: .3em; }
table.comparison tr.depth-0 td, table.comparison tr.depth-0 th { border-top: 2px solid #888; }
@media print { body { margin: 0; } table.comparison thead th { position: static; } ins { font-weight: bold; } tr { break-inside: avoid; } thead { display: table-header-group; } }
`;

function spans(diff: readonly DiffSpan[]): string {
  return diff
    .map(([op, text], k) => {
      if (op === "=") return escapeMarkup(text);
      return htmlElement(op === "+" ? "ins" : "del", touchesPrevious(diff, k) ? { class: "apart" } : {}, escapeMarkup(text));
    })
    .join("");
}

/** The footnotes under a cell's words, each with its marker as the version prints it; one the version lost has none. */
function footnotesHtml(notes: readonly CellFootnote[] | undefined): string {
  if (notes === undefined) return "";
  const each = notes.map((n) =>
    htmlElement("span", { class: "footnote" }, (n.marker !== null ? htmlElement("sup", {}, escapeMarkup(n.marker)) : "") + spans(n.diff)),
  );
  return htmlElement("span", { class: "footnotes" }, each.join(""));
}

/** A cell, or for a column without one, a gap that says why in words when the column lost the reference's provision. */
function cellHtml(cell: ComparisonCell | null, note: string | null, columnStatus: RowStatus | null, alone: boolean): string {
  if (cell === null) {
    const why = note ?? columnStatus;
    return htmlElement("td", { class: "gap" }, why !== null ? htmlElement("span", { class: "status" }, escapeMarkup(why)) : "");
  }
  const num = cell.num !== null ? htmlElement("span", { class: "num" }, escapeMarkup(cell.num)) : "";
  const amendments = cell.amendments ? htmlElement("span", { class: "amendment" }, escapeMarkup(cell.amendments.join(", "))) : "";
  const heading =
    cell.heading !== null
      ? htmlElement("span", { class: "heading" }, cell.headingDiff ? spans(cell.headingDiff) : escapeMarkup(cell.heading))
      : "";
  const said = cellStatusWords(cell, alone);
  const status = said !== null ? htmlElement("span", { class: cell.rewritten ? "status rewritten" : "status" }, escapeMarkup(said)) : "";
  return htmlElement(
    "td",
    {},
    amendments + num + heading + htmlElement("span", { class: "words" }, spans(cell.diff)) + footnotesHtml(cell.footnotes) + status,
  );
}

function rowHtml(row: ComparisonRow, comparison: Comparison): string {
  const source = labelColumn(row, comparison.ref);
  const confidence = confidenceWords(row);
  // A row header: a screen reader names the provision of each cell read down a version's column.
  const label = htmlElement(
    "th",
    {
      scope: "row",
      class: "label",
      style: `padding-left:${0.5 + row.depth}em`,
      title: hasOneCell(row) ? row.status : `${row.status}, confidence ${row.confidence}`,
    },
    escapeMarkup(row.label) +
      (source === null ? "" : htmlElement("span", { class: "label-source" }, `in ${escapeMarkup(comparison.versions[source]!)}`)) +
      (confidence === null ? "" : htmlElement("span", { class: confidenceClass(row) }, confidence)),
  );
  return htmlElement(
    "tr",
    { class: `depth-${Math.min(row.depth, 3)} ${row.status}` },
    label + row.cells.map((c, v) => cellHtml(c, row.notes[v] ?? null, row.statuses[v] ?? null, hasOneCell(row))).join(""),
  );
}

/** The comparison as a complete HTML page; `rows` may be a filtered subset of the comparison's. */
export function comparisonHtml(comparison: Comparison, rows: readonly ComparisonRow[] = comparison.rows, title = "Comparison"): string {
  const notices = comparison.notices
    .map((n) => htmlElement("div", { class: "notice", role: "note" }, `<strong>Notice.</strong> ${escapeMarkup(n)}`))
    .join("");
  const warnings = comparison.warnings.map((w) => htmlElement("p", { class: "warning" }, escapeMarkup(w))).join("");
  // Rows a person placed by hand: said, as a reader of the page could not tell them from the alignment's.
  const corrections =
    comparison.corrections.length === 0
      ? ""
      : htmlElement(
          "div",
          { class: "corrections" },
          htmlElement("p", {}, "Alignment corrections made by hand:") +
            htmlElement("ol", {}, comparison.corrections.map((c) => htmlElement("li", {}, escapeMarkup(c))).join("")),
        );
  const statHeader = htmlElement("tr", {}, ["version", ...STATISTICS].map((h) => htmlElement("th", { scope: "col" }, h)).join(""));
  const statRows = comparison.statistics
    .map((s, v) =>
      htmlElement(
        "tr",
        {},
        htmlElement("th", { scope: "row" }, escapeMarkup(comparison.versions[v]! + (v === comparison.ref ? " (reference)" : ""))) +
          (v === comparison.ref
            ? htmlElement("td", { colspan: String(STATISTICS.length), class: "reference" }, escapeMarkup(referenceWords(s)))
            : STATISTICS.map((name) => htmlElement("td", {}, String(s[name]))).join("")),
      ),
    )
    .join("");
  const columns = `<col class="label-column">` + comparison.versions.map(() => "<col>").join("");
  const header = htmlElement(
    "tr",
    {},
    htmlElement("th", { scope: "col" }, "Provision") +
      comparison.versions
        .map((n, v) => htmlElement("th", { scope: "col" }, escapeMarkup(n + (v === comparison.ref ? " (reference)" : ""))))
        .join(""),
  );
  const body = rows.map((row) => rowHtml(row, comparison)).join("\n");
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeMarkup(title)}</title><style>${STYLE}</style></head><body><main>
<h1>${escapeMarkup(title)}</h1>${notices}${warnings}${corrections}
<p>Differences are shown against the reference column: <ins>inserted words</ins> are underlined, <del>deleted words</del> struck through.</p>
<div class="statistics" role="region" aria-label="Statistics" tabindex="0"><table class="summary">${statHeader}${statRows}</table></div>
<table class="comparison" style="--columns: ${comparison.versions.length}"><colgroup>${columns}</colgroup><thead>${header}</thead><tbody>
${body}
</tbody></table></main></body></html>
`;
}
