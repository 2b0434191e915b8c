/*
 * Formex tables (TBL > CORPUS > ROW > CELL) as tables of the legal schema: header rows and cells
 * stay headers, spans stay spans, and what a cell says is read like any other passage.
 */
import type { Node } from "prosemirror-model";
import { table } from "../../model/build";
import { child, elements, type XmlElement, type XmlNode } from "../xml";
import type { Reading } from "./reading";

/** Reads the words of some Formex nodes as blocks: how a table's cells and title are read. */
export type BlockReader = (nodes: readonly XmlNode[]) => Node[];

/** Spans above this are not a real table's: a bad attribute, kept from blowing up a renderer. */
const MAX_SPAN = 1000;

function span(value: string | undefined): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, MAX_SPAN) : 1;
}

/**
 * The table, preceded by its title and followed by anything else the TBL holds (notes to the
 * table), all read as blocks.
 */
export function readTable(tbl: XmlElement, reading: Reading, blocksOf: BlockReader): Node[] {
  const corpus = child(tbl, "CORPUS");
  if (!corpus) reading.fail(tbl, "<TBL> without <CORPUS>");
  const before: Node[] = [];
  const after: Node[] = [];
  for (const child of elements(tbl)) {
    if (child.name === "TITLE") before.push(...blocksOf(child.children));
    else if (child !== corpus) after.push(...blocksOf([child]));
  }
  const misplaced = (element: XmlElement, where: string) => {
    reading.warn(element, `<${element.name}> in ${where} kept after the table`);
    after.push(...blocksOf([element]));
  };
  const rows: { header: boolean; colspan: number; rowspan: number; blocks: Node[] }[][] = [];
  for (const row of elements(corpus)) {
    if (row.name !== "ROW") {
      misplaced(row, "a table, outside any <ROW>,");
      continue;
    }
    const headerRow = row.attrs.TYPE === "HEADER";
    const cells = [];
    for (const cell of elements(row)) {
      if (cell.name !== "CELL") {
        misplaced(cell, "a table row, outside any <CELL>,");
        continue;
      }
      cells.push({
        header: headerRow || cell.attrs.TYPE === "HEADER",
        colspan: span(cell.attrs.COLSPAN),
        rowspan: span(cell.attrs.ROWSPAN),
        blocks: blocksOf(cell.children),
      });
    }
    if (cells.length > 0) rows.push(cells);
  }
  return [...before, ...(rows.length > 0 ? [table(rows)] : []), ...after];
}
