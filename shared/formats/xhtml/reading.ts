/*
 * The state of reading one EUR-Lex XHTML document: the file, the warnings met, the footnotes it
 * holds and the source of the consolidated passage being read.
 */
import type { SourceLocation } from "../errors";
import { WarningLog } from "../reader";
import type { XmlElement } from "../xml";
import { Provenance } from "./consolidated";
import type { NoteIndex } from "./footnotes";
import { unknownClasses } from "./vocabulary";

export class Reading {
  readonly warnings = new WarningLog();
  readonly provenance = new Provenance();

  constructor(
    readonly file: string | undefined,
    readonly notes: NoteIndex,
  ) {}

  at(element: XmlElement): SourceLocation {
    return { ...(this.file ? { file: this.file } : {}), line: element.line, column: element.column };
  }

  warn(element: XmlElement, message: string): void {
    this.warnings.add(message, this.at(element));
  }

  /** Warns of the classes of `element` that the reader does not know; the caller keeps its words. */
  checkClasses(element: XmlElement): void {
    for (const name of unknownClasses(element)) {
      this.warn(element, `<${element.name} class="${name}">: a class this reader does not know; its words are kept`);
    }
  }
}
