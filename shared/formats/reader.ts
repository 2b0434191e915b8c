/*
 * What every reader returns: a document in the legal schema and the warnings met on the way
 * (elements kept as text that the reader did not know, for instance).
 */
import type { Node } from "prosemirror-model";
import type { ReadWarning, SourceLocation } from "./errors";
import type { FormatName } from "./input";

export interface ReadResult {
  readonly format: FormatName;
  readonly doc: Node;
  readonly warnings: readonly ReadWarning[];
}

/** The most distinct warnings a reading keeps: past them, only how many more there were. */
export const MAX_WARNINGS = 50;
/** The longest a warning's message, or the file it names, is kept: a name can be a file's own, and as long as a zip allows. */
const LONGEST_MESSAGE = 600;
const LONGEST_FILE = 300;

/** `text` cut to `most` characters, the cut said with an ellipsis. */
function shortened(text: string, most: number): string {
  return text.length <= most ? text : `${text.slice(0, most - 1)}…`;
}

/**
 * Collects warnings, folding repeats of the same message into one with a count, and keeping
 * MAX_WARNINGS at most: a file made to warn thousands of times (a zip of 1,500 stray entries
 * named in 20,000 characters each) would otherwise weigh megabytes in every answer that lists
 * its version's warnings.
 */
export class WarningLog {
  /** By message, as given: the message as kept, where it was first met, and how often. */
  private readonly seen = new Map<string, { message: string; first: SourceLocation; count: number }>();
  /** Warnings of messages past MAX_WARNINGS, each time one was met. */
  private untold = 0;

  add(message: string, location: SourceLocation = {}): void {
    const entry = this.seen.get(message);
    if (entry) entry.count++;
    else if (this.seen.size >= MAX_WARNINGS) this.untold++;
    else {
      const first = location.file === undefined ? location : { ...location, file: shortened(location.file, LONGEST_FILE) };
      this.seen.set(message, { message: shortened(message, LONGEST_MESSAGE), first, count: 1 });
    }
  }

  list(): ReadWarning[] {
    const listed = [...this.seen.values()].map(({ message, first, count }) => ({
      message: count > 1 ? `${message} (${count} times; first shown)` : message,
      location: first,
    }));
    if (this.untold > 0) listed.push({ message: `and ${this.untold} more warnings, not listed`, location: {} });
    return listed;
  }
}
