/*
 * Small builders for acts in tests: write the structure of a test act as nested calls, the way
 * the act reads, instead of as JSON.
 */
import type { Node } from "prosemirror-model";
import { act, formula, footnote, p, provision, InlineRun, type ActParts } from "../../shared/model/build";
import type { ProvisionType } from "../../shared/model/schema";

type Child = Node | string;

function content(children: readonly Child[]): Node[] {
  return children.map((c) => (typeof c === "string" ? p(c) : c));
}

function make(type: ProvisionType) {
  return (num: string | null, ...children: Child[]) => provision(type, { num }, content(children));
}

export const article = (num: string, heading: string | null, ...children: Child[]) =>
  provision("article", { num, heading }, content(children));
export const chapter = (num: string, heading: string | null, ...children: Child[]) =>
  provision("chapter", { num, heading }, content(children));
export const annex = (num: string, heading: string | null, ...children: Child[]) => provision("annex", { num, heading }, content(children));
export const recital = make("recital");
export const citation = (...children: Child[]) => provision("citation", {}, content(children));
export const paragraph = make("paragraph");
export const subparagraph = (...children: Child[]) => provision("subparagraph", {}, content(children));
export const point = make("point");
export const indent = make("indent");
export { formula, footnote, p, InlineRun };

/** An act from its parts; strings in the preface become lines of the title. */
export function testAct(parts: Omit<ActParts, "preface"> & { title?: string }): Node {
  return act({ ...parts, preface: [p(parts.title ?? "Test act")] });
}
