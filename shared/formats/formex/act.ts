/*
 * One Formex act read into the parts of a legal document: an ACT as the Official Journal publishes
 * it, or a consolidated text (CONS.ACT, Formex 3 or 4) with the provenance of its passages.
 * Metadata (BIB.INSTANCE, FAM.COMP, INFO.*) gives the act's identity, never words of the act.
 */
import type { Node } from "prosemirror-model";
import { act, footnote } from "../../model/build";
import type { ReadResult } from "../reader";
import { child, elements, parseXml, type XmlElement } from "../xml";
import { readAnnex } from "./annex";
import { readEnactingTerms } from "./articles";
import { readFinal } from "./conclusions";
import { blocksOf } from "./divisions";
import { isoDate, kindFromCode, kindFromTitle, languageCode, workOf, type ActKind } from "./identity";
import { readPreamble } from "./preamble";
import { applyProvenance, MODIFICATION_MARKERS, sourcesOf } from "./provenance";
import { Reading } from "./reading";

/** The parts of an act as read, before annexes from other files join them and footnotes are read. */
export interface ActRead {
  readonly attrs: { work: string | null; date: string | null; language?: string };
  readonly preface: Node[];
  readonly preamble: Node[];
  readonly body: Node[];
  readonly conclusions: Node[];
  readonly annexes: Node[];
}

/** Elements of an act that describe the document (publication, consolidation, production) rather than say anything. */
const METADATA: ReadonlySet<string> = new Set(["BIB.INSTANCE", "FAM.COMP", "INFO.CONSLEG", "INFO.PROD"]);

const ANNEXES: ReadonlySet<string> = new Set(["ANNEX", "CONS.ANNEX"]);

/** The element at the end of a path of child names, if the metadata holds it. */
function find(element: XmlElement | undefined, ...path: string[]): XmlElement | undefined {
  return path.reduce<XmlElement | undefined>((at, name) => at && child(at, name), element);
}

/** Parses a Formex document, with the modification markers of consolidated texts kept in the tree. */
export function parseFormex(text: string, file?: string): XmlElement {
  return parseXml(text, file, { instructionsAsElements: MODIFICATION_MARKERS });
}

/** Reads one Formex XML document: an ACT, or a consolidated text (CONS.ACT). */
export function readFormex(text: string, file?: string): ReadResult {
  const reading = Reading.start(file);
  return assemble(readAct(parseFormex(text, file), reading), reading);
}

/**
 * Reads an ACT or CONS.ACT element. `kindCode` is the legal value a package's manifest gives
 * (REG, DIR, DEC), for an ACT, whose own markup does not say what kind of act it is.
 */
export function readAct(root: XmlElement, reading: Reading, kindCode?: string): ActRead {
  if (root.name === "ACT") return readParts(root, reading, { bib: find(root, "BIB.INSTANCE"), kindCode });
  if (root.name === "CONS.ACT") {
    const doc = find(root, "CONS.DOC");
    if (!doc) reading.fail(root, "<CONS.ACT> without <CONS.DOC>");
    const famComp = find(doc, "FAM.COMP");
    applyProvenance(doc, sourcesOf(famComp), reading);
    return readParts(doc, reading, {
      bib: find(doc, "BIB.INSTANCE"),
      // The basic act, first in the consolidation's list of acts, is the work this text is a version of.
      noDoc: find(famComp, "BIB.DATA", "BIB.INSTANCE.CONS", "NO.DOC"),
      kindCode: find(root, "INFO.CONSLEG")?.attrs["LEG.VAL"] ?? famComp?.attrs["LEG.VAL"],
    });
  }
  return reading.fail(root, `<${root.name}> is not a Formex act: expected <ACT> or <CONS.ACT>`);
}

function readParts(
  doc: XmlElement,
  reading: Reading,
  identity: { bib: XmlElement | undefined; noDoc?: XmlElement | undefined; kindCode?: string | undefined },
): ActRead {
  const terms = find(doc, "ENACTING.TERMS");
  if (!terms) reading.fail(doc, `<${doc.name}> without <ENACTING.TERMS>`);
  const parts = { preface: [] as Node[], preamble: [] as Node[], body: [] as Node[], conclusions: [] as Node[], annexes: [] as Node[] };
  let beforeBody = true;
  for (const element of elements(doc)) {
    if (METADATA.has(element.name)) continue;
    if (element.name === "TITLE") parts.preface.push(...blocksOf(element.children, reading));
    else if (element.name === "PREAMBLE") parts.preamble.push(...readPreamble(element, reading));
    else if (element === terms) {
      parts.body.push(...readEnactingTerms(element, reading));
      beforeBody = false;
    } else if (element.name === "FINAL") parts.conclusions.push(...readFinal(element, reading));
    else if (ANNEXES.has(element.name)) parts.annexes.push(readAnnex(element, reading));
    else {
      // Words in an element of no known place: kept where they stand, before or after the enacting terms.
      reading.unknown(element);
      (beforeBody ? parts.preface : parts.conclusions).push(...blocksOf(element.children, reading));
    }
  }
  const kind: ActKind | null = kindFromCode(identity.kindCode) ?? kindFromTitle(parts.preface[0]?.textContent ?? null);
  const language = languageCode(find(identity.bib, "LG.DOC"));
  return {
    attrs: {
      work: workOf(identity.noDoc ?? find(identity.bib, "NO.DOC"), kind),
      date: isoDate(find(identity.bib, "DATE")),
      ...(language ? { language } : {}),
    },
    ...parts,
  };
}

/**
 * The legal document from an act's parts. Footnotes are read last, in the order of their
 * markers; a note inside a note joins the list while it is read.
 */
export function assemble(parts: ActRead, reading: Reading): ReadResult {
  const footnotes: Node[] = [];
  for (let i = 0; i < reading.notes.length; i++) {
    const note = reading.notes[i]!;
    footnotes.push(footnote(note.id, note.marker, blocksOf(note.element.children, note.reading)));
  }
  const doc = act({ ...parts, footnotes });
  return { format: "formex", doc, warnings: reading.warnings() };
}
