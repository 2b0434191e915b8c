/*
 * Correcting the alignment in Chromium: the Commission, owner of the dual-use dossier, puts the
 * Council's recital 5 in one row with its own recital 6 from the comparison page, sees the table
 * made again with it, and takes it back, which the Parliament, reading the same table, is told;
 * the NGO, a commenter, reads the corrections without a form to make them. The Commission puts a
 * correction taken back back again; its second tab hears of its change, and a correction saved
 * there against the list as it was is kept in the form for saving again.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { buildClient, hasChromium, launchChromium, signInPage, waitToSay, watchedPage } from "../support/browser";
import { ApiClient, testServer, type TestServer } from "../support/server";
import type { Overrides } from "../../shared/protocol/api";

describe.skipIf(!hasChromium)("alignment corrections in a browser", () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  /** A second tab of the person on `page`. */
  let other: Page;
  const errors: string[] = [];
  /** The dual-use dossier's four stages, Commission proposal first and the reference. */
  const comparisonUrl = () => `${server.url}/#/dossiers/1/compare?versions=1,2,3,4&ref=1`;
  /** The numbers each column shows in the row of the Commission's recital 6. */
  const recital6 = async () => {
    await page.waitForSelector(".rows[data-complete=true]");
    const cells = page.locator('.row[data-label="Recital 6"] .cell');
    return Promise.all(
      [0, 1, 2, 3].map(async (k) =>
        (await cells.nth(k).locator(".num").count()) > 0 ? await cells.nth(k).locator(".num").textContent() : null,
      ),
    );
  };

  const signIn = (username: string, on: Page = page) => signInPage(on, server.url, username);

  beforeAll(async () => {
    await buildClient();
    server = await testServer();
    browser = await launchChromium();
    page = await watchedPage(browser, errors);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("puts two provisions the alignment kept apart in one row, and makes the table again with them", async () => {
    await signIn("commission");
    await page.goto(comparisonUrl());
    expect(await recital6()).toEqual(["(6)", "(6)", null, null]);
    expect(await page.locator(".corrections summary").textContent()).toBe("Alignment corrections (0)");
    await page.click(".corrections summary");
    await page.selectOption("#correct-a-provision", "rec_6");
    await page.selectOption("#correct-b-version", { label: "Council mandate" });
    await page.selectOption("#correct-b-provision", "rec_5");
    // A double click saves once.
    const saves: string[] = [];
    page.on("request", (request) => {
      if (request.method() === "PUT") saves.push(request.url());
    });
    await page.dblclick("form.correct button[type=submit]");
    await page.locator(".corrections summary", { hasText: "(1)" }).waitFor();
    expect(saves).toHaveLength(1);
    expect(await recital6()).toEqual(["(6)", "(6)", "(5)", "(9)"]);
    expect(await page.locator(".correction-list li").textContent()).toMatch(
      /^Commission proposal's Recital 6 put in one row with Council mandate's Recital 5/,
    );
    // Said, and the focus where the change was made, for a keyboard or a screen reader.
    expect(await page.locator(".corrections .saved[role=status]").textContent()).toBe(
      "Saved: Commission proposal's Recital 6 put in one row with Council mandate's Recital 5.",
    );
    await page.waitForFunction(() => document.activeElement?.matches(".corrections summary"));
    // The title and the concluding formulas always stand in one row: not offered.
    expect(await page.locator("#correct-a-provision option").allTextContents()).not.toContainEqual(expect.stringMatching(/^Title/));
  });

  it("offers on its second side provisions of other versions that may share a row with the first", async () => {
    // Recital 6 of the Commission's proposal on the first side: not the proposal again, and recitals alone.
    await page.selectOption("#correct-a-provision", "rec_6");
    expect(await page.locator("#correct-b-version option[disabled]").allTextContents()).toEqual(["Commission proposal"]);
    const kinds = await page.locator("#correct-b-provision option").allTextContents();
    expect(kinds.length).toBeGreaterThan(1);
    expect(kinds.every((k) => k.startsWith("Recital "))).toBe(true);
    // An article on the first side: articles and paragraphs, which may stand in one row with it.
    await page.selectOption("#correct-a-provision", "art_2");
    const withArticle = await page.locator("#correct-b-provision option").allTextContents();
    expect(withArticle.some((k) => k.startsWith("Article 2("))).toBe(true);
    expect(withArticle.some((k) => k.startsWith("Recital "))).toBe(false);
    await page.selectOption("#correct-a-provision", "rec_6");
  });

  it("refuses a correction that would put two provisions of one version in a row, with the server's words", async () => {
    // The Council's recital 5 is already in the row of the proposal's recital 6.
    await page.selectOption("#correct-a-provision", "rec_7");
    await page.selectOption("#correct-b-version", { label: "Council mandate" });
    await page.selectOption("#correct-b-provision", "rec_5");
    await page.click("form.correct button[type=submit]");
    await page.locator(".corrections .error", { hasText: /\S/ }).waitFor();
    expect(await page.locator(".corrections .error").textContent()).toBe(
      "the overrides were not saved: pins 1 and 2 put Recital 6 and Recital 7 of Commission proposal in one row: a row holds one provision of each version",
    );
    expect(await page.locator(".correction-list li").count()).toBe(1);
  });

  it("keeps the form within a phone's width", async () => {
    await page.setViewportSize({ width: 390, height: 800 });
    const selects = await page.locator("form.correct select").evaluateAll((all) => all.map((s) => s.getBoundingClientRect().right));
    await page.setViewportSize({ width: 1400, height: 900 });
    for (const right of selects) expect(right).toBeLessThanOrEqual(390);
  });

  it("shows the NGO the corrections, without a form or a way to take one back", async () => {
    await page.click("#logout");
    await page.waitForSelector("form.login");
    await signIn("ngo");
    await page.goto(comparisonUrl());
    await page.waitForSelector(".rows[data-complete=true]");
    expect(await page.locator(".correction-list li").count()).toBe(1);
    expect(await page.locator("form.correct").count()).toBe(0);
    expect(await page.locator(".take-back").count()).toBe(0);
  });

  it("takes a correction back for its owner, and tells a member reading the table, who sees the table made again on asking", async () => {
    const reader = await watchedPage(browser, errors);
    await signIn("parliament", reader);
    await reader.goto(comparisonUrl());
    await reader.waitForSelector(".rows[data-complete=true]");
    expect(await reader.locator(".corrections summary").textContent()).toBe("Alignment corrections (1)");
    // The Commission's page, still open, takes its correction back.
    await page.click("#logout");
    await page.waitForSelector("form.login");
    await signIn("commission");
    await page.goto(comparisonUrl());
    await page.waitForSelector(".rows[data-complete=true]");
    await page.dblclick(".take-back");
    await page.locator(".corrections summary", { hasText: "(0)" }).waitFor();
    expect(await page.locator(".corrections .saved[role=status]").textContent()).toMatch(/^Taken back: /);
    const said = reader.locator("p.warning", { hasText: "changed the alignment corrections" });
    await said.waitFor();
    expect(await said.locator("span").textContent()).toBe(
      "Commission policy officer changed the alignment corrections since this table was made.",
    );
    await said.locator("button").click();
    await reader.locator(".corrections summary", { hasText: "(0)" }).waitFor();
    expect(await reader.locator("p.warning", { hasText: "changed the alignment corrections" }).isHidden()).toBe(true);
    await reader.close();
    // The Commission's own change said nothing to its own page.
    expect(await page.locator("p.warning", { hasText: "changed the alignment corrections" }).isHidden()).toBe(true);
    expect(await recital6()).toEqual(["(6)", "(6)", null, null]);
    expect(errors).toEqual([]);
  });

  it("marks a correction the table cannot follow, and says why above the table", async () => {
    // Open already after the take-back, which the panel says.
    expect(await page.locator(".corrections").evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    await page.selectOption("#correct-a-provision", "art_4__para_3");
    await page.selectOption("#correct-b-version", { label: "Regulation (EU) 2021/821" });
    await page.selectOption("#correct-b-provision", "art_5__para_3");
    await page.click("form.correct button[type=submit]");
    await page.locator(".corrections summary", { hasText: "(1)" }).waitFor();
    expect(await page.locator(".correction-list li").textContent()).toMatch(/\(not followed: see the warning above the table\)/);
    expect(await page.locator("p.warning", { hasText: "was not followed" }).textContent()).toBe(
      "The correction putting Commission proposal's Article 4(3) in one row with Regulation (EU) 2021/821's Article 5(3) was not followed: " +
        "Commission proposal's Article 4 and Regulation (EU) 2021/821's Article 5, which hold them, stand in different rows; put those in one row first",
    );
    expect(errors).toEqual([]);
  });

  it("puts a correction taken back where it stood in the list, the reader's filters kept through both", async () => {
    const words = await page
      .locator(".correction-list li")
      .first()
      .evaluate((li) => li.firstChild!.textContent);
    await page.check("#changed-only");
    await page.selectOption("#type-filter", "recital");
    const count = await page.locator(".count").textContent();
    expect(count).toMatch(/^\d+ of \d+ rows$/);
    await page.click(".take-back");
    await page.locator(".corrections summary", { hasText: "(0)" }).waitFor();
    await page.click(".corrections .saved button.put-back");
    await page.locator(".corrections summary", { hasText: "(1)" }).waitFor();
    expect(
      await page
        .locator(".correction-list li")
        .first()
        .evaluate((li) => li.firstChild!.textContent),
    ).toBe(words);
    expect(await page.locator(".corrections .saved").textContent()).toBe(`Put back: ${words}.`);
    expect(await page.isChecked("#changed-only")).toBe(true);
    expect(await page.inputValue("#type-filter")).toBe("recital");
    await page.waitForSelector(".rows[data-complete=true]");
    expect(await page.locator(".count").textContent()).toBe(count);
    // The filters are in the address: a reload, or the address sent to someone, shows the same rows.
    expect(new URL(page.url()).hash).toBe("#/dossiers/1/compare?versions=1,2,3,4&ref=1&changed=1&kind=recital");
    await page.reload();
    await page.waitForSelector(".rows[data-complete=true]");
    expect([await page.isChecked("#changed-only"), await page.inputValue("#type-filter")]).toEqual([true, "recital"]);
    expect(await page.locator(".count").textContent()).toBe(count);
    // Words typed are written there once typing pauses; a filter let go leaves the address.
    await page.fill("#search", "human rights");
    await page.uncheck("#changed-only");
    await page.waitForFunction(() => location.hash.endsWith("&kind=recital&words=human+rights"));
    // A new visit starts with every row.
    await page.goto(`${server.url}/#/dossiers`);
    await page.goto(comparisonUrl());
    await page.waitForSelector(".rows[data-complete=true]");
    expect(await page.isChecked("#changed-only")).toBe(false);
  });

  it("tells the same person's other tab of a change they made, and not the tab that made it", async () => {
    other = await watchedPage(page.context(), errors);
    await other.goto(comparisonUrl());
    await other.waitForSelector(".rows[data-complete=true]");
    await page.click(".take-back");
    await page.locator(".corrections summary", { hasText: "(0)" }).waitFor();
    const said = other.locator("p.warning", { hasText: "changed the alignment corrections" });
    await said.waitFor();
    expect(await said.locator("span").textContent()).toBe(
      "You changed the alignment corrections elsewhere (in another window or tab) since this table was made.",
    );
    await page.waitForSelector(".rows[data-complete=true]");
    expect(await page.locator("p.warning", { hasText: "changed the alignment corrections" }).isHidden()).toBe(true);
  });

  it("keeps a correction saved against a list changed meanwhile in the form, and shows the list as it now is", async () => {
    // The other tab still shows the list of one correction that the first tab took back.
    // Open, as the list has a correction.
    expect(await other.locator(".corrections summary").textContent()).toBe("Alignment corrections (1)");
    await other.selectOption("#correct-a-provision", "rec_6");
    await other.selectOption("#correct-b-version", { label: "Council mandate" });
    await other.selectOption("#correct-b-provision", "rec_5");
    await other.click("form.correct button[type=submit]");
    await other.locator(".corrections summary", { hasText: "(0)" }).waitFor();
    expect(await other.locator(".corrections .saved").textContent()).toBe(
      "Not saved: the corrections were changed meanwhile. Here they are as they now are; your correction is still in the form.",
    );
    expect(await other.locator("#correct-a-provision").inputValue()).toBe("rec_6");
    expect(await other.locator("#correct-b-version option:checked").textContent()).toBe("Council mandate");
    expect(await other.locator("#correct-b-provision").inputValue()).toBe("rec_5");
    await other.click("form.correct button[type=submit]");
    await other.locator(".corrections summary", { hasText: "(1)" }).waitFor();
    expect(await other.locator(".correction-list li").textContent()).toMatch(
      /^Commission proposal's Recital 6 put in one row with Council mandate's Recital 5/,
    );
    expect(errors).toEqual([]);
  });

  it("names a provision of a version that is not a column by its citation, not its eId", async () => {
    await other.goto(`${server.url}/#/dossiers/1/compare?versions=1,2&ref=1`);
    await other.waitForSelector(".rows[data-complete=true]");
    expect(await other.locator(".correction-list li").textContent()).toMatch(
      /^Commission proposal's Recital 6 put in one row with Council mandate's Recital 5/,
    );
    expect(errors).toEqual([]);
  });

  it("says in words that a correction was not saved because the session ended, and the header follows", async () => {
    await page.goto(comparisonUrl());
    await page.reload();
    await page.waitForSelector(".rows[data-complete=true]");
    // The session ends without this browser's doing (it expired, or was closed elsewhere).
    expect(await other.evaluate(() => fetch("/api/session", { method: "DELETE" }).then((r) => r.status))).toBe(204);
    await page.click(".take-back");
    await page.locator(".corrections .error", { hasText: /\S/ }).waitFor();
    expect(await page.locator(".corrections .error").textContent()).toBe(
      "Not saved: your session has ended. Sign in again, then make the change once more.",
    );
    expect(await page.locator("#who").textContent()).toBe("Signed out: sign in again");
    // Signing in again from there comes back to this comparison.
    expect(await page.locator("#who a").getAttribute("href")).toBe(`#/login?then=${encodeURIComponent(new URL(comparisonUrl()).hash)}`);
    expect(errors).toEqual([]);
  });

  it("shows a tab as the person who signs in in another tab of the browser, at once", async () => {
    await signIn("parliament", other);
    await page.locator("#who", { hasText: "Parliament" }).waitFor();
    expect(await page.locator("#who").textContent()).toBe(await other.locator("#who").textContent());
    // Its page shown anew for them: the comparison, without the refusal the Commission's session had.
    await page.waitForSelector(".rows[data-complete=true]");
    expect(await page.locator(".corrections .error").textContent()).toBe("");
    // And signing out there signs this tab out too.
    await other.click("#logout");
    await page.waitForSelector("form.login");
    // Signed in there again, this tab, asking for a sign-in, goes back to the comparison it was on.
    await signIn("commission", other);
    await page.waitForSelector(".rows[data-complete=true]");
    expect(page.url()).toBe(comparisonUrl());
    expect(await page.locator("#who").textContent()).toBe(await other.locator("#who").textContent());
    expect(errors).toEqual([]);
  });
  it("comes back to the page it was asked for once signed in, when the session had ended", async () => {
    expect(await other.evaluate(() => fetch("/api/session", { method: "DELETE" }).then((r) => r.status))).toBe(204);
    await page.goto(comparisonUrl());
    await page.reload();
    await page.waitForSelector("form.login");
    await page.fill("#username", "commission");
    await page.fill("#password", "demo");
    await page.click("button[type=submit]");
    await page.waitForSelector(".rows[data-complete=true]");
    expect(page.url()).toBe(comparisonUrl());
    expect(errors).toEqual([]);
  });

  it("says in words what is wrong with an address that names no dossier or no versions", async () => {
    await page.goto(`${server.url}/#/dossiers/abc`);
    await page.locator(".error", { hasText: /\S/ }).waitFor();
    expect(await page.locator(".error").textContent()).toBe(
      "There is no dossier “abc”: a dossier's address has its number, as #/dossiers/1.",
    );
    await page.goto(`${server.url}/#/dossiers/1/compare`);
    await page.locator(".error", { hasText: "names no versions" }).waitFor();
    expect(await page.locator(".error").textContent()).toBe(
      "This address names no versions to compare: choose two to six on the dossier's page.",
    );
    expect(await page.locator("a", { hasText: "Back to the dossier" }).first().getAttribute("href")).toBe("#/dossiers/1");
    expect(errors).toEqual([]);
  });

  it("tells a table of corrections among its versions saved before its news reached it, and not of corrections between others", async () => {
    // The Parliament, a drafter, corrects the alignment from elsewhere, against the list as it is.
    const parliament = await new ApiClient(server.url).signIn("parliament");
    const save = async (change: (list: Overrides) => Overrides) => {
      const list = (await parliament.request<{ dossier: { overrides: Overrides } }>("GET", "/api/dossiers/1")).body.dossier.overrides;
      const answer = await parliament.request("PUT", "/api/dossiers/1/overrides", { overrides: change(list), expected: list });
      expect(answer.status).toBe(200);
    };
    // The NGO's table of the first two versions, whose live connection is held back until let through: the table comes first.
    const heldBack = async () => {
      const reader = await watchedPage(browser, errors);
      let letThrough!: () => void;
      const gate = new Promise<void>((resolve) => (letThrough = resolve));
      // Its WebSocket, and long-polling should it come to that.
      await reader.routeWebSocket(/\/socket\.io\//, async (socket) => {
        await gate;
        socket.connectToServer();
      });
      await reader.route("**/socket.io/**", async (route) => {
        await gate;
        await route.continue();
      });
      await signIn("ngo", reader);
      await reader.goto(`${server.url}/#/dossiers/1/compare?versions=1,2&ref=1`);
      await reader.waitForSelector(".rows[data-complete=true]");
      return { reader, letThrough };
    };
    const notice = "p.warning:has(button.show-again)";

    // A correction between the table's versions, saved after it was made and before the page joined the dossier's news.
    const early = await heldBack();
    expect(await early.reader.locator(notice).isHidden()).toBe(true);
    await save((list) => [...list, { kind: "pin", a: { version: 1, eId: "rec_7" }, b: { version: 2, eId: "rec_7" } }]);
    early.letThrough();
    await waitToSay(early.reader, notice, "The alignment corrections were changed since this table was made.");
    await early.reader.close();

    // The Council's correction taken back (the Commission's recital 6 with the Council's recital 5): not this table's.
    const other = await heldBack();
    const lookedAgain = other.reader.waitForEvent("requestfinished", (r) => r.method() === "GET" && r.url().endsWith("/api/dossiers/1"));
    await save((list) => list.filter((o) => o.b.version !== 3));
    other.letThrough();
    await lookedAgain;
    await other.reader.evaluate(() => new Promise((resolve) => setTimeout(resolve, 200)));
    expect(await other.reader.locator(notice).isHidden()).toBe(true);
    // Live now: a correction among its versions is told, and by whom.
    await save((list) => list.filter((o) => o.b.version !== 2));
    await waitToSay(other.reader, notice, "Parliament staffer changed the alignment corrections since this table was made.");
    await other.reader.close();
    expect(errors).toEqual([]);
  });

  it("lists and says a correction saved between the making of the table and the reading of the dossier", async () => {
    const parliament = await new ApiClient(server.url).signIn("parliament");
    const list = (await parliament.request<{ dossier: { overrides: Overrides } }>("GET", "/api/dossiers/1")).body.dossier.overrides;
    const reader = await watchedPage(browser, errors);
    // The dossier is read once the table is in: held back until the correction is saved.
    let letThrough!: () => void;
    const gate = new Promise<void>((resolve) => (letThrough = resolve));
    let tableIn!: () => void;
    const asked = new Promise<void>((resolve) => (tableIn = resolve));
    await reader.route("**/api/dossiers/1", async (route) => {
      tableIn();
      await gate;
      await route.continue();
    });
    await signIn("ngo", reader);
    await reader.goto(`${server.url}/#/dossiers/1/compare?versions=1,2&ref=1`);
    await asked;
    const pin = { kind: "pin", a: { version: 1, eId: "rec_7" }, b: { version: 2, eId: "rec_7" } } as const;
    const saved = await parliament.request("PUT", "/api/dossiers/1/overrides", { overrides: [...list, pin], expected: list });
    expect(saved.status).toBe(200);
    letThrough();
    await reader.waitForSelector(".rows[data-complete=true]");
    // Heard, or found on reading the dossier: either way said, and the panel lists it.
    await waitToSay(reader, "p.warning:has(button.show-again)", "since this table was made");
    expect(await reader.locator(".corrections summary").textContent()).toBe(`Alignment corrections (${list.length + 1})`);
    await reader.close();
    expect(errors).toEqual([]);
  });
});
