/*
 * Tables in EUR-Lex XHTML are of two kinds. The OJ lays out every numbered item (a recital, a
 * point, an indent) as a borderless table of one row: the number's cell and the text's cell.
 * Real tables, with rows and columns of their own, carry the class oj-table.
 */
import type { Node } from "prosemirror-model";
import { table } from "../../model/build";
import { elements, textOf, type XmlElement } from "../xml";
import { hasRole } from "./vocabulary";

/** Printed item numbers are short: "(a)", "(iv)", "1.2.", "—", "‘(68)". Longer first cells are words. */
const MAX_ITEM_NUMBER = 12;

/** Spans above this are not a real table's: a bad attribute, kept from blowing up a renderer. */
const MAX_SPAN = 1000;

function childElements(element: XmlElement, names: readonly string[]): XmlElement[] {
  return elements(element).filter((c) => names.includes(c.name));
}

/** The rows of a table, whether or not they stand in <thead>, <tbody> or <tfoot>, as their cells. */
export function rowsOf(tableElement: XmlElement): XmlElement[][] {
  const rows = [
    ...childElements(tableElement, ["tr"]),
    ...childElements(tableElement, ["thead", "tbody", "tfoot"]).flatMap((group) => childElements(group, ["tr"])),
  ];
  return rows.map((row) => childElements(row, ["td", "th"])).filter((cells) => cells.length > 0);
}

function cellText(cell: XmlElement): string {
  return textOf(cell)
    .replace(/[\s\u00a0]+/g, " ")
    .trim();
}

/** True for a printed item number: one short token, no words. */
export function isItemNumber(text: string): boolean {
  return text !== "" && text.length <= MAX_ITEM_NUMBER && !/\s/.test(text);
}

/** True when the table only lays out numbered items: each row a number's cell and a text's cell. */
export function isListTable(tableElement: XmlElement): boolean {
  if (hasRole(tableElement, "dataTable")) return false;
  const rows = rowsOf(tableElement);
  return rows.length > 0 && rows.every((cells) => cells.length === 2 && isItemNumber(cellText(cells[0] as XmlElement)));
}

function span(value: string | undefined): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, MAX_SPAN) : 1;
}

function isHeaderCell(cell: XmlElement): boolean {
  if (cell.name === "th") return true;
  const paragraphs = childElements(cell, ["p"]);
  return paragraphs.length > 0 && paragraphs.every((p) => hasRole(p, "headerCell"));
}

/** A real table, each cell's content read as blocks by `blocksOfCell`; null when it has no cells. */
export function dataTable(tableElement: XmlElement, blocksOfCell: (cell: XmlElement) => Node[]): Node | null {
  const rows = rowsOf(tableElement).map((cells) =>
    cells.map((cell) => ({
      header: isHeaderCell(cell),
      colspan: span(cell.attrs.colspan),
      rowspan: span(cell.attrs.rowspan),
      blocks: blocksOfCell(cell),
    })),
  );
  return rows.length > 0 ? table(rows) : null;
}
