/*
 * Reading the project's fixtures in tests: the real EU acts in fixtures/eurlex and the
 * demonstration dual-use dossier, through the same readers as user files.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Node } from "prosemirror-model";
import { readDocument } from "../../shared/formats/read";

export const FIXTURES = join(import.meta.dirname, "../../fixtures");

export function fixtureBytes(path: string): Uint8Array {
  return new Uint8Array(readFileSync(join(FIXTURES, path)));
}

const cache = new Map<string, Node>();

/** A fixture read into a document (cached: documents are immutable). */
export function fixtureDoc(path: string): Node {
  let doc = cache.get(path);
  if (!doc) {
    doc = readDocument({ bytes: fixtureBytes(path), file: path }).doc;
    cache.set(path, doc);
  }
  return doc;
}

/** The four stages of the demonstration dual-use dossier, in procedural order. */
export const DUAL_USE_STAGES = [
  ["Commission", "dual-use/commission-proposal-2016.akn.xml"],
  ["Parliament", "dual-use/parliament-position-2018.akn.xml"],
  ["Council", "dual-use/council-mandate-2019.akn.xml"],
  ["Regulation", "dual-use/regulation-2021-821.akn.xml"],
] as const;
