/*
 * The final part (<div id="fnp_1">): the closing formula and the place and date as paragraphs,
 * each signatory's block (div.oj-signatory) as a signature.
 */
import type { Node } from "prosemirror-model";
import { signature } from "../../model/build";
import type { XmlElement, XmlNode } from "../xml";
import { blocksOf } from "./divisions";
import { itemsOf } from "./layout";
import type { Reading } from "./reading";
import { hasRole } from "./vocabulary";

export function readConclusions(element: XmlElement, reading: Reading): Node[] {
  const out: Node[] = [];
  const visit = (nodes: readonly XmlNode[]) => {
    let pending: XmlNode[] = [];
    const flush = () => {
      out.push(...blocksOf(itemsOf(pending, reading)));
      pending = [];
    };
    for (const node of nodes) {
      if (node.kind !== "element" || node.name !== "div") {
        pending.push(node);
        continue;
      }
      flush();
      if (hasRole(node, "signatory")) {
        out.push(signature(blocksOf(itemsOf(node.children, reading))));
      } else {
        reading.checkClasses(node);
        visit(node.children);
      }
    }
    flush();
  };
  visit(element.children);
  return out;
}
