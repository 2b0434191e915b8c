/*
 * How EUR-Lex XHTML lays out the inside of a provision, read into a flat list of items: lines of
 * text, numbered paragraphs (the OJ's <div id="006.001">, the consolidated <div class="norm"> with
 * its no-parag number), numbered items (one-row tables, grid lists) and real tables. Which item
 * becomes which provision is decided afterwards, in divisions.ts.
 */
import type { Node } from "prosemirror-model";
import { elements, type XmlElement, type XmlNode } from "../xml";
import { blocksOf } from "./divisions";
import { foldedText, inlineOf, isBlank, leadingNumber, type Inline } from "./inline";
import type { Reading } from "./reading";
import { dataTable, isListTable, rowsOf } from "./tables";
import { hasRole, isInline, isWordless, type Role } from "./vocabulary";

export type Item =
  | { readonly kind: "text"; readonly inline: readonly Inline[] }
  | { readonly kind: "block"; readonly node: Node }
  | { readonly kind: "paragraph"; readonly num: string | null; readonly items: readonly Item[] }
  | { readonly kind: "point"; readonly num: string; readonly items: readonly Item[] };

/** The OJ's ids of numbered paragraphs: article and paragraph, "006.001", "012a.002". */
const PARAGRAPH_ID = /^\d+[a-z]*\.\d+[a-z]*$/i;

/** Lines whose class says they head something; met inside a provision, they are out of place. */
const HEADING_ROLES: readonly Role[] = ["actTitle", "groupNum", "groupHeading", "articleNum", "articleHeading", "annexHeading"];

/** The items of some nodes, in reading order. Text and inline elements between blocks are a line of their own. */
export function itemsOf(nodes: readonly XmlNode[], reading: Reading): Item[] {
  const items: Item[] = [];
  let line: XmlNode[] = [];
  const endLine = () => {
    if (line.length === 0) return;
    const inline = inlineOf(line, reading);
    if (!isBlank(inline)) items.push({ kind: "text", inline });
    line = [];
  };
  for (const node of nodes) {
    if (isInline(node)) {
      line.push(node);
      continue;
    }
    endLine();
    items.push(...itemsOfBlock(node as XmlElement, reading));
  }
  endLine();
  return items;
}

function itemsOfBlock(element: XmlElement, reading: Reading): Item[] {
  if (isWordless(element)) return [];
  reading.checkClasses(element);
  switch (element.name) {
    case "p": {
      if (HEADING_ROLES.some((role) => hasRole(element, role))) {
        reading.warn(element, `<p class="${element.attrs.class}"> inside a provision, out of its place; kept as a line of text`);
      }
      const inline = inlineOf(element.children, reading);
      return isBlank(inline) ? [] : [{ kind: "text", inline }];
    }
    case "div":
      return itemsOfDiv(element, reading);
    case "table":
      return itemsOfTable(element, reading);
    default:
      reading.warn(element, `<${element.name}> is not part of EUR-Lex XHTML as this reader knows it; its words are kept`);
      return itemsOf(element.children, reading);
  }
}

function itemsOfDiv(div: XmlElement, reading: Reading): Item[] {
  if (PARAGRAPH_ID.test(div.attrs.id ?? "")) return [numberedParagraph(div, reading)];
  const children = elements(div);
  const paragraphNum = children.find((c) => hasRole(c, "paragraphNum"));
  if (paragraphNum) {
    const num = foldedText(inlineOf(paragraphNum.children, reading));
    return [
      {
        kind: "paragraph",
        num: num || null,
        items: itemsOf(
          div.children.filter((c) => c !== paragraphNum),
          reading,
        ),
      },
    ];
  }
  if (hasRole(div, "listItem")) {
    const numCell = children.find((c) => hasRole(c, "listItemNum"));
    if (numCell) {
      const num = foldedText(inlineOf(numCell.children, reading));
      return [
        {
          kind: "point",
          num,
          items: itemsOf(
            div.children.filter((c) => c !== numCell),
            reading,
          ),
        },
      ];
    }
    reading.warn(div, "a list item without its number's column; its words are kept as text");
  }
  // A wrapper (eli-subdivision, norm, inline-element, oj-final...): its content is what counts.
  return itemsOf(div.children, reading);
}

/** The OJ's numbered paragraph: its number is printed at the start of its first line. */
function numberedParagraph(div: XmlElement, reading: Reading): Item {
  const items = itemsOf(div.children, reading);
  const first = items[0];
  const numbered = first?.kind === "text" ? leadingNumber(first.inline) : null;
  if (!numbered) {
    reading.warn(div, `numbered paragraph <div id="${div.attrs.id}"> whose text does not start with its number; read as unnumbered`);
    return { kind: "paragraph", num: null, items };
  }
  const words: Item[] = isBlank(numbered.rest) ? [] : [{ kind: "text", inline: numbered.rest }];
  return { kind: "paragraph", num: numbered.num, items: [...words, ...items.slice(1)] };
}

function itemsOfTable(tableElement: XmlElement, reading: Reading): Item[] {
  if (isListTable(tableElement)) {
    return rowsOf(tableElement).map(([numCell, textCell]) => ({
      kind: "point" as const,
      num: foldedText(inlineOf((numCell as XmlElement).children, reading)),
      items: itemsOf((textCell as XmlElement).children, reading),
    }));
  }
  const node = dataTable(tableElement, (cell) => blocksOf(itemsOf(cell.children, reading)));
  return node ? [{ kind: "block", node }] : [];
}
