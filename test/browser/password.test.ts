/*
 * Changing one's password in Chromium: the Parliament's staffer opens *Change password* from the
 * header, is told in words when the current password is wrong or the repeat differs, changes it,
 * and is told that their session in another browser ended; that browser is asked to sign in
 * again, and the new password signs in. The page passes axe's checks.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { buildClient, hasChromium, launchChromium, signInPage, waitToSay, watchedPage } from "../support/browser";
import { testServer, type TestServer } from "../support/server";
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
    await page.click("text=Change password");
    await page.waitForSelector("form.password-change");
    expect(await page.title()).toBe("Change your password · Synopsis");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("current-password");
    expect(await accessibilityFaults(page)).toEqual([]);
  });

  it("says so when the current password is wrong, or the repeat differs, and changes nothing", async () => {
    await fill("not the password", NEW_PASSWORD, NEW_PASSWORD);
    await waitToSay(page, ".password-change .error", "The current password is wrong.");
    await fill("demo", NEW_PASSWORD, `${NEW_PASSWORD}!`);
    await waitToSay(page, ".password-change .error", "The new password and its repeat differ.");
    expect(await page.locator(".password-change .done").textContent()).toBe("");
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
    // Still signed in here.
    await page.click("text=Synopsis");
    await page.waitForSelector("ul.dossiers a");
    await elsewhere.reload();
    await elsewhere.waitForSelector("form.login");
  });

  it("signs in with the new password, and no more with the old", async () => {
    await elsewhere.fill("#username", "parliament");
    await elsewhere.fill("#password", "demo");
    await elsewhere.click("button[type=submit]");
    await waitToSay(elsewhere, ".login .error", "the username or the password is wrong");
    await elsewhere.fill("#password", NEW_PASSWORD);
    await elsewhere.click("button[type=submit]");
    await elsewhere.waitForSelector("ul.dossiers a");
    expect(errors).toEqual([]);
  });
});
