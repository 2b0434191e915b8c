/*
 * The pages as axe-core checks them against WCAG 2.2 A and AA and its best practices: the sign-in
 * form with its error, the NGO's list of dossiers, the dual-use dossier as its owner sees it with
 * its forms, the four-column comparison with its corrections open and its filters set, on a
 * desktop and on a phone, and the comparison's HTML file a staffer saves. Each page is checked
 * in the state a person brings it to, as axe sees only what is on the page.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { buildClient, hasChromium, launchChromium, signInPage, watchedPage } from "../support/browser";
import { testServer, type TestServer } from "../support/server";
import { accessibilityFaults } from "../support/accessibility";
import { compareVersions } from "../../shared/compare/comparison";
import { comparisonHtml } from "../../shared/compare/comparison-html";
import { DUAL_USE_STAGES, fixtureDoc } from "../support/fixtures";

/** A desktop's window, and a phone's, in CSS pixels. */
/** Whether the reference's words in the statistics ("65 provisions, which…") start inside the statistics' frame as it is scrolled. */
const referenceWordsShown = (page: Page) =>
  page.evaluate(() => {
    const frame = document.querySelector(".statistics")!.getBoundingClientRect();
    const words = document.createRange();
    words.selectNodeContents(document.querySelector(".statistics td.reference")!);
    const start = words.getClientRects()[0]!;
    return start.left >= frame.left && start.left < frame.right - 20;
  });

const DESKTOP = { width: 1400, height: 900 };
const PHONE = { width: 390, height: 800 };

describe.skipIf(!hasChromium)("the pages against WCAG 2.2 A and AA (axe-core)", () => {
  let server: TestServer;
  let browser: Browser;
  const errors: string[] = [];

  beforeAll(async () => {
    await buildClient();
    server = await testServer();
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const pageOf = async (viewport: { width: number; height: number }): Promise<Page> => {
    // A context of its own, closed with the browser.
    return watchedPage(await browser.newContext({ viewport }), errors);
  };

  /** The dual-use dossier's four stages compared, the Commission's proposal the reference, with the alignment corrections open. */
  const comparisonWithCorrectionsOpen = async (page: Page) => {
    await page.goto(`${server.url}/#/dossiers/1/compare?versions=1,2,3,4&ref=1`);
    await page.waitForSelector(".rows[data-complete=true]");
    await page.click(".corrections summary");
    await page.waitForSelector("#correct-a-provision");
  };

  it("finds nothing wrong with the sign-in form showing a refusal", async () => {
    const page = await pageOf(DESKTOP);
    await page.goto(`${server.url}/#/login`);
    await page.fill("#username", "ngo");
    await page.fill("#password", "not the password");
    await page.click("button[type=submit]");
    await page.locator(".login .error", { hasText: /\S/ }).waitFor();
    expect(await accessibilityFaults(page)).toEqual([]);
  });

  it("finds nothing wrong with the list of dossiers", async () => {
    const page = await pageOf(DESKTOP);
    await signInPage(page, server.url, "ngo");
    expect(await accessibilityFaults(page)).toEqual([]);
  });

  it("finds nothing wrong with a dossier's page as its owner sees it, with the forms to add versions and members", async () => {
    const page = await pageOf(DESKTOP);
    await signInPage(page, server.url, "commission");
    await page.goto(`${server.url}/#/dossiers/1`);
    await page.waitForSelector("form.choose");
    await page.waitForSelector("input[type=file]");
    expect(await accessibilityFaults(page)).toEqual([]);
  });

  it("finds nothing wrong with the four-column comparison, its corrections open and its rows filtered, its statistics a tab stop only when they scroll", async () => {
    const page = await pageOf(DESKTOP);
    await signInPage(page, server.url, "commission");
    await comparisonWithCorrectionsOpen(page);
    await page.check("#changed-only");
    await page.locator("p.filtered", { hasText: "changed only" }).waitFor({ state: "attached" });
    expect(await accessibilityFaults(page)).toEqual([]);
    // The statistics fit a desktop's width: no tab stop there, until the window is narrowed.
    const statistics = page.getByRole("region", { name: "Statistics" });
    expect(await statistics.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(false);
    expect(await statistics.getAttribute("tabindex")).toBeNull();
    await page.setViewportSize(PHONE);
    await expect.poll(() => statistics.getAttribute("tabindex")).toBe("0");
  });

  it("finds nothing wrong with the comparison on a phone, where the statistics scroll sideways in a region named and reached with Tab", async () => {
    const page = await pageOf(PHONE);
    await signInPage(page, server.url, "commission");
    await comparisonWithCorrectionsOpen(page);
    const statistics = page.getByRole("region", { name: "Statistics" });
    expect(await statistics.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    await expect.poll(() => statistics.getAttribute("tabindex")).toBe("0");
    // The next stop after the way back to the dossier, and scrolled by the arrow keys there.
    await page.focus("text=← Dossier");
    await page.keyboard.press("Tab");
    expect(await statistics.evaluate((el) => el === document.activeElement)).toBe(true);
    // Before it is scrolled, the reference's words start where the region shows them.
    expect(await referenceWordsShown(page)).toBe(true);
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => statistics.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    expect(await accessibilityFaults(page)).toEqual([]);
  });

  it("finds nothing wrong with the comparison's HTML file, on a desktop and on a phone", async () => {
    const comparison = compareVersions(
      DUAL_USE_STAGES.map(([, path]) => fixtureDoc(path)),
      { names: DUAL_USE_STAGES.map(([name]) => name) },
    );
    const html = comparisonHtml(comparison);
    for (const viewport of [DESKTOP, PHONE]) {
      const page = await pageOf(viewport);
      await page.setContent(html);
      expect(await page.getByRole("region", { name: "Statistics" }).getAttribute("tabindex")).toBe("0");
      expect(await referenceWordsShown(page), `at ${viewport.width} pixels wide`).toBe(true);
      expect(await accessibilityFaults(page), `at ${viewport.width} pixels wide`).toEqual([]);
    }
  });

  it("met no script error on any page", () => {
    expect(errors).toEqual([]);
  });
});
