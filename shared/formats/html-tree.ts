/*
 * An HTML page into the element tree XML is read into (xml.ts), parsed as a browser parses it
 * (parse5 follows the HTML standard's algorithm): for EUR-Lex pages saved from a browser, which
 * writes them back as HTML, with "<meta …>" left open and "&nbsp;", not as the XHTML EUR-Lex
 * sent. The parser builds the tree through a tree adapter of our own, straight into that shape:
 * its own nodes, with the full position of every tag and text, took three times the memory.
 *
 * Elements nested deeper than any act's are refused as they are opened, before the parser's
 * walks over its open elements slow down on them; and a page that makes the parser build far
 * more elements than it has tags is refused as it does: formatting left open ("<b>") is opened
 * again at every paragraph that follows, and 36 KB of it made 787 MB of tree.
 */
import { html, parse, type TreeAdapter, type TreeAdapterTypeMap, type Token } from "parse5";
import { FormatError } from "./errors";
import { attributeRecord, MAX_XML_DEPTH, type XmlElement } from "./xml";

/** Elements a page may have beyond its tags: those the parser adds where they are left out (<html>, <head>, <body>, a table's <tbody>). */
const IMPLIED_ELEMENTS = 1000;

/** An element as the parser builds it: an XmlElement still open to change. */
interface PageElement {
  readonly kind: "element";
  readonly name: string;
  readonly uri: string;
  readonly attrs: Record<string, string>;
  readonly children: PageChild[];
  line: number;
  column: number;
}
interface PageText {
  readonly kind: "text";
  text: string;
}
/** Comments and the doctype are made for the parser, and kept nowhere. */
interface PageComment {
  readonly kind: "comment";
  readonly data: string;
}
interface PageDoctype {
  readonly kind: "doctype";
}
interface PageDocument {
  readonly kind: "document";
  readonly children: PageChild[];
  mode: html.DOCUMENT_MODE;
}
/** A template's content, which stands apart from the page's tree. */
interface PageFragment {
  readonly kind: "fragment";
  readonly children: PageChild[];
}
type PageChild = PageElement | PageText;
type PageParent = PageElement | PageDocument | PageFragment;
type PageNode = PageParent | PageText | PageComment | PageDoctype;

type PageTypes = TreeAdapterTypeMap<
  PageNode,
  PageParent,
  PageChild | PageComment | PageDoctype,
  PageDocument,
  PageFragment,
  PageElement,
  PageComment,
  PageText,
  PageElement,
  PageDoctype
>;

/** What the parser asks of an element's position: whether it had an end tag, for the page's <html>. */
const WITHOUT_END_TAG = {} as Token.ElementLocation;
const WITH_END_TAG = { endTag: {} } as Token.ElementLocation;

