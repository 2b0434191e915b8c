/*
 * Annexes, whether they stand in the act's own file or in a file of their own in a package:
 * ANNEX (or CONS.ANNEX) with its TITLE giving the number ("ANNEX I") and heading, and CONTENTS
 * read like any provision's content, with GR.SEQ as headed groups one level below the annex.
 */
import type { Node } from "prosemirror-model";
import { provision } from "../../model/build";
import { child, type XmlElement } from "../xml";
import { contentOf, titleOf } from "./divisions";
import type { Reading } from "./reading";

/** The elements of an annex that describe the document rather than say anything. */
const ANNEX_METADATA: ReadonlySet<string> = new Set(["BIB.INSTANCE"]);

/** Groups directly in an annex stand one level below it, so their kind follows from depth 1. */
const ANNEX_GROUP_DEPTH = 1;

export function readAnnex(annex: XmlElement, reading: Reading): Node {
  const title = child(annex, "TITLE");
  const { num, heading } = titleOf(title, reading);
  const rest = annex.children.filter((c) => c !== title && !(c.kind === "element" && ANNEX_METADATA.has(c.name)));
  return provision("annex", { num, heading }, contentOf(rest, reading, ANNEX_GROUP_DEPTH));
}
