/*
 * What a .docx file says, read back for tests as a reader of the document would see it: its
 * page, its paragraphs outside tables, and its tables' rows and cells, each paragraph a list of
 * runs with the marks that carry meaning here (underlined, struck through, bold, italic), as its
 * own properties and its character style give them, as Word shows them. Every XML part is read
 * with a real XML parser, so that a file with one not well-formed fails the test.
 */
import { strFromU8, unzipSync } from "fflate";
import { SaxesParser } from "saxes";

export interface DocxRun {
  readonly text: string;
  /** The name of its character style, as Word lists it ("Inserted words"), or null. */
  readonly style: string | null;
  readonly underlined: boolean;
  readonly struck: boolean;
  readonly bold: boolean;
  readonly italic: boolean;
}

export interface DocxParagraph {
  readonly runs: DocxRun[];
  /** The runs' words, a line break as "\n". */
  readonly text: string;
}

export interface DocxRow {
  /** Repeated at the top of each page the table runs onto. */
  readonly header: boolean;
  readonly cells: DocxParagraph[][];
}

export interface DocxDocument {
  readonly page: { readonly width: number; readonly height: number; readonly orientation: string | null };
  readonly paragraphs: DocxParagraph[];
  readonly tables: DocxRow[][];
}

/** A run property given as an element (<w:b/>), off when its value says so (<w:b w:val="false"/>). */
function on(attributes: Record<string, string>): boolean {
  const value = attributes["w:val"];
  return value === undefined || !["false", "0", "none"].includes(value);
}

/** Throws, naming the part, when an XML part of the file is not well-formed: Word would refuse the file. */
function checkWellFormed(name: string, xml: Uint8Array): void {
  const parser = new SaxesParser();
  parser.on("error", (e) => {
    throw new Error(`${name} is not well-formed XML: ${e.message}`);
  });
  parser.write(strFromU8(xml)).close();
}

type Marks = { -readonly [K in Exclude<keyof DocxRun, "text" | "style">]: boolean };
const NO_MARKS: Marks = { underlined: false, struck: false, bold: false, italic: false };
/** The run properties that are marks, by their elements' names. */
const MARK_OF: Readonly<Record<string, keyof Marks>> = { "w:u": "underlined", "w:strike": "struck", "w:b": "bold", "w:i": "italic" };

/** The character styles in word/styles.xml by id: their names, and their marks with those of the style each is based on. */
function characterStyles(xml: Uint8Array | undefined): Map<string, { readonly name: string; readonly marks: Marks }> {
  const own = new Map<string, { name: string; basedOn: string | null; marks: Partial<Marks> }>();
  let style: { name: string; basedOn: string | null; marks: Partial<Marks> } | null = null;
  const parser = new SaxesParser();
  parser.on("opentag", (tag) => {
    const attributes = tag.attributes as Record<string, string>;
    if (tag.name === "w:style") {
      const id = attributes["w:styleId"] ?? "";
      style = attributes["w:type"] === "character" ? { name: id, basedOn: null, marks: {} } : null;
      if (style !== null) own.set(id, style);
    } else if (style !== null && tag.name === "w:name") style.name = attributes["w:val"] ?? style.name;
    else if (style !== null && tag.name === "w:basedOn") style.basedOn = attributes["w:val"] ?? null;
    else if (style !== null && MARK_OF[tag.name] !== undefined) style.marks[MARK_OF[tag.name]!] = on(attributes);
  });
  parser.on("closetag", (tag) => {
    if (tag.name === "w:style") style = null;
  });
  if (xml !== undefined) parser.write(strFromU8(xml)).close();
  const resolved = (id: string, seen: Set<string>): Marks => {
    const found = own.get(id);
    if (found === undefined || seen.has(id)) return NO_MARKS;
    seen.add(id);
    return { ...(found.basedOn === null ? NO_MARKS : resolved(found.basedOn, seen)), ...found.marks };
  };
  return new Map([...own].map(([id, { name }]) => [id, { name, marks: resolved(id, new Set()) }]));
}

export function readDocx(bytes: Uint8Array): DocxDocument {
  const files = unzipSync(bytes);
  for (const [name, content] of Object.entries(files)) if (/\.(xml|rels)$/.test(name)) checkWellFormed(name, content);
  const styles = characterStyles(files["word/styles.xml"]);
  const xml = files["word/document.xml"];
  if (xml === undefined) throw new Error(`no word/document.xml in the file: ${Object.keys(files).join(", ")}`);
  const paragraphs: DocxParagraph[] = [];
  const tables: DocxRow[][] = [];
  let page: DocxDocument["page"] | null = null;
  let table: DocxRow[] | null = null;
  let row: { header: boolean; cells: DocxParagraph[][] } | null = null;
  let cell: DocxParagraph[] | null = null;
  let runs: DocxRun[] | null = null;
  let run: { -readonly [K in keyof DocxRun]: DocxRun[K] } | null = null;
  let inText = false;
  const parser = new SaxesParser();
  parser.on("error", (e) => {
    throw e;
  });
  parser.on("opentag", (tag) => {
    const attributes = tag.attributes as Record<string, string>;
    switch (tag.name) {
      case "w:tbl":
        table = [];
        break;
      case "w:tr":
        row = { header: false, cells: [] };
        break;
      case "w:tblHeader":
        if (row !== null) row.header = on(attributes);
        break;
      case "w:tc":
        cell = [];
        break;
      case "w:p":
        runs = [];
        break;
      case "w:r":
        run = { text: "", style: null, ...NO_MARKS };
        break;
      // First in a run's properties: the run's own marks, after it, stand over its style's.
      case "w:rStyle": {
        const id = attributes["w:val"] ?? "";
        const style = styles.get(id);
        if (style === undefined) throw new Error(`a run names the character style "${id}", which word/styles.xml does not define`);
        if (run !== null) Object.assign(run, style.marks, { style: style.name });
        break;
      }
      case "w:u":
      case "w:strike":
      case "w:b":
      case "w:i":
        if (run !== null) run[MARK_OF[tag.name]!] = on(attributes);
        break;
      case "w:br":
        if (run !== null) run.text += "\n";
        break;
      case "w:t":
        inText = true;
        break;
      case "w:pgSz":
        page = { width: Number(attributes["w:w"]), height: Number(attributes["w:h"]), orientation: attributes["w:orient"] ?? null };
        break;
    }
  });
  parser.on("text", (text) => {
    if (inText && run !== null) run.text += text;
  });
  parser.on("closetag", (tag) => {
    switch (tag.name) {
      case "w:t":
        inText = false;
        break;
      case "w:r":
        if (run !== null && runs !== null) runs.push(run);
        run = null;
        break;
      case "w:p": {
        const made = { runs: runs ?? [], text: (runs ?? []).map((r) => r.text).join("") };
        if (cell !== null) cell.push(made);
        else paragraphs.push(made);
        runs = null;
        break;
      }
      case "w:tc":
        if (cell !== null && row !== null) row.cells.push(cell);
        cell = null;
        break;
      case "w:tr":
        if (row !== null && table !== null) table.push(row);
        row = null;
        break;
      case "w:tbl":
        if (table !== null) tables.push(table);
        table = null;
        break;
    }
  });
  parser.write(strFromU8(xml)).close();
  if (page === null) throw new Error("the document has no page size");
  return { page, paragraphs, tables };
}

/** The words of a cell: its paragraphs' texts, one a line. */
export function cellText(cell: readonly DocxParagraph[]): string {
  return cell.map((p) => p.text).join("\n");
}
