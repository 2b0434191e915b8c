/*
 * The preamble of a Formex act: the opening formula (PREAMBLE.INIT), the citations (VISA), the
 * words before the recitals (GR.CONSID.INIT), the recitals (CONSID) and the enacting formula
 * (PREAMBLE.FINAL). A formula with no words, as consolidated texts print them, is left out.
 */
import type { Node } from "prosemirror-model";
import { formula, provision } from "../../model/build";
import { child, type XmlElement, type XmlNode } from "../xml";
import { blocksOf, contentOf, isElement } from "./divisions";
import { fitTo } from "../fit";
import { lineOf } from "./inline";
import type { Reading } from "./reading";

/** The formula each preamble element stands for, by the name the legal schema gives it. */
const FORMULAS: Readonly<Record<string, string>> = {
  "PREAMBLE.INIT": "preambleInit",
  "GR.CONSID.INIT": "recitalsIntro",
  "PREAMBLE.FINAL": "enactingFormula",
};

/** Groups of citations and recitals: what they hold is read as if it stood in the preamble. */
const GROUPS: ReadonlySet<string> = new Set(["GR.VISA", "GR.CONSID"]);

export function readPreamble(preamble: XmlElement, reading: Reading): Node[] {
  const out: Node[] = [];
  const read = (parent: XmlElement) => {
    for (const node of parent.children) {
      if (node.kind === "element" && GROUPS.has(node.name)) read(node);
      else out.push(...preambleNode(node, reading));
    }
  };
  read(preamble);
  return out;
}

function preambleNode(node: XmlNode, reading: Reading): Node[] {
  const name = node.kind === "element" ? FORMULAS[node.name] : undefined;
  if (node.kind === "element" && name) return formulaOf(name, blocksOf(node.children, reading));
  if (isElement(node, "VISA")) return [provision("citation", {}, blocksOf(node.children, reading))];
  if (isElement(node, "CONSID")) return [recital(node, reading)];
  // Words standing in the preamble outside any known part: kept, in a formula of no known name.
  return formulaOf("formula", blocksOf([node], reading));
}

function formulaOf(name: string, blocks: Node[]): Node[] {
  return blocks.length > 0 ? [formula(name, blocks)] : [];
}

/** A recital: CONSID > NP, numbered by NO.P ("(1)"), its words in TXT and any further P. */
function recital(consid: XmlElement, reading: Reading): Node {
  const np = child(consid, "NP");
  if (!np) return provision("recital", {}, fitTo(contentOf(consid.children, reading), "divisions"));
  const no = child(np, "NO.P");
  if (!no) reading.fail(np, "<NP> without <NO.P>");
  const num = lineOf(no, reading);
  const content = contentOf([...np.children.filter((c) => c !== no), ...consid.children.filter((c) => c !== np)], reading);
  return provision("recital", { num }, fitTo(content, "divisions"));
}