/** Parses an HTML page into its `<html>` element. `file` names the input in error messages. */
export function parseHtml(text: string, file?: string): XmlElement {
  const where = (line?: number, column?: number) => ({ ...(file ? { file } : {}), ...(line ? { line, column } : {}) });
  // The elements a page may make: one per tag, and the few the parser adds (<html>, <tbody>...).
  let allowed = IMPLIED_ELEMENTS;
  for (let at = text.indexOf("<"); at >= 0; at = text.indexOf("<", at + 1)) allowed++;
  let open = 0;
  const parents = new Map<PageNode, PageParent>();
  const templates = new Map<PageElement, PageFragment>();
  /** Elements whose start tag is in the page, and those of them whose end tag is too. */
  const located = new Set<PageElement>();
  const closed = new Set<PageElement>();

  /**
   * Where a node stands among its parent's children, looked for from the end: the parser moves
   * and inserts at the end of a list (foster parenting before a table, adopting children from the
   * last), and a search from the front made pages of long lists quadratic (200,000 lines: 20 s).
   */
  const indexIn = (children: readonly PageChild[], node: PageNode): number =>
    children[children.length - 1] === node ? children.length - 1 : children.lastIndexOf(node as PageChild);
  const append = (parent: PageParent, node: PageChild | PageComment | PageDoctype): void => {
    if (node.kind === "comment" || node.kind === "doctype") return;
    parent.children.push(node);
    parents.set(node, parent);
  };
  const insertBefore = (parent: PageParent, node: PageChild | PageComment | PageDoctype, reference: PageNode): void => {
    if (node.kind === "comment" || node.kind === "doctype") return;
    const at = indexIn(parent.children, reference);
    parent.children.splice(at < 0 ? parent.children.length : at, 0, node);
    parents.set(node, parent);
  };
  const treeAdapter: TreeAdapter<PageTypes> = {
    createDocument: () => ({ kind: "document", children: [], mode: html.DOCUMENT_MODE.NO_QUIRKS }),
    createDocumentFragment: () => ({ kind: "fragment", children: [] }),
    createElement: (tagName, namespaceURI, attrs) => {
      if (--allowed < 0)
        throw new FormatError(
          "malformed",
          "the page makes the parser build far more elements than it has tags (formatting left open and opened again at every paragraph): it is no page of an act",
          where(),
        );
      const record = attributeRecord();
      for (const attr of attrs) record[attr.prefix ? `${attr.prefix}:${attr.name}` : attr.name] = attr.value;
      return { kind: "element", name: tagName, uri: namespaceURI, attrs: record, children: [], line: 0, column: 0 };
    },
    createCommentNode: (data) => ({ kind: "comment", data }),
    createTextNode: (value) => ({ kind: "text", text: value }),
    appendChild: append,
    insertBefore,
    setTemplateContent: (template, content) => void templates.set(template, content),
    getTemplateContent: (template) => {
      let content = templates.get(template);
      if (content === undefined) templates.set(template, (content = { kind: "fragment", children: [] }));
      return content;
    },
    setDocumentType: () => undefined,
    setDocumentMode: (document, mode) => {
      document.mode = mode;
    },
    getDocumentMode: (document) => document.mode,
    detachNode: (node) => {
      const parent = parents.get(node);
      if (parent === undefined) return;
      const at = indexIn(parent.children, node);
      if (at >= 0) parent.children.splice(at, 1);
      parents.delete(node);
    },
    insertText: (parent, value) => {
      const last = parent.children[parent.children.length - 1];
      if (last?.kind === "text") last.text += value;
      else append(parent, { kind: "text", text: value });
    },
    insertTextBefore: (parent, value, reference) => {
      const at = indexIn(parent.children, reference);
      const before = at > 0 ? parent.children[at - 1] : undefined;
      if (before?.kind === "text") before.text += value;
      else insertBefore(parent, { kind: "text", text: value }, reference);
    },
    adoptAttributes: (recipient, attrs) => {
      for (const attr of attrs) {
        const name = attr.prefix ? `${attr.prefix}:${attr.name}` : attr.name;
        if (!Object.hasOwn(recipient.attrs, name)) recipient.attrs[name] = attr.value;
      }
    },
    getFirstChild: (node) => node.children[0] ?? null,
    getChildNodes: (node) => node.children,
    getParentNode: (node) => parents.get(node) ?? null,
    getAttrList: (element) => Object.entries(element.attrs).map(([name, value]) => ({ name, value })),
    getTagName: (element) => element.name,
    getNamespaceURI: (element) => element.uri as html.NS,
    getTextNodeContent: (node) => node.text,
    getCommentNodeContent: (node) => node.data,
    getDocumentTypeNodeName: () => "",
    getDocumentTypeNodePublicId: () => "",
    getDocumentTypeNodeSystemId: () => "",
    isTextNode: (node): node is PageText => node.kind === "text",
    isCommentNode: (node): node is PageComment => node.kind === "comment",
    isDocumentTypeNode: (node): node is PageDoctype => node.kind === "doctype",
    isElementNode: (node): node is PageElement => node.kind === "element",
    // Of a position, an element keeps where its start tag is, and whether it has an end tag.
    setNodeSourceCodeLocation: (node, location) => {
      if (node.kind !== "element" || location === null) return;
      node.line = location.startLine;
      node.column = location.startCol;
      located.add(node);
    },
    getNodeSourceCodeLocation: (node) =>
      node.kind !== "element" || !located.has(node) ? null : closed.has(node) ? WITH_END_TAG : WITHOUT_END_TAG,
    updateNodeSourceCodeLocation: (node, location) => {
      if (node.kind === "element" && location.endTag !== undefined) closed.add(node);
    },
    onItemPush: (element) => {
      if (++open > MAX_XML_DEPTH)
        throw new FormatError(
          "structure",
          `elements are nested more than ${MAX_XML_DEPTH} deep, deeper than any act's structure goes`,
          where(element.line, element.column),
        );
    },
    onItemPop: () => {
      open--;
    },
  };
  const document = parse(text, { sourceCodeLocationInfo: true, treeAdapter });
  const root = document.children.find((n): n is PageElement => n.kind === "element" && n.name === "html");
  // The parser always makes an <html>, whether the page has one or not.
  if (root === undefined) throw new FormatError("structure", "the page has no <html> element", where());
  if (located.has(root) && !closed.has(root))
    throw new FormatError("malformed", "the page ends before its </html>: it may have been cut short", where());
  return withWholeTexts(root);
}

/**
 * The tree with each text one string: the parser builds a text by adding to it, and the pieces
 * kept took twice the memory of the whole tree. Reading a character joins them in place.
 */
function withWholeTexts(root: PageElement): XmlElement {
  const stack: PageElement[] = [root];
  for (let element = stack.pop(); element !== undefined; element = stack.pop()) {
    for (const child of element.children) {
      if (child.kind === "text") child.text.charCodeAt(0);
      else stack.push(child);
    }
  }
  return root;
}
