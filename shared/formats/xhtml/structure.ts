/*
 * The enacting terms (<div id="enc_1">): headed groups (chapters, sections...) and articles.
 * A group is a <div> that opens with its number line and heading line; an article is an ELI
 * subdivision art_N that opens with "Article N" and its heading. The kind of a group comes from
 * its number line's first word or, failing that, its depth; never from the layout's wording.
 */
import type { Node } from "prosemirror-model";
import { provision } from "../../model/build";
import { groupTypeOf } from "../groups";
import { elements, type XmlElement, type XmlNode } from "../xml";
import { blocksOf, divisionContent } from "./divisions";
import { lineOf } from "./inline";
import { itemsOf } from "./layout";
import type { Reading } from "./reading";
import { classesOf, eliKind, hasRole, type Role } from "./vocabulary";

/** ELI kinds of the subdivisions that group articles: part, title, chapter, section. */
const GROUP_KINDS: ReadonlySet<string> = new Set(["prt", "tis", "cpt", "sct"]);

/** True when one of the element's own lines has the role: an article holds its "Article 5" line. */
function holdsLine(element: XmlElement, role: Role): boolean {
  return elements(element).some((c) => c.name === "p" && hasRole(c, role));
}

function isArticle(element: XmlElement): boolean {
  return element.name === "div" && (eliKind(element) === "art" || holdsLine(element, "articleNum"));
}

function isGroup(element: XmlElement): boolean {
  return element.name === "div" && (holdsLine(element, "groupNum") || GROUP_KINDS.has(eliKind(element) ?? ""));
}

/** A provision's number and heading lines, taken off the front of its content. */
interface Headed {
  num: string | null;
  heading: string | null;
  rest: XmlNode[];
}

function headed(element: XmlElement, numRole: Role, headingRole: Role, reading: Reading): Headed {
  const result: Headed = { num: null, heading: null, rest: [] };
  for (const node of element.children) {
    if (node.kind === "element" && result.num === null && result.heading === null && hasRole(node, numRole)) {
      result.num = lineOf(node, reading);
    } else if (
      node.kind === "element" &&
      result.heading === null &&
      (hasRole(node, headingRole) || classesOf(node).includes("eli-title"))
    ) {
      result.heading = lineOf(node, reading);
    } else {
      result.rest.push(node);
    }
  }
  return result;
}

function readArticle(element: XmlElement, reading: Reading): Node {
  const { num, heading, rest } = headed(element, "articleNum", "articleHeading", reading);
  if (num === null) reading.warn(element, `an article (<div id="${element.attrs.id ?? ""}">) without its number line`);
  return provision("article", { num, heading }, divisionContent(itemsOf(rest, reading)));
}

function readGroup(element: XmlElement, depth: number, reading: Reading): Node {
  const { num, heading, rest } = headed(element, "groupNum", "groupHeading", reading);
  return provision(groupTypeOf(num, depth), { num, heading }, groupContent(rest, depth + 1, reading));
}

/** Groups, articles and, for what is neither, its words as blocks, with a warning. */
function groupContent(nodes: readonly XmlNode[], depth: number, reading: Reading): Node[] {
  const out: Node[] = [];
  for (const node of nodes) {
    if (node.kind === "element" && isArticle(node)) out.push(readArticle(node, reading));
    else if (node.kind === "element" && isGroup(node)) out.push(readGroup(node, depth, reading));
    else {
      const blocks = blocksOf(itemsOf([node], reading));
      if (blocks.length > 0 && node.kind === "element") {
        reading.warn(
          node,
          `<${node.name}${node.attrs.class ? ` class="${node.attrs.class}"` : ""}> among the articles, neither article nor group; its words are kept where it stands`,
        );
      }
      out.push(...blocks);
    }
  }
  return out;
}

/**
 * The articles and groups of the enacting terms. The body holds no loose words, so words that
 * belong to neither join the provision before them (or, at the very start, an unnumbered article).
 */
export function readBody(element: XmlElement, reading: Reading): Node[] {
  const out: Node[] = [];
  const loose: Node[] = [];
  for (const node of groupContent(element.children, 0, reading)) {
    if (node.type.spec.group !== "block") {
      out.push(node);
      continue;
    }
    const before = out[out.length - 1];
    if (before) out[out.length - 1] = withBlocks(before, [node]);
    else loose.push(node);
  }
  if (loose.length > 0) out.unshift(provision("article", {}, loose));
  return out;
}

function withBlocks(node: Node, blocks: readonly Node[]): Node {
  const content: Node[] = [];
  node.forEach((child) => content.push(child));
  return node.type.create(node.attrs, [...content, ...blocks]);
}
