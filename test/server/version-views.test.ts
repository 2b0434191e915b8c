/*
 * What is served of a stored version (its outline, its Akoma Ntoso, the provisions corrections
 * may name) is made on a worker thread from the document as stored, and comes back as making it
 * in-process gives it. A view kept from before its version was removed is not served, and a
 * version whose reading outgrows the worker is refused as too large while the next is read.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { alignableProvisions } from "../../shared/compare/override-check";
import { readDocument } from "../../shared/formats/read";
import { outline } from "../../shared/model/outline";
import type { Store, VersionRecord } from "../../server/storage/store";
import { VersionViews } from "../../server/versions/version-views";
import { FIXTURES } from "../support/fixtures";
import { article, paragraph, testAct } from "../support/acts";

/** The versions of dossier 1 by id, as the store gives them: a record, and the document as stored. */
const stored = new Map<number, string>();
/** The documents read from the store, by version: each is read to make a view, and only then. */
const read: number[] = [];
const store: Pick<Store, "version" | "versionDocument"> = {
  version: (dossierId, versionId) =>
    Promise.resolve(dossierId === 1 && stored.has(versionId) ? ({ id: versionId, dossierId } as VersionRecord) : null),
  versionDocument: (dossierId, versionId) => {
    read.push(versionId);
    return Promise.resolve(dossierId === 1 ? (stored.get(versionId) ?? null) : null);
  },
};

const eprivacy = readDocument({
  bytes: new Uint8Array(readFileSync(join(FIXTURES, "eurlex", "eprivacy-2002-58-cons-2009.fmx.xml"))),
  file: "eprivacy-2002-58-cons-2009.fmx.xml",
}).doc;
stored.set(1, JSON.stringify(eprivacy.toJSON()));

/** An act of 60,000 articles: about 13 MB as stored, more than a worker of 32 MiB can parse. */
const huge = testAct({
  body: Array.from({ length: 60_000 }, (_, i) =>
    article(`${i + 1}`, null, paragraph("1.", `The exporter shall apply for an authorisation for the items of list ${i}.`)),
  ),
});

const views = new VersionViews(store, { memoryMiB: 32 });
afterAll(() => views.close());

describe("the views of a stored version", () => {
  it("gives the outline as JSON text, the same as the document's outline made in-process", async () => {
    const text = await views.outline(1, 1);
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(outline(eprivacy))));
    expect((JSON.parse(text) as { provisions: { type: string }[] }).provisions.filter((p) => p.type === "article")).toHaveLength(23);
  });

  it("gives the Akoma Ntoso of the version", async () => {
    const xml = await views.akn(1, 1);
    expect(xml).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\s*<akomaNtoso /);
    expect(xml).toContain('eId="art_15a"');
  });

  it("gives the provisions corrections may name, by eId, as found in-process", async () => {
    const provisions = await views.provisions(1, 1);
    expect(provisions).toEqual(alignableProvisions(eprivacy));
    expect(provisions.get("art_14a")).toEqual({ type: "article", label: "Article 14a" });
  });

  it("makes a view once, for requests that come together and for those that come after", async () => {
    stored.set(5, JSON.stringify(eprivacy.toJSON()));
    read.length = 0;
    const together = await Promise.all([views.outline(1, 5), views.outline(1, 5), views.akn(1, 5), views.akn(1, 5)]);
    expect(await views.outline(1, 5)).toBe(together[0]);
    expect(await views.akn(1, 5)).toBe(together[2]);
    expect(together[1]).toBe(together[0]);
    expect(read).toEqual([5, 5]);
    // Written today, and said so.
    expect(together[2]).toContain(`<FRBRdate date="${new Date().toISOString().slice(0, 10)}" name="generation"/>`);
  });

  it("does not serve a view kept from before its version was removed", async () => {
    stored.set(2, JSON.stringify(eprivacy.toJSON()));
    expect(await views.outline(1, 2)).toBe(await views.outline(1, 1));
    stored.delete(2);
    await expect(views.outline(1, 2)).rejects.toMatchObject({ status: 404, message: "no version 2 in dossier 1" });
    await expect(views.outline(2, 1)).rejects.toMatchObject({ status: 404, message: "no version 1 in dossier 2" });
  });

  it("says so when the document stored is not one", async () => {
    stored.set(3, '{"type": "doc", "content": [{"type": "article"');
    await expect(views.outline(1, 3)).rejects.toThrow(/^the version could not be read: .*JSON/);
    stored.set(3, '{"type": "no such node"}');
    await expect(views.outline(1, 3)).rejects.toThrow("the version could not be read: Unknown node type: no such node");
  });

  it("refuses a version whose reading needs more memory than the worker may use, and reads the next", async () => {
    stored.set(4, JSON.stringify(huge.toJSON()));
    const failure = views.outline(1, 4);
    const behind = views.provisions(1, 1);
    await expect(failure).rejects.toMatchObject({
      status: 503,
      code: "version-too-large",
      message:
        "version 4 could not be read within the server's bounds: the version view needed more memory than its worker may use (32 MiB)",
    });
    expect((await behind).size).toBe(alignableProvisions(eprivacy).size);
  }, 60_000);
});
