/*
 * One row of the four-column view: the provision's label, then a cell per column with its number,
 * heading and words, insertions underlined and deletions struck through (not by colour alone).
 */
import type { ComparisonCell, ComparisonRow } from "../../../shared/compare/comparison";
import type { CellFootnote } from "../../../shared/compare/footnote-diff";
import type { RowStatus } from "../../../shared/compare/alignment";
import { labelColumn } from "../../../shared/compare/row-label";
import { cellStatusWords, confidenceClass, confidenceWords, hasOneCell } from "../../../shared/compare/row-words";
import { touchesPrevious } from "../../../shared/compare/touching-spans";
import type { DiffSpan } from "../../../shared/compare/word-diff";
import { h } from "../dom";

function spans(diff: readonly DiffSpan[]): (Node | string)[] {
  return diff.map(([op, text], k) => {
    if (op === "=") return text;
    return h(op === "+" ? "ins" : "del", touchesPrevious(diff, k) ? { class: "apart" } : {}, text);
  });
}

/** The footnotes under a cell's words, each with its marker as the version prints it; one the version lost has none. */
function footnotes(notes: readonly CellFootnote[] | undefined): HTMLElement | null {
  if (notes === undefined) return null;
  return h(
    "span",
    { class: "footnotes" },
    ...notes.map((n) => h("span", { class: "footnote" }, n.marker !== null ? h("sup", {}, n.marker) : null, ...spans(n.diff))),
  );
}

/** A cell, or for a column without one, a gap that says why in words when the column lost the reference's provision. */
function cell(c: ComparisonCell | null, note: string | null, status: RowStatus | null, alone: boolean): HTMLElement {
  if (c === null) {
    const why = note ?? status;
    return h(
      "td",
      { class: "cell gap", role: "cell", "aria-label": why ?? "not in this version" },
      why !== null ? h("span", { class: "status" }, why) : null,
    );
  }
  return h(
    "td",
    { class: `cell ${c.status ?? "reference"}`, role: "cell" },
    c.amendments ? h("span", { class: "amendment", title: "the Parliament's amendment number" }, c.amendments.join(", ")) : null,
    c.num !== null ? h("span", { class: "num" }, c.num) : null,
    c.heading !== null ? h("span", { class: "heading" }, ...(c.headingDiff ? spans(c.headingDiff) : [c.heading])) : null,
    h("span", { class: "words" }, ...spans(c.diff)),
    footnotes(c.footnotes),
    statusOf(c, alone),
  );
}

/** What happened to the cell, in words; nothing for a cell the same as the reference's. */
function statusOf(c: ComparisonCell, alone: boolean): HTMLElement | null {
  const said = cellStatusWords(c, alone);
  return said === null ? null : h("span", { class: c.rewritten ? "status rewritten" : "status" }, said);
}

/** The columns a row is shown in: their names, and which is the reference. */
export interface Columns {
  readonly names: readonly string[];
  readonly ref: number;
}

/**
 * A label with its number kept on one line: "Article" may wrap before "2(1a)(a)", but the number
 * is not cut between its parentheses, where a browser may otherwise break a line.
 */
function labelWords(label: string): (Node | string)[] {
  const parts = /^(\S+ )(\S+)(.*)$/s.exec(label);
  return parts === null ? [label] : [parts[1]!, h("span", { class: "number" }, parts[2]!), parts[3]!];
}

/** How sure the row's alignment is, when it is not sure: in words, not in a tooltip alone. */
function confidenceOf(row: ComparisonRow): HTMLElement | null {
  const said = confidenceWords(row);
  return said === null ? null : h("span", { class: confidenceClass(row) }, said);
}

export function rowElement(row: ComparisonRow, index: number, columns: Columns): HTMLTableRowElement {
  const source = labelColumn(row, columns.ref);
  // Whose numbering the label is when not the reference's; a row of one cell is aligned with nothing: no confidence to give.
  const named = source === null ? row.label : `${row.label} in ${columns.names[source]!}`;
  const said = hasOneCell(row) ? `${named}: ${row.status}` : `${named}: ${row.status}, confidence ${row.confidence}`;
  const label = h(
    "th",
    {
      class: "label",
      role: "rowheader",
      scope: "row",
      title: said,
    },
    ...labelWords(row.label),
    // Not the reference's number: say whose it is, as a reference row nearby may have the same label.
    source === null ? null : h("span", { class: "label-source" }, `in ${columns.names[source]!}`),
    confidenceOf(row),
  );
  // Indented by depth, as the style sheet says: less on a phone, where the column is narrow.
  label.style.setProperty("--depth", String(row.depth));
  return h(
    "tr",
    // The first row is in the tab order; from there the arrow keys (or j/k) move between rows.
    {
      class: `row depth-${Math.min(row.depth, 3)} ${row.status}`,
      role: "row",
      tabindex: index === 0 ? 0 : -1,
      // Rows take focus: each says which provision it is and what happened to it, and where it stands (the head is row 1).
      "aria-label": said,
      "aria-rowindex": index + 2,
      "data-index": index,
      "data-label": row.label,
    },
    label,
    ...row.cells.map((c, v) => cell(c, row.notes[v] ?? null, row.statuses[v] ?? null, hasOneCell(row))),
  );
}
