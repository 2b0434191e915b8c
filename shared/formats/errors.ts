/*
 * Typed errors for bad input, so that the command line and the server turn them into clear
 * answers (exit status 1, a 4xx) without matching on message strings.
 */

export type FormatErrorCode =
  | "empty" // nothing to read
  | "too-large" // over the size limit
  | "not-utf8" // bytes that are not UTF-8 text
  | "malformed" // not well-formed XML, or a broken zip
  | "forbidden-dtd" // a DOCTYPE declaring entities: refused before anything is expanded
  | "unknown-format" // none of the known kinds
  | "structure"; // well-formed, but not the structure the format requires

/** Where in the input something was found: a line and column, and the file inside a package. */
export interface SourceLocation {
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
}

function describeLocation(at: SourceLocation): string {
  const parts: string[] = [];
  if (at.file) parts.push(at.file);
  if (at.line !== undefined) parts.push(at.column !== undefined ? `line ${at.line}, column ${at.column}` : `line ${at.line}`);
  return parts.join(", ");
}

/** A message with where it applies in front: "gdpr.xml, line 3, column 7: ...", or the message alone. */
export function locatedMessage(message: string, at: SourceLocation): string {
  const where = describeLocation(at);
  return where ? `${where}: ${message}` : message;
}

/** Bad input: says what is wrong and where. */
export class FormatError extends Error {
  readonly code: FormatErrorCode;
  readonly location: SourceLocation;
  /** What is wrong, without where: the message is where, then this. */
  readonly reason: string;

  constructor(code: FormatErrorCode, reason: string, location: SourceLocation = {}) {
    super(locatedMessage(reason, location));
    this.name = "FormatError";
    this.code = code;
    this.location = location;
    this.reason = reason;
  }
}

/** Something a reader kept but did not fully understand, such as an element it does not know. */
export interface ReadWarning {
  readonly message: string;
  readonly location: SourceLocation;
}
