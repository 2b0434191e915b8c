/*
 * Debian's Chromium driven by playwright-core for browser tests, launched headless with an empty
 * profile. Without /usr/bin/chromium the browser tests are skipped with a reason, but never
 * under CI, where they must run.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { build } from "vite";

export const CHROMIUM = "/usr/bin/chromium";
export const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  if (process.env.CI) throw new Error(`browser tests need Chromium at ${CHROMIUM} under CI: apt-get install chromium`);
  console.warn(`Chromium not found at ${CHROMIUM}: browser tests are skipped (apt-get install chromium)`);
}

/** Chromium with a new, empty profile (playwright makes a temporary one for every launch). */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/** Builds the browser app into dist/client, where the server serves it from. */
export async function buildClient(): Promise<void> {
  await build({ configFile: join(import.meta.dirname, "../../client/vite.config.ts"), logLevel: "warn" });
}

/**
 * A desktop-sized page whose script errors, and whose refusals by the Content Security Policy,
 * are collected in `errors`: a test ends by expecting none. Opened from a browser, it is a new
 * visitor's; from a page's context, another tab of that page's visitor, with their cookies.
 */
export async function watchedPage(from: Browser | BrowserContext, errors: string[]): Promise<Page> {
  const context = "newContext" in from ? await from.newContext({ viewport: { width: 1400, height: 900 } }) : from;
  const page = await context.newPage();
  const said: string[] = [];
  consoles.set(page, said);
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    said.push(`${new Date().toISOString().slice(11, 23)} ${m.type()}: ${m.text()}`);
    if (m.type() === "error" && /Content Security Policy/.test(m.text())) errors.push(m.text());
  });
  return page;
}

/** Signs the page in as a demonstration user, through the sign-in form at `base`, and waits for the list of dossiers. */
export async function signInPage(page: Page, base: string, username: string): Promise<void> {
  await page.goto(`${base}/#/login`);
  await page.fill("#username", username);
  await page.fill("#password", "demo");
  await page.click("button[type=submit]");
  await page.waitForSelector("ul.dossiers");
}

/** What each watched page wrote to its console, with the time: told when a wait for it fails. */
const consoles = new WeakMap<Page, string[]>();

/**
 * Waits until an element of `selector` on the page says `text`. Past the timeout, the error says
 * what those elements said instead (hidden or not) and the last lines of the page's console.
 */
export async function waitToSay(page: Page, selector: string, text: string, timeout = 30_000): Promise<void> {
  try {
    await page.locator(selector, { hasText: text }).waitFor({ timeout });
  } catch (err) {
    const shown = await page
      .locator(selector)
      .evaluateAll((elements) => elements.map((e) => `${(e as HTMLElement).hidden ? "(hidden) " : ""}${e.textContent ?? ""}`))
      .catch((e: unknown) => [`(could not be read: ${String(e)})`]);
    const logged = (consoles.get(page) ?? []).slice(-20);
    throw new Error(
      `${page.url()} did not say "${text}" in ${selector} within ${timeout} ms. ` +
        `It said: ${JSON.stringify(shown)}. Its console, last lines: ${logged.length > 0 ? `\n${logged.join("\n")}` : "nothing"}`,
      { cause: err },
    );
  }
}

export const TEST_OUTPUT = join(import.meta.dirname, "../../test-output");
