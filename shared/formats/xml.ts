/*
 * XML into a small element tree, safely: no DTD is loaded, a DOCTYPE that declares entities is
 * refused before anything is expanded, elements nested deeper than any act's are refused before
 * the parser slows down on them, and every error names its line and column.
 */
import { SaxesParser } from "saxes";
import { FormatError } from "./errors";

export interface XmlElement {
  readonly kind: "element";
  /** Local name, without prefix: "ARTICLE", "div", "akomaNtoso". */
  readonly name: string;
  /** Namespace URI, or "" for none. */
  readonly uri: string;
  /** Attributes by qualified name as written ("class", "xml:lang"). */
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: XmlNode[];
  readonly line: number;
  readonly column: number;
}

export interface XmlText {
  readonly kind: "text";
  readonly text: string;
}

export type XmlNode = XmlElement | XmlText;

export interface XmlOptions {
  /**
   * Processing instructions to keep in the tree as empty elements named by their target, with
   * their pseudo-attributes as attributes (consolidated Formex marks amended passages this way).
   * Every other processing instruction is passed over.
   */
  readonly instructionsAsElements?: ReadonlySet<string>;
}

/**
 * The deepest elements may nest. The acts of the corpus go 17 deep; a file nested thousands deep
 * is an attack, on which the parser's namespace lookup, which walks the open elements at every
 * tag, would spend minutes.
 */
export const MAX_XML_DEPTH = 256;

const PSEUDO_ATTRIBUTE = /([A-Za-z_][\w.:-]*)\s*=\s*"([^"]*)"/g;

/** Parses a whole XML document. `file` names the input in error messages. */
export function parseXml(text: string, file?: string, options: XmlOptions = {}): XmlElement {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  const at = () => ({ ...(file ? { file } : {}), line: parser.line, column: parser.column });

  /** Set once the whole text is written: an element still open then was cut short. */
  let ended = false;
  parser.on("error", (err) => {
    const message = err.message.replace(/^[^:]*:\d+:\d+: /, "").replace(/^\d+:\d+: /, "");
    const open = stack[stack.length - 1];
    if (ended && open !== undefined && /^unclosed tag/.test(message)) {
      throw new FormatError(
        "malformed",
        `not well-formed XML: the file ends inside <${open.name}> (opened at line ${open.line}); it may have been cut short`,
        at(),
      );
    }
    if (ended && /^unexpected end|^document must contain a root element/.test(message)) {
      // Where it ends: in a tag of the act, after its last element, or before its first is whole.
      const where =
        open !== undefined
          ? `inside a tag within <${open.name}>`
          : root !== null
            ? "after its last element, inside a comment or an instruction"
            : "before its first element is whole";
      throw new FormatError("malformed", `not well-formed XML: the file ends ${where}; it may have been cut short`, at());
    }
    if (/^undefined entity/.test(message)) {
      // Named, as a page saved from a browser has "&nbsp;", which XML does not know.
      const name = /&([\w.:-]+);$/.exec(text.slice(Math.max(0, parser.position - 80), parser.position))?.[1];
      if (name !== undefined)
        throw new FormatError(
          "malformed",
          `not well-formed XML: undefined entity &${name}; (XML knows only &amp; &lt; &gt; &quot; &apos; and numbered ones such as &#160;)`,
          at(),
        );
    }
    throw new FormatError("malformed", `not well-formed XML: ${message}`, at());
  });
  parser.on("doctype", (doctype) => {
    if (/<!ENTITY/i.test(doctype)) {
      throw new FormatError("forbidden-dtd", "the DOCTYPE declares entities; documents with entity declarations are refused", at());
    }
  });
  // The line a start tag begins on: one spread over lines ("<B\n x=…>") is named where its name
  // is, not where its ">" is. Saxes tells of the name once it has read the character after it: a
  // line's end, when it stands at the start of the next line.
  let tagLine = 1;
  let tagColumn: number | null = null;
  parser.on("opentagstart", () => {
    const afterLineEnd = parser.column === 0;
    tagLine = afterLineEnd ? parser.line - 1 : parser.line;
    tagColumn = afterLineEnd ? null : parser.column;
  });
  parser.on("opentag", (tag) => {
    if (stack.length >= MAX_XML_DEPTH) {
      throw new FormatError("structure", `elements are nested more than ${MAX_XML_DEPTH} deep, deeper than any act's structure goes`, at());
    }
    const attrs = attributeRecord();
    for (const [name, attr] of Object.entries(tag.attributes)) attrs[name] = attr.value;
    const element: XmlElement = {
      kind: "element",
      name: tag.local,
      uri: tag.uri,
      attrs,
      children: [],
      line: tagLine,
      column: tagColumn ?? parser.column,
    };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(element);
    else root = element;
    stack.push(element);
  });
  parser.on("closetag", () => {
    stack.pop();
  });
  parser.on("processinginstruction", ({ target, body }) => {
    const parent = stack[stack.length - 1];
    if (!parent || !target || !options.instructionsAsElements?.has(target)) return;
    const attrs = attributeRecord();
    for (const m of body.matchAll(PSEUDO_ATTRIBUTE)) attrs[m[1]!] = m[2]!;
    parent.children.push({ kind: "element", name: target, uri: "", attrs, children: [], line: parser.line, column: parser.column });
  });
  const addText = (data: string) => {
    const parent = stack[stack.length - 1];
    if (!parent) return;
    const last = parent.children[parent.children.length - 1];
    if (last && last.kind === "text") parent.children[parent.children.length - 1] = { kind: "text", text: last.text + data };
    else parent.children.push({ kind: "text", text: data });
  };
  parser.on("text", addText);
  parser.on("cdata", addText);

  parser.write(text);
  ended = true;
  parser.close();
  if (root === null) throw new FormatError("malformed", "not well-formed XML: no root element", at());
  return root;
}

/**
 * An empty record of attributes, without Object's prototype: an attribute named "__proto__" or
 * "constructor" is an attribute like any other.
 */
export function attributeRecord(): Record<string, string> {
  return Object.create(null) as Record<string, string>;
}

/** The element children of an element. */
export function elements(element: XmlElement): XmlElement[] {
  return element.children.filter((c): c is XmlElement => c.kind === "element");
}

/** The first child element with the given local name. */
export function child(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((c): c is XmlElement => c.kind === "element" && c.name === name);
}

/** All the text inside an element, in document order. */
export function textOf(node: XmlNode): string {
  if (node.kind === "text") return node.text;
  return node.children.map(textOf).join("");
}
