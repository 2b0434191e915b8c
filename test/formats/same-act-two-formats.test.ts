/*
 * The same act read from Formex and from EUR-Lex XHTML is the same document: every provision,
 * word, footnote, formula, signature, mark and attribute, everything but the guids given at reading.
 */
import { describe, expect, it } from "vitest";
import type { Node } from "prosemirror-model";
import { fixtureDoc } from "../support/fixtures";

function withoutGuids(doc: Node): unknown {
  return JSON.parse(JSON.stringify(doc.toJSON(), (key: string, value: unknown) => (key === "guid" ? undefined : value)));
}

describe.each([
  ["the GDPR as published in the Official Journal", "eurlex/gdpr-2016-679.fmx.xml", "eurlex/gdpr-2016-679.xhtml"],
  ["the GDPR consolidated with its corrigendum", "eurlex/gdpr-2016-679-cons-2016.fmx.xml", "eurlex/gdpr-2016-679-cons.xhtml"],
  ["the Digital Services Act", "eurlex/dsa-2022-2065.fmx.zip", "eurlex/dsa-2022-2065.xhtml"],
])("%s", (_, formex, xhtml) => {
  it("reads the same from Formex and from XHTML", () => {
    expect(withoutGuids(fixtureDoc(xhtml))).toEqual(withoutGuids(fixtureDoc(formex)));
  });
});
