/*
 * The comparison's HTML file in Chromium, as a staffer opens and prints it: the column heads
 * stay in view on screen, and in print they are the table's own head, repeated on every page,
 * even when the page was scrolled before printing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { compareVersions } from "../../shared/compare/comparison";
import { comparisonHtml } from "../../shared/compare/comparison-html";
import { hasChromium, launchChromium } from "../support/browser";
import { DUAL_USE_STAGES, fixtureDoc } from "../support/fixtures";

describe.skipIf(!hasChromium)("the comparison's HTML file in a browser", () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
    const comparison = compareVersions(
      [fixtureDoc("eurlex/eprivacy-2002-58-cons-2006.fmx.xml"), fixtureDoc("eurlex/eprivacy-2002-58-cons-2009.fmx.xml")],
      { names: ["2006", "2009"] },
    );
    await page.setContent(comparisonHtml(comparison));
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  const head = () =>
    page.evaluate(() => {
      const th = document.querySelector("table.comparison thead th")!;
      return { position: getComputedStyle(th).position, top: Math.round(th.getBoundingClientRect().top) };
    });

  it("keeps the column heads at the top of the window while the table scrolls", async () => {
    await page.evaluate(() => window.scrollTo(0, 6000));
    expect(await head()).toEqual({ position: "sticky", top: 0 });
  });

  it("heads each row with its provision's label, so that a screen reader reading down a column names the provision", async () => {
    const semantics = await page.evaluate(() => ({
      rows: document.querySelectorAll("table.comparison tbody tr").length,
      rowHeads: document.querySelectorAll('table.comparison tbody tr > th[scope="row"]:first-child').length,
      columnHeads: document.querySelectorAll('table.comparison thead th[scope="col"]').length,
      firstRowHead: document.querySelector("table.comparison tbody th")!.textContent,
      inMain: document.querySelector("main table.comparison") !== null,
    }));
    expect(semantics.rowHeads).toBe(semantics.rows);
    expect(semantics.columnHeads).toBe(3);
    expect(semantics.firstRowHead).toBe("Title");
    expect(semantics.inMain).toBe(true);
  });

  it("prints the heads as the table's head, not stuck where the window was scrolled to", async () => {
    await page.emulateMedia({ media: "print" });
    const printed = await page.evaluate(() => ({
      position: getComputedStyle(document.querySelector("table.comparison thead th")!).position,
      head: getComputedStyle(document.querySelector("table.comparison thead")!).display,
      // Without colours, an added comma is told by more than an underline.
      added: getComputedStyle(document.querySelector("ins")!).fontWeight,
    }));
    await page.emulateMedia({ media: "screen" });
    expect(printed).toEqual({ position: "static", head: "table-header-group", added: "700" });
  });
});

describe.skipIf(!hasChromium)("the comparison's HTML file on a phone", () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    const comparison = compareVersions(
      DUAL_USE_STAGES.map(([, path]) => fixtureDoc(path)),
      { names: DUAL_USE_STAGES.map(([name]) => name) },
    );
    await page.setContent(comparisonHtml(comparison));
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it("keeps four columns wide enough to read, the page scrolling sideways with the labels in view", async () => {
    const layout = await page.evaluate(() => {
      const heads = [...document.querySelectorAll("table.comparison thead th")].map((th) => th.getBoundingClientRect().width);
      const em = parseFloat(getComputedStyle(document.body).fontSize);
      window.scrollTo(600, 3000);
      const label = document.querySelector("table.comparison tbody tr:nth-child(20) th.label")!;
      return {
        narrowestText: Math.min(...heads.slice(1)) / em,
        scrolls: document.documentElement.scrollWidth > window.innerWidth,
        labelLeft: Math.round(label.getBoundingClientRect().left),
      };
    });
    expect(layout.narrowestText).toBeGreaterThanOrEqual(14);
    expect(layout.scrolls).toBe(true);
    expect(layout.labelLeft).toBe(0);
  });
});
