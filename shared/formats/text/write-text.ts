/*
 * The plain-text writer: the act as the plain-text reader reads it, one provision a line, so a
 * text written here reads back with the same provisions and words. Footnotes follow a line of
 * underscores as "[1] ..." and are referenced in the text as "[1]".
 */
import type { Node } from "prosemirror-model";
import { isProvisionType } from "../../model/schema";
import { blockText } from "../../model/walk";
import { NOTICE_LINE } from "./notice-line";

/** The document as plain text. */
export function writeText(doc: Node): string {
  const out: string[] = [];
  // A demonstration text says so wherever it is shown: on the first line here, which the reader takes back.
  const notice = doc.attrs.notice as string | null;
  if (notice !== null) out.push(`${NOTICE_LINE} ${notice}`, "");
  const blank = () => {
    if (out.length > 0 && out[out.length - 1] !== "") out.push("");
  };
  const lineOf = (block: Node): string => {
    if (block.type.name !== "p") return blockText(block);
    let line = "";
    block.forEach((n) => {
      line += n.type.name === "footnote_ref" ? `[${n.attrs.marker as string}]` : (n.text ?? "");
    });
    return line;
  };
  /** Writes a provision; `lead` is a number to put before its first line (a parent's "2." when its words are in subparagraphs). */
  const provisionLines = (node: Node, lead: string | null = null): void => {
    const type = node.type.name;
    const num = node.attrs.num as string | null;
    const heading = node.attrs.heading as string | null;
    const headed = type === "article" || type === "annex" || ["part", "title", "chapter", "section", "subsection"].includes(type);
    let pending = headed ? null : [lead, num].filter((n) => n !== null).join(" ") || null;
    if (headed) {
      blank();
      if (num !== null) out.push(num);
      if (heading !== null) out.push(heading);
    }
    let previous: Node | null = null;
    node.forEach((child) => {
      // A subparagraph after one that ends in points is set off by a blank line, else its words would close the list.
      const afterList =
        previous?.type.name === "subparagraph" && previous.lastChild !== null && isProvisionType(previous.lastChild.type.name);
      previous = child;
      if (isProvisionType(child.type.name)) {
        if (child.type.name === "subparagraph" && afterList) out.push("");
        provisionLines(child, pending);
        pending = null;
        return;
      }
      const text = lineOf(child);
      out.push(pending !== null ? `${pending} ${text}` : text);
      pending = null;
    });
    if (pending !== null) out.push(pending);
  };

  doc.forEach((part) => {
    switch (part.type.name) {
      case "preface":
        part.forEach((b) => out.push(lineOf(b)));
        break;
      case "preamble":
      case "body":
        blank();
        part.forEach((child) => {
          if (isProvisionType(child.type.name)) provisionLines(child);
          else child.forEach((b) => out.push(lineOf(b)));
        });
        break;
      case "conclusions":
        blank();
        part.forEach((child) => (child.type.name === "signature" ? child.forEach((b) => out.push(lineOf(b))) : out.push(lineOf(child))));
        break;
      case "annex":
        provisionLines(part);
        break;
      case "footnotes":
        blank();
        out.push("____________");
        part.forEach((note) => {
          note.forEach((b, _, i) => out.push(i === 0 ? `[${note.attrs.marker as string}] ${lineOf(b)}` : lineOf(b)));
        });
        break;
    }
  });
  return out.join("\n") + "\n";
}
