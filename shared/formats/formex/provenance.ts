/*
 * Where the passages of a consolidated text come from: a CONS.ACT brackets each modified passage
 * with processing instructions (<?CLG.MDFO ACTIVE.DOC="309L0136"...?> ... <?CLG.MDFC?>), and its
 * front matter (FAM.COMP) lists the acts by CELEX number. Each text gets a provenance mark.
 */
import type { Mark } from "prosemirror-model";
import { provenanceMark } from "../../model/marks";
import { child, elements, textOf, type XmlElement } from "../xml";
import type { Reading } from "./reading";

const OPENING = "CLG.MDFO";
const CLOSING = "CLG.MDFC";

/** The source of every passage no marker brackets: the basic act. */
const BASIC_ACT = "B";

/** The processing instructions the parser keeps as elements: the modification markers. */
export const MODIFICATION_MARKERS: ReadonlySet<string> = new Set([OPENING, CLOSING]);

function celexOf(bibData: XmlElement | undefined): string | null {
  const celex = bibData && child(bibData, "NO.CELEX");
  return celex ? textOf(celex).trim() : null;
}

function within(element: XmlElement | undefined, ...path: string[]): XmlElement[] {
  let level = element ? [element] : [];
  for (const name of path) level = level.flatMap((e) => elements(e).filter((c) => c.name === name));
  return level;
}

/**
 * The source each act of the consolidation stands for, by CELEX number: the basic act "B", the
 * amending acts "M1", "M2"... and the corrigenda "C1"... in the order FAM.COMP lists them, which
 * is the numbering EUR-Lex prints in the margin (►M1, ►C1).
 */
export function sourcesOf(famComp: XmlElement | undefined): Map<string, string> {
  const sources = new Map<string, string>();
  const add = (bibData: XmlElement | undefined, source: string) => {
    const celex = celexOf(bibData);
    if (celex) sources.set(celex, source);
  };
  add(within(famComp, "BIB.DATA")[0], BASIC_ACT);
  within(famComp, "GR.MOD.ACT", "MOD.ACT").forEach((act, i) => add(child(act, "BIB.DATA"), `M${i + 1}`));
  within(famComp, "GR.CORRIG", "CORRIG").forEach((corrigendum, i) => add(child(corrigendum, "BIB.DATA"), `C${i + 1}`));
  return sources;
}

/**
 * Gives every node of a consolidated document the provenance of the passage it stands in, and
 * takes the modification markers out of the tree. Markers nest: an inner passage's source wins.
 * A passage an amending act deleted (ACTION="DELETED") is still in the file but no longer law:
 * it is left out of the text, with a warning that says so.
 */
export function applyProvenance(root: XmlElement, sources: ReadonlyMap<string, string>, reading: Reading): void {
  const open: { id: string; mark: Mark; marker: XmlElement; deleted: boolean }[] = [];
  const sourceOf = (marker: XmlElement): string => {
    const celex = marker.attrs["ACTIVE.DOC"] ?? "";
    const source = sources.get(celex);
    if (source) return source;
    reading.warn(
      marker,
      `a modification names the act ${celex || "(none)"}, which the consolidation does not list; its passage is marked with that number`,
    );
    return celex || "?";
  };
  const visit = (element: XmlElement) => {
    const children = element.children;
    for (let i = 0; i < children.length;) {
      const node = children[i]!;
      if (node.kind === "element" && (node.name === OPENING || node.name === CLOSING)) {
        if (node.name === OPENING) {
          const source = sourceOf(node);
          const deleted = node.attrs.ACTION === "DELETED";
          if (deleted) reading.warn(node, `a passage deleted by ${source} is not part of the text in force and is left out`);
          open.push({ id: node.attrs.ID ?? "", mark: provenanceMark(source), marker: node, deleted });
        } else {
          const at = open.findLastIndex((o) => o.id === node.attrs.IDREF);
          if (at >= 0) open.splice(at, 1);
          else reading.warn(node, `the end of a modified passage (${node.attrs.IDREF ?? "no IDREF"}) that never began`);
        }
        children.splice(i, 1);
        continue;
      }
      if (open[open.length - 1]?.deleted) {
        children.splice(i, 1);
        continue;
      }
      reading.setProvenance(node, open[open.length - 1]?.mark ?? provenanceMark(BASIC_ACT));
      if (node.kind === "element") visit(node);
      i++;
    }
  };
  visit(root);
  for (const unclosed of open)
    reading.warn(unclosed.marker, `a modified passage (${unclosed.id}) that never ends: marked up to the end of the document`);
}
