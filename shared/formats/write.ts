/*
 * Writing a document in any supported output: Akoma Ntoso, plain text, HTML, or the JSON
 * outline. The output is chosen by the file name's ending.
 */
import type { Node } from "prosemirror-model";
import { outline } from "../model/outline";
import { writeAkn } from "./akn/write-akn";
import { writeHtml } from "./html/write-html";
import { writeText } from "./text/write-text";

export const OUTPUTS = ["akn", "text", "html", "json"] as const;
export type OutputName = (typeof OUTPUTS)[number];

/** The output a file name asks for: .akn.xml or .xml, .txt, .html or .htm, .json; null for none. */
export function outputForFile(file: string): OutputName | null {
  const name = file.toLowerCase();
  if (name.endsWith(".xml")) return "akn";
  if (name.endsWith(".txt")) return "text";
  if (name.endsWith(".html") || name.endsWith(".htm")) return "html";
  if (name.endsWith(".json")) return "json";
  return null;
}

export function writeDocument(doc: Node, output: OutputName): string {
  switch (output) {
    case "akn":
      return writeAkn(doc);
    case "text":
      return writeText(doc);
    case "html":
      return writeHtml(doc);
    case "json":
      return JSON.stringify(outline(doc), null, 2) + "\n";
  }
}
