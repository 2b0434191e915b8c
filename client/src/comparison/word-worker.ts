/*
 * Makes the Word document of a comparison off the page's thread: a long table takes seconds to
 * write (about 6 s for the 2,183 rows of four versions of a 100,000-word act), during which the
 * page stays live and says it is at work. Asked with the comparison and the indexes of the rows
 * to write; answers with the file's bytes, or with what went wrong.
 */
import type { Comparison } from "../../../shared/compare/comparison";
import { comparisonDocx } from "../../../shared/compare/comparison-docx";

/** What the page asks for. */
export interface WordRequest {
  readonly comparison: Comparison;
  /** The rows to write, by their index in the comparison's rows. */
  readonly rows: readonly number[];
  readonly title: string;
  readonly filtered: string | null;
}

/** What the worker answers. */
export type WordAnswer = { readonly bytes: Uint8Array<ArrayBuffer> } | { readonly failure: string };

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<WordRequest>) => void) | null;
  onmessageerror: (() => void) | null;
  postMessage(message: WordAnswer, transfer?: Transferable[]): void;
};

const failed = (e: unknown) => scope.postMessage({ failure: e instanceof Error ? e.message : String(e) });

scope.onmessage = ({ data }) => {
  const { comparison, rows, title, filtered } = data;
  comparisonDocx(
    comparison,
    rows.map((i) => comparison.rows[i]!),
    title,
    filtered,
  )
    .then((bytes) => scope.postMessage({ bytes }, [bytes.buffer]))
    .catch(failed);
};

scope.onmessageerror = () => failed(new Error("the table could not be read by the worker"));
