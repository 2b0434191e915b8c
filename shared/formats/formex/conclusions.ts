/*
 * The final part of a Formex act (FINAL): its closing words ("This Regulation shall be binding in
 * its entirety...") as paragraphs, and each SIGNATURE, with its place and date (PL.DATE) and its
 * signatories, as a signature block.
 */
import type { Node } from "prosemirror-model";
import { signature } from "../../model/build";
import type { XmlElement } from "../xml";
import { blocksOf, contentAround } from "./divisions";
import { fitTo } from "./flatten";
import type { Reading } from "./reading";

export function readFinal(final: XmlElement, reading: Reading): Node[] {
  const content = contentAround(final.children, reading, 0, (child) =>
    child.name === "SIGNATURE" ? [signature(blocksOf(child.children, reading))] : null,
  );
  // Conclusions hold only words and signatures: a list there is kept as numbered paragraphs.
  return content.flatMap((node) => (node.type.name === "signature" ? [node] : fitTo([node], "blocks")));
}
