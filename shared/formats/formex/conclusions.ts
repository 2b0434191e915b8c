/*
 * The final part of a Formex act (FINAL): its closing words ("This Regulation shall be binding in
 * its entirety...") as paragraphs; in each SIGNATURE, the place and date (PL.DATE) as a paragraph
 * and each SIGNATORY as a signature block, as the Official Journal prints them.
 */
import type { Node } from "prosemirror-model";
import { signature } from "../../model/build";
import type { XmlElement } from "../xml";
import { blocksOf, contentAround } from "./divisions";
import { fitTo } from "../fit";
import type { Reading } from "./reading";

export function readFinal(final: XmlElement, reading: Reading): Node[] {
  const content = contentAround(final.children, reading, 0, (child) =>
    child.name === "SIGNATURE" ? signatureParts(child, reading) : null,
  );
  // Conclusions hold only words and signatures: a list there is kept as numbered paragraphs.
  return content.flatMap((node) => (node.type.name === "signature" ? [node] : fitTo([node], "blocks")));
}

function signatureParts(element: XmlElement, reading: Reading): Node[] {
  const parts: Node[] = [];
  for (const child of element.children) {
    if (child.kind === "element" && child.name === "SIGNATORY") parts.push(signature(blocksOf(child.children, reading)));
    else parts.push(...blocksOf([child], reading));
  }
  return parts;
}
