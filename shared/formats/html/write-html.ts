/*
 * The HTML writer: one self-contained page of the act, readable in any browser and fit to print
 * to PDF. Provisions keep their eIds as element ids, so a link to "#art_5__para_2" lands on it.
 */
import type { Mark, Node } from "prosemirror-model";
import { isProvisionType } from "../../model/schema";
import { titleOf } from "../../model/walk";
import { cellAttributes, escapeMarkup, htmlElement } from "../markup";

const STYLE = `
body { font-family: Georgia, "Times New Roman", serif; max-width: 48em; margin: 2em auto; padding: 0 1em; line-height: 1.45; color: #111; }
.notice { border: 2px solid #a15c00; background: #fff6e5; padding: .6em 1em; margin-bottom: 1.5em; font-family: system-ui, sans-serif; }
.preface p { text-align: center; font-weight: bold; }
h2, h3 { text-align: center; font-weight: normal; margin: 1.4em 0 .2em; }
h2 .heading, h3 .heading { display: block; font-weight: bold; }
.provision { margin: .3em 0; }
.point, .indent { margin-left: 2em; }
.num { margin-right: .5em; }
.provenance { border-bottom: 1px dotted #888; }
.footnotes { border-top: 1px solid #888; margin-top: 2em; font-size: .9em; }
table { border-collapse: collapse; margin: .5em 0; } td, th { border: 1px solid #999; padding: .2em .4em; vertical-align: top; }
@media print { body { max-width: none; margin: 0; } .notice { break-inside: avoid; } h2, h3 { break-after: avoid; } }
`;

const EMPHASIS_TAG: Record<string, string> = { italic: "em", bold: "strong", underline: "u", sup: "sup", sub: "sub" };

/** The document as a complete HTML page. */
export function writeHtml(doc: Node): string {
  const language = doc.attrs.language as string;
  const notice = doc.attrs.notice as string | null;
  let body =
    notice !== null ? htmlElement("div", { class: "notice", role: "note" }, `<strong>Notice.</strong> ${escapeMarkup(notice)}`) : "";
  doc.forEach((part) => {
    switch (part.type.name) {
      case "preface":
        body += htmlElement("header", { class: "preface" }, blocks(part));
        break;
      case "preamble":
      case "body":
      case "conclusions":
        body += htmlElement("section", { class: part.type.name }, contents(part));
        break;
      case "annex":
        body += provision(part);
        break;
      case "footnotes":
        body += htmlElement("section", { class: "footnotes" }, htmlElement("ol", {}, footnoteItems(part)));
        break;
    }
  });
  const title = escapeMarkup(titleOf(doc) || "Act");
  return `<!DOCTYPE html>\n<html lang="${escapeMarkup(language)}"><head><meta charset="utf-8"><title>${title}</title><style>${STYLE}</style></head><body>${body}</body></html>\n`;
}

function contents(container: Node): string {
  let out = "";
  container.forEach((child) => {
    if (isProvisionType(child.type.name)) out += provision(child);
    else if (child.type.name === "formula" || child.type.name === "signature")
      out += htmlElement("div", { class: child.type.name }, blocks(child));
    else out += block(child);
  });
  return out;
}

function provision(node: Node): string {
  const type = node.type.name;
  const num = node.attrs.num as string | null;
  const heading = node.attrs.heading as string | null;
  const headed = type === "article" || type === "annex" || ["part", "title", "chapter", "section", "subsection"].includes(type);
  let head = "";
  if (headed && (num !== null || heading !== null)) {
    const tag = type === "article" ? "h3" : "h2";
    head = htmlElement(
      tag,
      {},
      (num !== null ? escapeMarkup(num) : "") + (heading !== null ? htmlElement("span", { class: "heading" }, escapeMarkup(heading)) : ""),
    );
  }
  let inner = head;
  let pendingNum = !headed && num !== null ? htmlElement("span", { class: "num" }, escapeMarkup(num)) : "";
  node.forEach((child) => {
    if (isProvisionType(child.type.name)) {
      inner += provision(child);
      return;
    }
    inner += block(child, pendingNum);
    pendingNum = "";
  });
  if (pendingNum) inner += htmlElement("p", {}, pendingNum);
  const tag = headed ? "section" : "div";
  return htmlElement(tag, { class: `provision ${type}`, id: node.attrs.eId as string }, inner);
}

function blocks(container: Node): string {
  let out = "";
  container.forEach((b) => {
    out += block(b);
  });
  return out;
}

function block(node: Node, prefix = ""): string {
  if (node.type.name === "table") {
    let rows = "";
    node.forEach((row) => {
      let cells = "";
      row.forEach((cell) => {
        const header = cell.attrs.header as boolean;
        cells += htmlElement(header ? "th" : "td", cellAttributes(cell), blocks(cell));
      });
      rows += htmlElement("tr", {}, cells);
    });
    return prefix + htmlElement("table", {}, rows);
  }
  return htmlElement("p", {}, prefix + inline(node));
}

function inline(textblock: Node): string {
  let out = "";
  textblock.forEach((n) => {
    if (n.type.name === "footnote_ref") {
      const id = escapeMarkup(n.attrs.id as string);
      out += `<sup class="footnote-ref"><a href="#fn-${id}">${escapeMarkup(n.attrs.marker as string)}</a></sup>`;
    } else out += marked(escapeMarkup(n.text ?? ""), n.marks);
  });
  return out;
}

function marked(text: string, marks: readonly Mark[]): string {
  return marks.reduceRight((inner, mark) => {
    if (mark.type.name === "provenance") {
      const source = mark.attrs.source as string;
      return htmlElement("span", { class: "provenance", "data-source": source, title: `Source: ${source}` }, inner);
    }
    const kind = mark.attrs.kind as string;
    const tag = EMPHASIS_TAG[kind];
    return tag ? htmlElement(tag, {}, inner) : htmlElement("span", { class: `emphasis-${kind}` }, inner);
  }, text);
}

function footnoteItems(footnotes: Node): string {
  let out = "";
  footnotes.forEach((note) => {
    const marker = escapeMarkup(note.attrs.marker as string);
    out += htmlElement("li", { id: `fn-${note.attrs.id as string}`, value: /^\d+$/.test(marker) ? marker : null }, blocks(note));
  });
  return out;
}
