/*
 * The state of reading one Formex document or package: the file being read, the warnings met,
 * the footnotes referenced so far, and where each passage of a consolidated text comes from.
 */
import type { Mark } from "prosemirror-model";
import { FormatError, type ReadWarning, type SourceLocation } from "../errors";
import { WarningLog } from "../reader";
import type { XmlElement, XmlNode } from "../xml";

/** A footnote met in the text: its reference is placed where it stands, its words are read at the end. */
export interface NoteMet {
  readonly id: string;
  readonly marker: string;
  readonly element: XmlElement;
  /** The reading of the file the note stands in, so that its warnings name that file. */
  readonly reading: Reading;
}

/** What all the files of one package share. */
interface Shared {
  readonly warnings: WarningLog;
  readonly notes: NoteMet[];
  readonly noteIds: Set<string>;
  readonly provenance: Map<XmlNode, Mark>;
}

export class Reading {
  private constructor(
    readonly file: string | undefined,
    private readonly shared: Shared,
  ) {}

  static start(file?: string): Reading {
    return new Reading(file, { warnings: new WarningLog(), notes: [], noteIds: new Set(), provenance: new Map() });
  }

  /** The same reading, continued in another file of the package. */
  inFile(file: string): Reading {
    return new Reading(file, this.shared);
  }

  at(element: XmlElement): SourceLocation {
    return { ...(this.file ? { file: this.file } : {}), line: element.line, column: element.column };
  }

  warn(element: XmlElement, message: string): void {
    this.shared.warnings.add(message, this.at(element));
  }

  /** Notes an element the reader does not know; the caller keeps its text. */
  unknown(element: XmlElement): void {
    this.warn(element, `unknown element <${element.name}> kept as text`);
  }

  /** A structural error at `element`: the document is not the structure Formex requires. */
  fail(element: XmlElement, message: string): never {
    throw new FormatError("structure", message, this.at(element));
  }

  /**
   * Registers a footnote where its reference stands. The marker is the note's number in reading
   * order; the id is the note's own NOTE.ID, made unique when two files of a package share one.
   */
  noteRef(element: XmlElement): { id: string; marker: string } {
    const { notes, noteIds } = this.shared;
    const marker = String(notes.length + 1);
    const own = element.attrs["NOTE.ID"] || `note-${marker}`;
    let id = own;
    for (let n = 2; noteIds.has(id); n++) id = `${own}-${n}`;
    noteIds.add(id);
    notes.push({ id, marker, element, reading: this });
    return { id, marker };
  }

  /** The footnotes met so far, in the order of their markers; grows while notes are read. */
  get notes(): readonly NoteMet[] {
    return this.shared.notes;
  }

  /** The provenance mark of a passage of a consolidated text, if the passage has one. */
  provenanceOf(node: XmlNode): Mark | undefined {
    return this.shared.provenance.get(node);
  }

  setProvenance(node: XmlNode, mark: Mark): void {
    this.shared.provenance.set(node, mark);
  }

  warnings(): ReadWarning[] {
    return this.shared.warnings.list();
  }
}
