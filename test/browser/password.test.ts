/*
 * Changing one's password in Chromium: the Parliament's staffer, the dual-use dossier open, opens
 * *Change password* from the header, is told in words when the current password is wrong (and
 * taken back to it) or the repeat differs, changes it, and is told that their session in another
 * browser ended; their page stays live under the session's new token, the other browser is
 * asked to sign in again, and the new password signs in. A session that ended meanwhile is said
 * in the page and the header. The page passes axe's checks.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { buildClient, hasChromium, launchChromium, signInPage, waitToSay, watchedPage } from "../support/browser";
import { addTextVersion, ApiClient, testServer, type TestServer } from "../support/server";
import { accessibilityFaults } from "../support/accessibility";

describe.skipIf(!hasChromium)("changing one's password in a browser", () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  /** The same person in another browser. */
  let elsewhere: Page;
  const errors: string[] = [];
  const NEW_PASSWORD = "a long new passphrase";

  beforeAll(async () => {
    await buildClient();
    server = await testServer();
    browser = await launchChromium();
    page = await watchedPage(browser, errors);
    elsewhere = await watchedPage(browser, errors);
    await signInPage(page, server.url, "parliament");
    await signInPage(elsewhere, server.url, "parliament");
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const fill = async (current: string, next: string, again: string) => {
    await page.fill("#current-password", current);
    await page.fill("#new-password", next);
    await page.fill("#repeat-password", again);
    await page.click(".password-change button[type=submit]");
  };

  it("opens from the header, with the current password's field focused, and passes axe's checks", async () => {
    // The dossier's page first: its live connection is the one the change of token must keep.
    await page.goto(`${server.url}/#/dossiers/1`);
    await page.waitForSelector("form.choose");
    await page.click("text=Change password");
    await page.waitForSelector("form.password-change");
    expect(await page.title()).toBe("Change your password · Synopsis");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("current-password");
    expect(await accessibilityFaults(page)).toEqual([]);
  });

  it("says so when the current password is wrong, or the repeat differs, and changes nothing", async () => {
    await fill("not the password", NEW_PASSWORD, NEW_PASSWORD);
    await waitToSay(page, ".password-change .error", "The current password is wrong.");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("current-password");
    expect(await page.getAttribute("#current-password", "aria-invalid")).toBe("true");
    await fill("demo", NEW_PASSWORD, `${NEW_PASSWORD}!`);
    await waitToSay(page, ".password-change .error", "The new password and its repeat differ.");
    expect(await page.locator(".password-change .done").textContent()).toBe("");
    // Too short for the browser to send: the browser says so, and the page no longer says they differ.
    await fill("demo", "short", "short");
    await expect.poll(() => page.locator(".password-change .error").textContent()).toBe("");
    expect(await page.evaluate(() => (document.querySelector("#new-password") as HTMLInputElement).validity.tooShort)).toBe(true);
  });

  it("changes it, and says that the session in the other browser ended, which is then asked to sign in", async () => {
    await fill("demo", NEW_PASSWORD, NEW_PASSWORD);
    await waitToSay(
      page,
      ".password-change .done",
      "Your password was changed, and your other session was ended: sign in there with the new password.",
    );
    expect(await page.locator(".password-change .error").textContent()).toBe("");
    expect(await page.inputValue("#current-password")).toBe("");
    expect(await page.getAttribute("#current-password", "aria-invalid")).toBeNull();
    // Still signed in here, and the dossier's page live: it shows a version another member adds.
    await page.goto(`${server.url}/#/dossiers/1`);
    await page.waitForSelector("form.choose");
    const commission = await new ApiClient(server.url).signIn("commission");
    expect((await addTextVersion(commission, 1, "Added after the change", "Article 1\nWords.\n")).status).toBe(201);
    await page.waitForSelector(".version >> text=Added after the change");
    await elsewhere.reload();
    await elsewhere.waitForSelector("form.login");
  });

  it("says in the page and the header that the session ended, when it ended before the change was asked for", async () => {
    await page.click("text=Change password");
    await page.waitForSelector("form.password-change");
    await page.context().clearCookies();
    await fill(NEW_PASSWORD, "another long passphrase", "another long passphrase");
    await waitToSay(page, ".password-change .error", "Your session has ended: sign in again, then change your password.");
    await waitToSay(page, "#who", "Signed out: sign in again");
    expect(await page.locator("#password-link").isHidden()).toBe(true);
  });

  it("signs in with the new password, and no more with the old", async () => {
    await elsewhere.fill("#username", "parliament");
    await elsewhere.fill("#password", "demo");
    await elsewhere.click("button[type=submit]");
    await waitToSay(elsewhere, ".login .error", "The username or the password is wrong.");
    await elsewhere.fill("#password", NEW_PASSWORD);
    await elsewhere.click("button[type=submit]");
    await elsewhere.waitForSelector("ul.dossiers a");
    expect(errors).toEqual([]);
  });
});
