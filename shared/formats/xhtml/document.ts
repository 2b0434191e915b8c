/*
 * The EUR-Lex XHTML reader: a whole rendering into an act. What CONVEX prints before the act's
 * <div class="eli-container"> (the OJ page header; a consolidated text's reference, disclaimer
 * and list of amending acts) is not words of the act and is left out; the rest is read by parts.
 */
import type { Node } from "prosemirror-model";
import { act, formula, p } from "../../model/build";
import { FormatError } from "../errors";
import type { ReadResult } from "../reader";
import { parseHtml } from "../html-tree";
import { child, parseXml, type XmlElement, type XmlNode } from "../xml";
import { readAnnex } from "./annex";
import { readConclusions } from "./conclusions";
import { blocksOf } from "./divisions";
import { FootnoteList, NoteIndex } from "./footnotes";
import { identityOf } from "./identity";
import { inlineOf, isBlank, runOf } from "./inline";
import { itemsOf } from "./layout";
import { readPreamble } from "./preamble";
import { Reading } from "./reading";
import { readBody } from "./structure";
import { classesOf, eliKind, hasRole, isContainer, isWordless } from "./vocabulary";

/** The parts of the act, filled in reading order. */
class ActReader {
  readonly preface: Node[] = [];
  readonly preamble: Node[] = [];
  readonly body: Node[] = [];
  readonly conclusions: Node[] = [];
  readonly annexes: Node[] = [];
  readonly footnotes = new FootnoteList();

  constructor(private readonly reading: Reading) {}

  read(node: XmlNode): void {
    if (node.kind === "text") {
      this.keepStray(node, null);
      return;
    }
    if (isWordless(node)) return;
    const kind = eliKind(node);
    if (kind === "anx") this.annexes.push(readAnnex(node, this.reading));
    else if (isContainer(node)) {
      for (const c of node.children) this.read(c);
      // The markers of a consolidated text say where its passages come from; past the act they say nothing.
      this.reading.provenance.reset();
    } else if (classesOf(node).includes("eli-main-title")) {
      for (const c of node.children) this.readTitleLine(c);
    } else if (node.name === "p" && hasRole(node, "actTitle")) this.readTitleLine(node);
    else if (kind === "pbl") this.preamble.push(...readPreamble(node, this.reading));
    else if (kind === "enc") this.body.push(...readBody(node, this.reading));
    else if (kind === "fnp") this.conclusions.push(...readConclusions(node, this.reading));
    else if (node.name === "p" && hasRole(node, "note")) this.footnotes.read(node, this.reading);
    else this.keepStray(node, node);
  }

  /** One line of the act's title, as printed, is one paragraph of the preface. */
  private readTitleLine(node: XmlNode): void {
    if (node.kind === "element" && node.name === "p") {
      const segments = inlineOf(node.children, this.reading);
      if (!isBlank(segments)) this.preface.push(p(runOf(segments)));
    } else {
      this.keepStray(node, node.kind === "element" ? node : null);
    }
  }

  /** Words outside every part the reader knows: kept in the part being read, with a warning. */
  private keepStray(node: XmlNode, element: XmlElement | null): void {
    const blocks = blocksOf(itemsOf([node], this.reading));
    if (blocks.length === 0) return;
    const part = this.body.length > 0 ? "conclusions" : this.preamble.length > 0 ? "preamble" : "preface";
    if (element) {
      const described = element.attrs.class ? `<${element.name} class="${element.attrs.class}">` : `<${element.name}>`;
      this.reading.warn(element, `${described} belongs to no part of the act this reader knows; its words are kept in the ${part}`);
    }
    if (part === "conclusions") this.conclusions.push(...blocks);
    else if (part === "preamble") this.preamble.push(formula("formula", blocks));
    else this.preface.push(...blocks);
  }
}

/**
 * Reads the EUR-Lex XHTML rendering of an act (an OJ act or a consolidated text), as EUR-Lex
 * sends it, or as a browser saves it: a page that is not well-formed XML, and does not declare
 * itself XML, is read as HTML.
 */
export function readXhtml(text: string, file?: string): ReadResult {
  const { root, notXml } = rootElement(text, file);
  const where = (element: XmlElement) => ({ ...(file ? { file } : {}), line: element.line, column: element.column });
  if (root.name !== "html") {
    throw new FormatError("structure", `the root element is <${root.name}>, not <html>: not EUR-Lex XHTML`, where(root));
  }
  const body = child(root, "body");
  if (!body) throw new FormatError("structure", "<html> without <body>", where(root));
  const start = body.children.findIndex((c) => c.kind === "element" && isContainer(c));
  if (start < 0) {
    throw new FormatError(
      "structure",
      '<body> holds no <div class="eli-container">: not an act as EUR-Lex renders it (CONVEX XHTML with ELI subdivisions)',
      where(body),
    );
  }
  const reading = new Reading(file, NoteIndex.of(body));
  if (notXml !== null) {
    // Said once, where the XML went wrong: a page saved from a browser reads as it shows, a broken XHTML file may not.
    reading.warnings.add(`${notXml.reason}; read as an HTML page, as a browser reads it`, notXml.location);
  }
  const parts = new ActReader(reading);
  for (const node of body.children.slice(start)) parts.read(node);

  const titleLines = parts.preface.map((line) => line.textContent);
  const identity = identityOf(root, body.children.slice(0, start), titleLines);
  if (identity.language === null) {
    reading.warn(body, "the language of the act is not given (no lang, no OJ header, no reference line); taken as en");
  }
  const doc = act({
    attrs: { language: identity.language ?? "en", date: identity.date, work: identity.work },
    preface: parts.preface,
    preamble: parts.preamble,
    body: parts.body,
    conclusions: parts.conclusions,
    annexes: parts.annexes,
    footnotes: parts.footnotes.nodes(),
  });
  return { format: "xhtml", doc, warnings: reading.warnings.list() };
}

const XML_DECLARATION = /^\uFEFF?\s*<\?xml[\s?]/;

/**
 * The page's <html> element: parsed as XML, or as HTML when it is not XML and does not claim to
 * be, with what kept it from being XML.
 */
function rootElement(text: string, file?: string): { readonly root: XmlElement; readonly notXml: FormatError | null } {
  try {
    return { root: parseXml(text, file), notXml: null };
  } catch (e) {
    if (!(e instanceof FormatError && e.code === "malformed") || XML_DECLARATION.test(text)) throw e;
    return { root: parseHtml(text, file), notXml: e };
  }
}
