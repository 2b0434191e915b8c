/*
 * The enacting terms of a Formex act: headed groups (DIVISION, whose kind comes from its number
 * or its depth), articles (ARTICLE with TI.ART and STI.ART) and, through the divisions reader,
 * everything inside an article.
 */
import type { Node } from "prosemirror-model";
import { provision } from "../../model/build";
import { groupTypeOf } from "../groups";
import { child, type XmlElement, type XmlNode } from "../xml";
import { contentAround, contentOf, titleOf } from "./divisions";
import { fitTo } from "../fit";
import { lineOf } from "./inline";
import type { Reading } from "./reading";

export function readEnactingTerms(terms: XmlElement, reading: Reading): Node[] {
  const out: Node[] = [];
  for (const node of terms.children) {
    if (node.kind === "element" && node.name === "DIVISION") out.push(division(node, reading, 0));
    else if (node.kind === "element" && node.name === "ARTICLE") out.push(article(node, reading));
    else out.push(...outsideArticles(node, terms, reading));
  }
  return out;
}

/**
 * Words standing in the enacting terms outside any article or group. The body holds only groups
 * and articles, so they are kept in a group of their own, without a number, and a warning says so.
 */
function outsideArticles(node: XmlNode, terms: XmlElement, reading: Reading): Node[] {
  const content = contentOf([node], reading);
  if (content.length === 0) return [];
  const what = node.kind === "element" ? `<${node.name}>` : "text";
  reading.warn(node.kind === "element" ? node : terms, `${what} outside any article kept in a group without a number`);
  return [provision(groupTypeOf(null, 0), {}, content)];
}

function division(element: XmlElement, reading: Reading, depth: number): Node {
  const title = child(element, "TITLE");
  if (!title) reading.fail(element, "<DIVISION> without <TITLE>");
  const { num, heading } = titleOf(title, reading);
  const content = contentAround(
    element.children.filter((c) => c !== title),
    reading,
    depth + 1,
    (inner) => {
      if (inner.name === "DIVISION") return [division(inner, reading, depth + 1)];
      if (inner.name === "ARTICLE") return [article(inner, reading)];
      return null;
    },
  );
  return provision(groupTypeOf(num, depth), { num, heading }, content);
}

function article(element: XmlElement, reading: Reading): Node {
  const ti = child(element, "TI.ART");
  if (!ti) reading.fail(element, "<ARTICLE> without <TI.ART>");
  const sti = child(element, "STI.ART");
  const content = contentOf(
    element.children.filter((c) => c !== ti && c !== sti),
    reading,
  );
  return provision("article", { num: lineOf(ti, reading), heading: lineOf(sti, reading) }, fitTo(content, "divisions"));
}
