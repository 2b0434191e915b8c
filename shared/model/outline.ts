/*
 * The provision outline: the document as a plain tree of provisions, each with its kind, eId,
 * number, heading and own words. The shape of `synopsis import --json` and of the API.
 */
import type { Node } from "prosemirror-model";
import { isProvisionType } from "./schema";
import { ownText, titleOf } from "./walk";

export interface OutlineNode {
  readonly type: string;
  readonly eId: string;
  readonly num: string;
  readonly heading: string | null;
  /** The provision's own words, without its sub-provisions'. */
  readonly text: string;
  readonly children: OutlineNode[];
}

export interface Outline {
  readonly title: string;
  /** Present when the text carries a notice, such as "a demonstration, not the authentic text". */
  readonly notice?: string;
  readonly provisions: OutlineNode[];
}

function outlineOf(node: Node): OutlineNode {
  const children: OutlineNode[] = [];
  node.forEach((child) => {
    if (isProvisionType(child.type.name)) children.push(outlineOf(child));
  });
  return {
    type: node.type.name,
    eId: node.attrs.eId as string,
    num: (node.attrs.num as string | null) ?? "",
    heading: node.attrs.heading as string | null,
    text: ownText(node),
    children,
  };
}

/** The outline of a document: its title and its top-level provisions in reading order. */
export function outline(doc: Node): Outline {
  const provisions: OutlineNode[] = [];
  const collect = (container: Node) => {
    container.forEach((child) => {
      if (isProvisionType(child.type.name)) provisions.push(outlineOf(child));
      else if (child.type.name === "preamble" || child.type.name === "body") collect(child);
    });
  };
  collect(doc);
  const notice = doc.attrs.notice as string | null;
  return { title: titleOf(doc), ...(notice !== null ? { notice } : {}), provisions };
}
