/*
 * Reading an uploaded file into what a version stores: the document as ProseMirror JSON, the
 * format it came in, and its summary (title, counts, words, the readers' warnings, the notice a
 * demonstration text carries). Done on the import worker for uploads, and in-process for the
 * demonstration data loaded before the server listens.
 */
import { readDocument } from "../../shared/formats/read";
import { FormatError, locatedMessage } from "../../shared/formats/errors";
import type { FormatName } from "../../shared/formats/input";
import { summarize } from "../../shared/model/summary";
import { whyNotComparable } from "../../shared/compare/comparison";

/** The longest title a version's summary keeps: acts' titles run to about 250 characters. */
export const MAX_TITLE = 400;
/**
 * The most words and provisions a version may have. The longest acts run to a few hundred
 * thousand words (the bench's act of the DSA and the GDPR together has 114,000 and 2,400
 * provisions); a version past these bounds is no act, and each comparison it was put in would
 * take the server's memory and time from everyone else's.
 */
export const MAX_VERSION_WORDS = 1_000_000;
export const MAX_VERSION_PROVISIONS = 100_000;

export interface UploadInput {
  readonly bytes: Uint8Array;
  /** The file's name as uploaded: the readers tell some formats by it, and their errors name it. */
  readonly file: string;
  /** The format the uploader named, if any; else the readers tell it from the bytes. */
  readonly format?: FormatName;
}

/** The summary kept with a version, as stored. */
export interface StoredSummary {
  readonly title: string;
  readonly counts: Record<string, number>;
  readonly words: number;
  readonly warnings: string[];
  readonly notice: string | null;
}

export interface ReadUpload {
  readonly format: FormatName;
  readonly summary: StoredSummary;
  /** The document as stored: ProseMirror JSON text. */
  readonly document: string;
}

/** Reads an upload; a file that cannot be read throws a FormatError that says why and where. */
export function readUpload(input: UploadInput): ReadUpload {
  const { doc, warnings, format } = readDocument({
    bytes: input.bytes,
    file: input.file,
    ...(input.format ? { format: input.format } : {}),
  });
  const { title, counts, words } = summarize(doc);
  // A version with nothing to align could only fail every comparison it is put in.
  if (Object.values(counts).every((n) => n === 0))
    throw new FormatError(
      "structure",
      `no provisions were found in this ${format} file (no citation, recital, article or annex): is it the text of an act?` +
        (format === "text" ? ' In plain text, an act has lines such as "Article 1", "(1)" or "ANNEX".' : ""),
      { file: input.file },
    );
  const provisions = Object.values(counts).reduce((sum, n) => sum + n, 0);
  const tooMany = (what: string, count: number, most: number) =>
    new FormatError(
      "too-large",
      `this ${format} file holds ${count.toLocaleString("en")} ${what}; a version may have at most ${most.toLocaleString("en")}, more than the longest acts`,
      { file: input.file },
    );
  if (words > MAX_VERSION_WORDS) throw tooMany("words", words, MAX_VERSION_WORDS);
  if (provisions > MAX_VERSION_PROVISIONS) throw tooMany("provisions", provisions, MAX_VERSION_PROVISIONS);
  const uncomparable = whyNotComparable(doc);
  if (uncomparable !== null)
    throw new FormatError("structure", `the act in this ${format} file ${uncomparable}, so it could not be compared with any version`, {
      file: input.file,
    });
  const notes = warnings.map((w) => locatedMessage(w.message, w.location));
  // The title goes out with every listing of the dossier's versions: a page of words as a title would weigh on all of them.
  const shortTitle = title.length > MAX_TITLE ? `${title.slice(0, MAX_TITLE - 1)}…` : title;
  if (shortTitle !== title)
    notes.push(locatedMessage(`the title is ${title.length} characters long; it is kept cut to ${MAX_TITLE}`, { file: input.file }));
  const summary: StoredSummary = {
    title: shortTitle,
    counts: { ...counts },
    words,
    warnings: notes,
    notice: doc.attrs.notice as string | null,
  };
  return { format, summary, document: JSON.stringify(doc.toJSON()) };
}
