/*
 * A staffer who opens an act on EUR-Lex and saves the page from the browser gets HTML, not the
 * XHTML EUR-Lex sent: EUR-Lex serves it as text/html, the browser parses it as HTML, and saves
 * what it parsed that way ("<meta …>" left open, tables given a <tbody>). Read, it is the same
 * act, word for word, as the file EUR-Lex sent.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Node } from "prosemirror-model";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readXhtml } from "../../shared/formats/xhtml/index";
import { hasChromium, launchChromium } from "../support/browser";
import { FIXTURES } from "../support/fixtures";

function withoutGuids(doc: Node): unknown {
  return JSON.parse(JSON.stringify(doc.toJSON(), (key: string, value: unknown) => (key === "guid" ? undefined : value)));
}

describe.skipIf(!hasChromium)("an act's page saved from Chromium", () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  /** The page as Chromium holds it once EUR-Lex has served the file as text/html, written out as HTML. */
  async function savedFromChromium(file: string): Promise<string> {
    const page = await browser.newPage();
    await page.route("https://eur-lex.europa.eu/**", (route) =>
      route.fulfill({ contentType: "text/html; charset=UTF-8", body: readFileSync(join(FIXTURES, "eurlex", file)) }),
    );
    await page.goto(`https://eur-lex.europa.eu/legal-content/EN/TXT/HTML/${file}`);
    const html = await page.evaluate(() => `<!DOCTYPE html>\n${document.documentElement.outerHTML}`);
    await page.close();
    return html;
  }

  it.each(["gdpr-2016-679.xhtml", "dsa-2022-2065.xhtml"])(
    "reads %s as saved into the same document as the file",
    async (file) => {
      const saved = await savedFromChromium(file);
      // What makes it HTML and not XML: an element left open, and a table body the browser added.
      expect(saved).toMatch(/<meta [^>]*[^/]>/);
      expect(saved).toContain("<tbody>");
      const read = readXhtml(saved, `${file}.html`);
      expect(read.warnings.map((w) => w.message)).toEqual([expect.stringMatching(/^not well-formed XML: .*; read as an HTML page/)]);
      expect(withoutGuids(read.doc)).toEqual(withoutGuids(readXhtml(readFileSync(join(FIXTURES, "eurlex", file), "utf8"), file).doc));
    },
    60_000,
  );
});
