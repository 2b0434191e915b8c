/*
 * The version view worker: turns a stored version's document (ProseMirror JSON) into what the
 * routes serve of it, on a thread of its own. Parsing the document of a long act and walking it
 * takes up to a second at the largest size a version may have, which on the main thread would
 * hold up every other request and every note arriving in real time.
 */
import { Node } from "prosemirror-model";
import { alignableProvisions, type AlignableProvisions } from "../../shared/compare/override-check";
import { writeAkn } from "../../shared/formats/akn/write-akn";
import { outline } from "../../shared/model/outline";
import { legalSchema } from "../../shared/model/schema";
import { serveJobs } from "../workers/job-worker";

/** What can be made of a stored version: its outline as JSON text, its Akoma Ntoso, or the provisions alignment corrections may name. */
export type VersionView = "outline" | "akn" | "provisions";

export interface VersionViewJob {
  readonly view: VersionView;
  /** The version's document as stored: ProseMirror JSON text. */
  readonly document: string;
  /** The day the Akoma Ntoso says it was written, YYYY-MM-DD. */
  readonly day: string;
}

/** A view: text for the outline (JSON) and Akoma Ntoso (XML), a map for the provisions. */
export type VersionViewResult =
  { readonly view: "outline" | "akn"; readonly text: string } | { readonly view: "provisions"; readonly provisions: AlignableProvisions };

export interface VersionViewFailure {
  readonly message: string;
}

function view({ view, document, day }: VersionViewJob): VersionViewResult {
  const doc = Node.fromJSON(legalSchema, JSON.parse(document));
  switch (view) {
    case "outline":
      return { view, text: JSON.stringify(outline(doc)) };
    case "akn":
      return { view, text: writeAkn(doc, day) };
    case "provisions":
      return { view, provisions: alignableProvisions(doc) };
  }
}

serveJobs<VersionViewJob, VersionViewResult, VersionViewFailure>(
  (job) => ({ result: view(job) }),
  (e) => ({ message: String((e as Error)?.message ?? e) }),
);
