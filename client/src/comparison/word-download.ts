/*
 * The comparison as a Word document, downloaded: the rows shown, with the filters said above
 * them, made in the browser from the table it has, by the writer of `synopsis compare --out
 * FILE.docx`, on a worker (word-worker.ts), whose code is loaded when first asked for.
 */
import type { Comparison, ComparisonRow } from "../../../shared/compare/comparison";
import { h } from "../dom";
import { pageSignal } from "../page-life";
import type { WordAnswer, WordRequest } from "./word-worker";
import { fileNameOf } from "../../../shared/formats/file-name";

/** What is downloaded: the rows shown, and the words that say how they were filtered (null when they were not). */
export interface ShownRows {
  readonly rows: readonly ComparisonRow[];
  readonly filtered: string | null;
}

/** The media type of a .docx file. */
const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/**
 * The bytes of the Word document of `rows`, made on a worker of its own, ended once it has
 * answered, or once the page is left (`left` aborts): then it rejects with `left`'s reason.
 */
function made(comparison: Comparison, title: string, { rows, filtered }: ShownRows, left: AbortSignal): Promise<Uint8Array<ArrayBuffer>> {
  const index = new Map(comparison.rows.map((row, i) => [row, i]));
  let worker: Worker | null = null;
  const done = new AbortController();
  return new Promise<Uint8Array<ArrayBuffer>>((resolve, reject) => {
    if (left.aborted) throw left.reason;
    const request: WordRequest = {
      comparison,
      rows: rows.map((row) => {
        const i = index.get(row);
        if (i === undefined) throw new Error(`the row ${row.label} is not one of the table's`);
        return i;
      }),
      title,
      filtered,
    };
    worker = new Worker(new URL("./word-worker.ts", import.meta.url), { type: "module" });
    worker.onmessage = ({ data }: MessageEvent<WordAnswer>) => ("bytes" in data ? resolve(data.bytes) : reject(new Error(data.failure)));
    worker.onmessageerror = () => reject(new Error("its answer could not be read"));
    worker.onerror = (e) => reject(new Error(e.message || "the worker that makes it stopped"));
    left.addEventListener("abort", () => reject(left.reason), { once: true, signal: done.signal });
    worker.postMessage(request);
  }).finally(() => {
    worker?.terminate();
    // The page's signal lets go of this promise, and of the bytes it holds.
    done.abort();
  });
}

/** A button that downloads the rows `shown` gives, as a .docx file named after `title`, and a line that says how it went. */
export function wordDownload(comparison: Comparison, title: string, shown: () => ShownRows): HTMLElement {
  const said = h("span", { class: "download-status", role: "status" });
  const button = h("button", { type: "button", class: "word-download" }, "Download as Word document");
  // The signal of this page, taken as it is made: a click on it while the next page loads is this page's.
  const left = pageSignal();
  button.addEventListener(
    "click",
    () => {
      button.disabled = true;
      said.textContent = "Making the Word document…";
      const rows = shown();
      made(comparison, title, rows, left)
        .then((bytes) => {
          if (left.aborted) return;
          const url = URL.createObjectURL(new Blob([bytes], { type: DOCX_TYPE }));
          h("a", { href: url, download: fileNameOf(title, ".docx") }).click();
          // Kept a while for the download to read it.
          setTimeout(() => URL.revokeObjectURL(url), 60_000);
          said.textContent = `Word document made: ${rows.rows.length} ${rows.rows.length === 1 ? "row" : "rows"}.`;
        })
        .catch((e: unknown) => {
          // The page left meanwhile: nothing is downloaded, and there is no one to tell.
          if (left.aborted) return;
          said.textContent = `The Word document could not be made: ${e instanceof Error ? e.message : String(e)}`;
        })
        .finally(() => {
          button.disabled = false;
        });
    },
    { signal: left },
  );
  return h("p", { class: "download no-print" }, button, " ", said);
}
