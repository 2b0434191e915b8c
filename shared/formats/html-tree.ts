/*
 * An HTML page into the element tree XML is read into (xml.ts), parsed as a browser parses it
 * (parse5 follows the HTML standard's algorithm): for EUR-Lex pages saved from a browser, which
 * writes them back as HTML, with "<meta …>" left open and "&nbsp;", not as the XHTML EUR-Lex
 * sent. Elements nested deeper than any act's are refused as they are opened, before the
 * parser's walks over its open elements slow down on them; and a page that makes the parser
 * build far more elements than it has tags is refused as it does: formatting left open
 * ("<b>") is opened again at every paragraph that follows, and 36 KB of it made 787 MB of tree.
 */
import { parse, defaultTreeAdapter, type DefaultTreeAdapterMap, type TreeAdapter } from "parse5";
import { FormatError } from "./errors";
import { MAX_XML_DEPTH, type XmlElement, type XmlNode } from "./xml";

/** Elements a page may have beyond its tags: those the parser adds where they are left out (<html>, <head>, <body>, a table's <tbody>). */
const IMPLIED_ELEMENTS = 1000;

type Parse5Element = DefaultTreeAdapterMap["element"];
type Parse5Node = DefaultTreeAdapterMap["node"];

/** Parses an HTML page into its `<html>` element. `file` names the input in error messages. */
export function parseHtml(text: string, file?: string): XmlElement {
  const where = (line?: number, column?: number) => ({ ...(file ? { file } : {}), ...(line ? { line, column } : {}) });
  let open = 0;
  // The elements a page may make: one per tag, and the few the parser adds (<html>, <tbody>...).
  let allowed = IMPLIED_ELEMENTS;
  for (let at = text.indexOf("<"); at >= 0; at = text.indexOf("<", at + 1)) allowed++;
  const treeAdapter: TreeAdapter<DefaultTreeAdapterMap> = {
    ...defaultTreeAdapter,
    createElement: (tagName, namespaceURI, attrs) => {
      if (--allowed < 0)
        throw new FormatError(
          "malformed",
          "the page makes the parser build far more elements than it has tags (formatting left open and opened again at every paragraph): it is no page of an act",
          where(),
        );
      return defaultTreeAdapter.createElement(tagName, namespaceURI, attrs);
    },
    onItemPush: (element) => {
      if (++open > MAX_XML_DEPTH) {
        const at = element.sourceCodeLocation?.startTag;
        throw new FormatError(
          "structure",
          `elements are nested more than ${MAX_XML_DEPTH} deep, deeper than any act's structure goes`,
          where(at?.startLine, at?.startCol),
        );
      }
    },
    onItemPop: () => {
      open--;
    },
  };
  const document = parse(text, { sourceCodeLocationInfo: true, treeAdapter });
  const html = document.childNodes.find((n): n is Parse5Element => "tagName" in n && n.tagName === "html");
  // The parser always makes an <html>, whether the page has one or not.
  if (html === undefined) throw new FormatError("structure", "the page has no <html> element", where());
  if (html.sourceCodeLocation?.endTag === undefined && html.sourceCodeLocation?.startTag !== undefined)
    throw new FormatError("malformed", "the page ends before its </html>: it may have been cut short", where());
  return elementOf(html);
}

function elementOf(element: Parse5Element): XmlElement {
  const attrs: Record<string, string> = {};
  for (const attr of element.attrs) attrs[attr.prefix ? `${attr.prefix}:${attr.name}` : attr.name] = attr.value;
  // A template's content stands apart from its children; a page of an act has none.
  const children: XmlNode[] = [];
  for (const node of element.childNodes) {
    const converted = nodeOf(node);
    if (converted === null) continue;
    const last = children[children.length - 1];
    if (converted.kind === "text" && last?.kind === "text")
      children[children.length - 1] = { kind: "text", text: last.text + converted.text };
    else children.push(converted);
  }
  // Read, the parser's nodes are let go of as the walk goes, not all at its end.
  element.childNodes.length = 0;
  const at = element.sourceCodeLocation?.startTag ?? element.sourceCodeLocation;
  return {
    kind: "element",
    name: element.tagName,
    uri: element.namespaceURI,
    attrs,
    children,
    line: at?.startLine ?? 0,
    column: at?.startCol ?? 0,
  };
}

function nodeOf(node: Parse5Node): XmlNode | null {
  if ("tagName" in node) return elementOf(node);
  if (node.nodeName === "#text" && "value" in node) {
    // The parser builds a text by adding to it; reading a character makes it one string in place,
    // where the pieces kept took twice the memory of the whole tree.
    node.value.charCodeAt(0);
    return { kind: "text", text: node.value };
  }
  return null;
}
