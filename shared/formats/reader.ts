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

/** Collects warnings, folding repeats of the same message into one with a count. */
export class WarningLog {
  private readonly seen = new Map<string, { first: SourceLocation; count: number }>();

  add(message: string, location: SourceLocation = {}): void {
    const entry = this.seen.get(message);
    if (entry) entry.count++;
    else this.seen.set(message, { first: location, count: 1 });
  }

  list(): ReadWarning[] {
    return [...this.seen].map(([message, { first, count }]) => ({
      message: count > 1 ? `${message} (${count} times; first shown)` : message,
      location: first,
    }));
  }
}
