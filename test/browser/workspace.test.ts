/*
 * A person's way through the workspace in Chromium: sign in as the NGO analyst, open the dual-use
 * dossier, read the four columns with their marked differences, keep the changed rows and take
 * them away as a Word document, jump to an article, and sign out. A screenshot of the comparison is
 * kept under test-output/.
 */
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { buildClient, hasChromium, launchChromium, signInPage, TEST_OUTPUT, waitToSay, watchedPage } from "../support/browser";
import { addTextVersion, ApiClient, testServer, type TestServer } from "../support/server";
import { FIXTURES } from "../support/fixtures";
import { cuttableRelay } from "../support/relay";
import { readDocx } from "../support/docx-reader";

describe.skipIf(!hasChromium)("the workspace in a browser", () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

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

  /**
   * A new dossier of the Commission's, with the Parliament as drafter, holding a version of two
   * articles for each name and words given ("This Regulation <words>."), and a browser of the
   * Parliament's of its own, signed in at `base` (the server, or a relay to it), on the dossier's page.
   */
  const draftedDossier = async (title: string, versions: readonly (readonly [name: string, words: string])[], base: string) => {
    const owner = await new ApiClient(server.url).signIn("commission");
    const id = (await owner.request<{ dossier: { id: number } }>("POST", "/api/dossiers", { title })).body.dossier.id;
    await owner.request("PUT", `/api/dossiers/${id}/members`, { username: "parliament", role: "drafter" });
    const add = async (name: string, words: string) =>
      (await addTextVersion(owner, id, name, `Article 1\nThis Regulation ${words}.\n\nArticle 2\nIt enters into force.\n`)).body.version.id;
    const versionIds: number[] = [];
    for (const [name, words] of versions) versionIds.push(await add(name, words));
    const context = await browser.newContext();
    const dossierPage = await watchedPage(context, errors);
    await signInPage(dossierPage, base, "parliament");
    await dossierPage.goto(`${base}/#/dossiers/${id}`);
    await dossierPage.waitForSelector(`.version >> text=${versions.at(-1)![0]}`);
    return { owner, id, add, versionIds, context, dossierPage };
  };

  it("refuses a wrong password with the server's words", async () => {
    await page.goto(server.url);
    await page.fill("#username", "ngo");
    await page.fill("#password", "not the password");
    await page.click("button[type=submit]");
    await page.locator(".login .error", { hasText: /\S/ }).waitFor();
    expect(await page.locator(".login .error").textContent()).toBe("The username or the password is wrong.");
  });

  it("signs in as ngo and lists the dossiers the NGO may see, without the Council's", async () => {
    await page.fill("#password", "demo");
    await page.click("button[type=submit]");
    await page.waitForSelector("ul.dossiers a");
    const titles = await page.locator("ul.dossiers a").allTextContents();
    expect(titles.some((t) => t.startsWith("Dual-use"))).toBe(true);
    expect(titles.some((t) => t.includes("Council working party"))).toBe(false);
    expect(await page.locator("#who").textContent()).toMatch(/NGO coalition/);
  });

  it("makes a dossier from the list, restricted to its members, opens it with its maker as owner, who adds, changes and takes off a member", async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const maker = await watchedPage(context, errors);
    try {
      await signInPage(maker, server.url, "ngo");
      // Words alone make a title: spaces are refused with the server's reason.
      await maker.fill("#dossier-title", "   ");
      await maker.click("form.new-dossier button[type=submit]");
      await maker.locator(".new-dossier .error", { hasText: /\S/ }).waitFor();
      expect(await maker.locator(".new-dossier .error").textContent()).toMatch(/^Title: /);
      await maker.fill("#dossier-title", "Coalition notes on the dual-use recast");
      await maker.fill("#dossier-procedure", "2016/0295(COD)");
      await maker.check("#dossier-restricted");
      await maker.click("form.new-dossier button[type=submit]");
      await maker.waitForSelector("h1 >> text=Coalition notes on the dual-use recast");
      expect(maker.url()).toMatch(/#\/dossiers\/\d+$/);
      expect(await maker.locator("ul.members li").allTextContents()).toEqual([expect.stringMatching(/\(ngo, .*\): owner$/)]);
      // Its owner adds a member by username, changes their role, and takes them off; a wrong name is said.
      const addMember = async (username: string, role: string) => {
        await maker.fill("#member-username", username);
        await maker.selectOption("#member-role", role);
        await maker.click("form.member button[type=submit]");
      };
      await addMember("nobody", "drafter");
      await waitToSay(maker, "form.member .error", 'No user "nobody".');
      await addMember("parliament", "drafter");
      await maker.locator("ul.members li", { hasText: "(parliament, European Parliament): drafter" }).waitFor();
      expect(await maker.locator(".members-section .done").textContent()).toBe("parliament is a member as drafter.");
      await addMember("parliament", "commenter");
      await maker.locator("ul.members li", { hasText: "(parliament, European Parliament): commenter" }).waitFor();
      expect(await maker.locator("ul.members li").count()).toBe(2);
      await maker.getByRole("button", { name: "Take parliament off…", exact: true }).click();
      await maker.getByRole("button", { name: "Take parliament off", exact: true }).click();
      await maker.waitForFunction(() => document.querySelectorAll("ul.members li").length === 1);
      expect(await maker.locator(".members-section .done").textContent()).toMatch(/is no longer a member\.$/);
      // The button that had the focus went with its member: the focus is on what was said.
      expect(await maker.evaluate(() => document.activeElement?.className)).toBe("done");
      // Restricted: the Council, no member, does not see it.
      const council = await new ApiClient(server.url).signIn("council");
      const { body } = await council.request<{ dossiers: { title: string }[] }>("GET", "/api/dossiers");
      expect(body.dossiers.map((d) => d.title)).not.toContain("Coalition notes on the dual-use recast");
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("opens the dual-use dossier and shows four columns with marked differences", async () => {
    await page.click("text=Dual-use export controls");
    await page.waitForSelector("form.choose");
    // The four demonstration texts carry one notice: said once, above the versions.
    expect(await page.locator(".version .notice").count()).toBe(0);
    expect(await page.locator("form.choose").evaluate((f) => f.previousElementSibling?.previousElementSibling?.textContent)).toMatch(
      /not the authentic text/,
    );
    expect(await page.locator(".version label >> nth=0").textContent()).toMatch(/^Commission proposal · /);
    await page.click("form.choose button[type=submit]");
    await page.waitForSelector(".rows[data-complete=true]");
    const headers = await page.locator(".row.header .cell").allTextContents();
    expect(headers).toEqual(["Commission proposal (reference)", "Parliament position", "Council mandate", "Regulation (EU) 2021/821"]);
    expect(await page.locator(".notice").first().textContent()).toMatch(/not the authentic text/);
    expect(await page.locator(".rows ins").count()).toBeGreaterThan(20);
    expect(await page.locator(".rows del").count()).toBeGreaterThan(20);
    // insertions are underlined and deletions struck through, not told by colour alone
    expect(
      await page
        .locator(".rows ins")
        .first()
        .evaluate((el) => getComputedStyle(el).textDecorationLine),
    ).toBe("underline");
    expect(
      await page
        .locator(".rows del")
        .first()
        .evaluate((el) => getComputedStyle(el).textDecorationLine),
    ).toBe("line-through");
    // The rows that frame the provisions are named in the kind filter as readers name them.
    const kinds = await page.locator("#type-filter option").allTextContents();
    expect(kinds.slice(0, 2)).toEqual(["all provisions", "title of the act"]);
    expect(kinds).toContain("concluding formulas");
    expect(await page.locator('.rows .row[data-label="Concluding formulas"] ins').allTextContents()).toEqual([" 20 May 2021."]);
    // The act's new recital 2 is labelled in its own numbering, and says so.
    expect(await page.locator(".rows .row .label >> text=in Regulation (EU) 2021/821").count()).toBeGreaterThan(0);
    // The Council deleted the human-rights catch-all: its empty cells say so in words, not by shading alone.
    expect(await page.locator('.rows .row[data-label="Article 4(1)(d)"] .cell.gap').allTextContents()).toEqual(["deleted", "deleted"]);
    mkdirSync(TEST_OUTPUT, { recursive: true });
    await page.screenshot({ path: join(TEST_OUTPUT, "dual-use-comparison.png") });
  });

  it("lays the table out for print as a table whose head repeats on every page, its rows whole where they fit, and names the page after the comparison", async () => {
    expect(await page.title()).toBe(
      "Comparison: Commission proposal | Parliament position | Council mandate | Regulation (EU) 2021/821 · Synopsis",
    );
    // Rows are reached with Tab: the first row is in the tab order.
    expect(await page.locator('.rows .row[tabindex="0"]').count()).toBe(1);
    await page.emulateMedia({ media: "print" });
    const display = await page.evaluate(() => ({
      head: getComputedStyle(document.querySelector("table.comparison > thead")!).display,
      row: getComputedStyle(document.querySelector(".rows .row")!).display,
      cell: getComputedStyle(document.querySelector(".rows .row > td")!).display,
      label: getComputedStyle(document.querySelector(".rows .row > th.label")!).display,
      // A row shorter than a page is not cut between two, its label on one and the rest of its words on the next.
      rowBreak: getComputedStyle(document.querySelector(".rows .row")!).breakInside,
    }));
    await page.emulateMedia({ media: "screen" });
    expect(display).toEqual({ head: "table-header-group", row: "table-row", cell: "table-cell", label: "table-cell", rowBreak: "avoid" });
  });

  it("filters to the changed rows", async () => {
    const all = await page.locator(".rows .row").count();
    await page.check("#changed-only");
    await page.waitForSelector(".rows[data-complete=true]");
    const changed = await page.locator(".rows .row").count();
    expect(changed).toBeLessThan(all);
    expect(await page.locator('.rows .row[data-label="Article 4(3)"]').count()).toBe(0);
    expect(await page.locator('.rows .row[data-label="Article 4(2)"]').count()).toBe(1);
    // On paper, where the controls are not, the filter is said above the table.
    const filtered = page.locator("p.filtered");
    expect(await filtered.isVisible()).toBe(false);
    await page.emulateMedia({ media: "print" });
    expect(await filtered.isVisible()).toBe(true);
    expect(await filtered.textContent()).toBe(`Rows shown: ${changed} of ${all}, filtered (changed only).`);
    // And the corrections the table follows, without the form to change them, open though closed on screen.
    expect(await page.locator(".corrections summary").isVisible()).toBe(true);
    expect(await page.locator(".corrections form").isVisible()).toBe(false);
    const open = () => page.locator(".corrections").evaluate((d) => (d as HTMLDetailsElement).open);
    const openOnScreen = await open();
    await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
    expect(await open()).toBe(true);
    await page.evaluate(() => window.dispatchEvent(new Event("afterprint")));
    expect(await open()).toBe(openOnScreen);
    await page.emulateMedia({ media: "screen" });
  });

  it("downloads the rows shown as a Word document, which says above them how they were filtered", async () => {
    const changed = await page.locator(".rows .row").count();
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("button.word-download")]);
    expect(download.suggestedFilename()).toBe(
      "Comparison - Commission proposal - Parliament position - Council mandate - Regulation (EU) 2021-821.docx",
    );
    const document = readDocx(new Uint8Array(readFileSync(await download.path())));
    const table = document.tables[1]!;
    expect(table).toHaveLength(changed + 1);
    expect(table.slice(1).map((row) => row.cells[0]![0]!.text)).toEqual(
      await page.locator(".rows .row").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-label"))),
    );
    expect(document.paragraphs.map((p) => p.text)).toContain(await page.locator("p.filtered").textContent());
    expect(await page.locator(".download-status").textContent()).toBe(`Word document made: ${changed} rows.`);
  });

  it("gives up a Word document still being made when its page is left: its worker is ended and nothing is downloaded", async () => {
    const context = await browser.newContext();
    try {
      const leaving = await watchedPage(context, errors);
      // In place of the worker that makes the document, one that answers with a byte two seconds after it is asked.
      const ANSWER_MS = 2_000;
      await leaving.route(/\/word-worker-[^/]*\.js$/, (route) =>
        route.fulfill({
          contentType: "text/javascript",
          body: `self.onmessage = () => setTimeout(() => self.postMessage({ bytes: new Uint8Array(1) }), ${ANSWER_MS});`,
        }),
      );
      await signInPage(leaving, server.url, "ngo");
      const comparison = `${server.url}/#/dossiers/1/compare?versions=1,2,3,4&ref=1`;
      await leaving.goto(comparison);
      await leaving.waitForSelector(".rows[data-complete=true]");
      // Staying on the page, its answer is downloaded.
      const [stayed] = await Promise.all([leaving.waitForEvent("download"), leaving.click("button.word-download")]);
      expect(readFileSync(await stayed.path())).toHaveLength(1);
      // Leaving the page while it works, it is ended and nothing is downloaded, even after the answer's time.
      await leaving.goto(`${server.url}/#/dossiers/1`);
      await leaving.goto(comparison);
      await leaving.waitForSelector(".rows[data-complete=true]");
      const downloads: string[] = [];
      leaving.on("download", (d) => downloads.push(d.suggestedFilename()));
      const [worker] = await Promise.all([leaving.waitForEvent("worker"), leaving.click("button.word-download")]);
      const asked = Date.now();
      const ended = new Promise<string>((resolve) => worker.once("close", () => resolve("ended")));
      await waitToSay(leaving, ".download-status", "Making the Word document…");
      await leaving.click("text=← Dossier");
      await leaving.waitForSelector("form.choose");
      let timer: ReturnType<typeof setTimeout> | undefined;
      const notEnded = new Promise<string>((resolve) => {
        timer = setTimeout(() => resolve("still running 10 s after the page was left"), 10_000);
      });
      expect(await Promise.race([ended, notEnded])).toBe("ended");
      clearTimeout(timer);
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, asked + ANSWER_MS + 1_000 - Date.now())));
      expect(downloads).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("keeps a range of provisions typed as people type them, and all rows again once it is cleared", async () => {
    await page.uncheck("#changed-only");
    await page.waitForSelector(".rows[data-complete=true]");
    const all = await page.locator(".rows .row").count();
    await page.fill("#range-from", "art 4");
    await page.fill("#range-to", "art 4");
    await page.press("#range-to", "Enter");
    await page.waitForFunction(() => document.querySelectorAll(".rows .row").length < 30);
    await page.waitForSelector(".rows[data-complete=true]");
    const labels = await page.locator(".rows .row").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-label")));
    // Article 4 of the reference and everything under it: its paragraphs, points, and the Parliament's inserted point (da).
    expect(labels[0]).toBe("Article 4");
    expect(labels.every((l) => l!.startsWith("Article 4"))).toBe(true);
    expect(labels).toContain("Article 4(1)(da)");
    expect(labels).toContain("Article 4(3)");
    // A range that takes nothing says why.
    await page.fill("#range-to", "art 99");
    await page.press("#range-to", "Enter");
    await page.locator(".count", { hasText: "No row" }).waitFor();
    expect(await page.locator(".count").textContent()).toBe(`No row matches this range: no row is Article 99 (of ${all} rows)`);
    await page.fill("#range-to", "art 4");
    await page.press("#range-to", "Enter");
    await page.waitForSelector(".rows[data-complete=true]");
    // Emptied (by its ✕, or all deleted), an end lets every row back at once, without Enter, and the page says the range needs both.
    await page.fill("#range-from", "");
    await page.waitForFunction((n) => document.querySelectorAll(".rows .row").length === n, all);
    expect(await page.locator(".count").textContent()).toBe(`${all} of ${all} rows: a range needs both its ends`);
    await page.fill("#range-to", "");
    await page.locator(".count", { hasText: new RegExp(`^${all} of ${all} rows$`) }).waitFor();
  });

  it("jumps to an article typed as people type it, and moves between rows with the keyboard", async () => {
    await page.uncheck("#changed-only");
    await page.waitForSelector(".rows[data-complete=true]");
    await page.fill("#jump", "art 14");
    await page.press("#jump", "Enter");
    await page.waitForFunction(() => document.activeElement?.getAttribute("data-label") === "Article 14");
    await page.keyboard.press("ArrowDown");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-label"))).toBe("Article 14(1)");
    const box = await page.locator(".row:focus").boundingBox();
    expect(box!.y).toBeGreaterThan(0);
    expect(box!.y).toBeLessThan(900);
    // The act's recital 3 stands in the row of the proposal's recital 2: "recital 3" goes to the row of that name.
    await page.fill("#jump", "recital 3");
    await page.press("#jump", "Enter");
    await page.waitForFunction(() => document.activeElement?.getAttribute("data-label") === "Recital 3");
    // The Parliament's amendment 45 inserted its Article 4a: its number is on the cell, and Go to finds it.
    await page.fill("#jump", "am 45");
    await page.press("#jump", "Enter");
    await page.waitForFunction(() => document.querySelector(".row:focus .amendment")?.textContent === "AM 45");
    expect(await page.locator(".row:focus .cell >> nth=1").textContent()).toMatch(/^AM 45/);
    // Jump after jump, over rows shown before and rows never shown, the row gone to is in view.
    for (const [typed, label] of [
      ["art 14", "Article 14"],
      ["Article 30", "Article 30"],
      ["recital 1", "Recital 1"],
      ["art 24", "Article 24"],
    ]) {
      await page.fill("#jump", typed!);
      await page.press("#jump", "Enter");
      await page.waitForFunction((l) => document.activeElement?.getAttribute("data-label") === l, label);
      await expect
        .poll(async () => {
          const at = await page.locator(".row:focus").boundingBox();
          return at !== null && at.y >= 0 && at.y < 900 ? label : `${label} at ${at?.y}`;
        })
        .toBe(label);
    }
  });

  it("brings the row gone to into view on a page fresh from the server, jump after jump, though the rows between were never shown", async () => {
    for (const viewport of [
      { width: 1400, height: 900 },
      { width: 390, height: 800 },
    ]) {
      const context = await browser.newContext({ viewport });
      const fresh = await watchedPage(context, errors);
      try {
        await signInPage(fresh, server.url, "commission");
        await fresh.goto(`${server.url}/#/dossiers/1/compare?versions=1,2,3,4&ref=1`);
        await fresh.waitForSelector(".rows[data-complete=true]");
        for (const [typed, label] of [
          ["AM 45", "Article 4a"],
          ["Art 14", "Article 14"],
          ["Article 30", "Article 30"],
          ["recital 3", "Recital 3"],
          ["AM 82", "Article 24(2a)"],
        ]) {
          await fresh.fill("#jump", typed!);
          await fresh.press("#jump", "Enter");
          await fresh.waitForFunction((l) => document.activeElement?.getAttribute("data-label") === l, label);
          // In view once the rows around it are drawn, and staying there.
          const inView = async () => {
            const top = await fresh.evaluate(() => document.activeElement!.getBoundingClientRect().top);
            return top >= 0 && top < viewport.height ? "in view" : `at ${top} in a window ${viewport.height} pixels high`;
          };
          await expect.poll(inView, { message: `${label} at ${viewport.width} pixels wide` }).toBe("in view");
          await fresh.waitForTimeout(500);
          expect(await inView(), `${label} at ${viewport.width} pixels wide, a moment later`).toBe("in view");
        }
      } finally {
        await context.close();
      }
    }
  });

  it("goes to the reference's own provision when another version's row bears the same label, and shows a tall row from its top", async () => {
    // The act's new recital 2 is labelled "Recital 2, in Regulation …" just above the proposal's recital 2.
    await page.fill("#jump", "recital 2");
    await page.press("#jump", "Enter");
    await page.waitForFunction(() => document.activeElement?.getAttribute("data-label") === "Recital 2");
    expect(await page.locator(".row:focus .label-source").count()).toBe(0);
    expect(await page.locator(".row:focus .cell >> nth=0").textContent()).toMatch(/^\(2\)/);
    // On a phone the rows are taller than half the frame: the label stays in view, its words whole.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.fill("#jump", "recital 5");
    await page.press("#jump", "Enter");
    await page.waitForFunction(() => document.activeElement?.getAttribute("data-label") === "Recital 5");
    const label = await page.locator(".row:focus th.label").boundingBox();
    expect(label!.y).toBeGreaterThanOrEqual(0);
    expect(label!.y).toBeLessThan(844);
    // The Parliament's definition 2(1a), its points and its concluding words: long labels, in its numbering.
    await page.fill("#jump", "Article 2(1a)");
    await page.press("#jump", "Enter");
    await page.waitForFunction(() => document.activeElement?.getAttribute("data-label") === "Article 2(1a)");
    const broken = await page.evaluate(() => {
      // Each word of each label on one line: a word cut in two has two boxes.
      const cut: string[] = [];
      for (const th of document.querySelectorAll<HTMLElement>(".rows .row th.label")) {
        // Rows out of view are not laid out (content-visibility): the ones in view, around the focused row.
        const box = th.getBoundingClientRect();
        if (box.bottom < 0 || box.top > window.innerHeight) continue;
        const walker = document.createTreeWalker(th, NodeFilter.SHOW_TEXT);
        for (let text = walker.nextNode(); text !== null; text = walker.nextNode()) {
          for (const m of text.textContent!.matchAll(/\S+/g)) {
            const range = document.createRange();
            range.setStart(text, m.index);
            range.setEnd(text, m.index + m[0].length);
            if (range.getClientRects().length > 1) cut.push(m[0]);
          }
        }
      }
      return cut;
    });
    await page.setViewportSize({ width: 1400, height: 900 });
    expect(broken).toEqual([]);
  });

  it("goes from change to change with n and p or the buttons, as the change map does for a mouse", async () => {
    const focused = () =>
      page.evaluate(() => {
        const row = document.activeElement as HTMLElement;
        return { index: Number(row.dataset.index), same: row.classList.contains("same") };
      });
    /** Whether every row strictly between two indices has the same words in every column. */
    const sameBetween = (a: number, b: number) =>
      page.evaluate(
        ([from, to]) =>
          [...document.querySelectorAll<HTMLElement>(".rows .row")].slice(from! + 1, to).every((r) => r.classList.contains("same")),
        [Math.min(a, b), Math.max(a, b)],
      );
    await page.fill("#jump", "art 1");
    await page.press("#jump", "Enter");
    await page.waitForFunction(() => document.activeElement?.getAttribute("data-label") === "Article 1");
    const start = await focused();
    await page.keyboard.press("n");
    await page.waitForFunction((from) => Number((document.activeElement as HTMLElement).dataset.index) > from, start.index);
    const next = await focused();
    expect(next.same).toBe(false);
    expect(await sameBetween(start.index, next.index)).toBe(true);
    await page.click("#next-change");
    await page.waitForFunction((from) => Number((document.activeElement as HTMLElement).dataset.index) > from, next.index);
    const after = await focused();
    expect([after.same, await sameBetween(next.index, after.index)]).toEqual([false, true]);
    await page.keyboard.press("p");
    await page.waitForFunction((to) => Number((document.activeElement as HTMLElement).dataset.index) === to, next.index);
    // A focused row says which provision it is and what happened to it, and where it stands.
    expect(
      await page.evaluate(() => {
        const row = document.activeElement as HTMLElement;
        return [row.getAttribute("aria-label"), row.getAttribute("aria-rowindex") === String(Number(row.dataset.index) + 2)];
      }),
    ).toEqual([expect.stringMatching(/^Article \S+: (changed|inserted|deleted|renumbered|moved|split|merged), confidence [\d.]+$/), true]);
    // Elsewhere than on a row, a letter is only a letter: on the link back to the dossier, n moves nothing.
    await page.focus("text=← Dossier");
    await page.keyboard.press("n");
    await page.waitForTimeout(200);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("← Dossier");
    // The button goes from the page to a changed row.
    await page.click("#next-change");
    await page.waitForFunction(() => document.activeElement?.classList.contains("row") === true);
    expect((await focused()).same).toBe(false);
  });

  it("shows a version another member adds while the dossier is open, without a reload, leaving the choice of columns alone", async () => {
    await page.click("text=← Dossier");
    await page.waitForSelector("form.choose");
    // The link used is gone with the page left: the focus starts the page come to, which its title names.
    await page.waitForFunction(() => document.activeElement?.id === "app");
    expect(await page.title()).toMatch(/^.+ · Synopsis$/);
    const before = await page.locator(".version").count();
    await page.uncheck(".version >> nth=1 >> input[name=column]");
    const dossierId = Number(/#\/dossiers\/(\d+)/.exec(page.url())![1]);
    const parliament = await new ApiClient(server.url).signIn("parliament");
    const file = new FormData();
    file.set("file", new Blob([readFileSync(join(FIXTURES, "dual-use/council-mandate-2019.akn.xml"))]), "mandate.akn.xml");
    file.set("name", "Trilogue compromise draft");
    file.set("stage", "compromise");
    expect((await parliament.request("POST", `/api/dossiers/${dossierId}/versions`, file)).status).toBe(201);
    await page.waitForSelector(".version >> text=Trilogue compromise draft");
    expect(await page.locator(".version").count()).toBe(before + 1);
    expect(await page.locator(".news").textContent()).toBe("A new version was added: Trilogue compromise draft.");
    expect(await page.locator(".version >> nth=1 >> input[name=column]").isChecked()).toBe(false);
  });

  it("shows the first version of an empty dossier as soon as a member adds it", async () => {
    const owner = await new ApiClient(server.url).signIn("commission");
    const created = await owner.request<{ dossier: { id: number } }>("POST", "/api/dossiers", { title: "Empty for now" });
    // The NGO may read it: an open dossier.
    await page.goto(`${server.url}/#/dossiers/${created.body.dossier.id}`);
    await page.waitForSelector("text=No versions yet.");
    const file = new FormData();
    file.set("file", new Blob([readFileSync(join(FIXTURES, "dual-use/council-mandate-2019.akn.xml"))]), "mandate.akn.xml");
    file.set("name", "First draft");
    file.set("stage", "other");
    expect((await owner.request("POST", `/api/dossiers/${created.body.dossier.id}/versions`, file)).status).toBe(201);
    await page.waitForSelector(".version >> text=First draft");
    expect(await page.locator("text=No versions yet.").count()).toBe(0);
    expect(await page.locator("form.choose").isVisible()).toBe(true);
  });

  it("takes off the list a version another member removes, and offers the NGO no removal", async () => {
    expect(await page.locator(".version .remove").count()).toBe(0);
    const dossierId = Number(/#\/dossiers\/(\d+)/.exec(page.url())![1]);
    const owner = await new ApiClient(server.url).signIn("commission");
    const { body } = await owner.request<{ dossier: { versions: { id: number }[] } }>("GET", `/api/dossiers/${dossierId}`);
    expect((await owner.request("DELETE", `/api/dossiers/${dossierId}/versions/${body.dossier.versions[0]!.id}`)).status).toBe(204);
    await page.waitForSelector("text=No versions yet.");
    expect(await page.locator(".news").textContent()).toBe("First draft was removed by another member.");
    expect(await page.locator(".version").count()).toBe(0);
    expect(await page.locator("form.choose").isVisible()).toBe(false);
  });

  it("shows a provision's footnotes under its words, with the marker the version prints", async () => {
    await page.goto(`${server.url}/#/`);
    await page.click("text=ePrivacy Directive 2002/58/EC");
    await page.waitForSelector("form.choose");
    await page.click("form.choose button[type=submit]");
    await page.waitForSelector(".rows[data-complete=true]");
    await page.fill("#jump", "Article 14(2)");
    await page.press("#jump", "Enter");
    await page.waitForFunction(() => document.activeElement?.getAttribute("data-label") === "Article 14(2)");
    const notes = await page.locator(".row:focus .footnote").allTextContents();
    // In both consolidations: footnote 9, on Directive 98/34/EC.
    expect(notes).toHaveLength(2);
    for (const note of notes) expect(note).toMatch(/^9OJ L 204, 21\.7\.1998, p\. 37\./);
    expect(await page.locator(".row:focus .footnote sup").allTextContents()).toEqual(["9", "9"]);
  });

  it("signs out", async () => {
    await page.click("#logout");
    await page.waitForSelector("form.login");
    expect(await page.locator("#who").textContent()).toBe("");
    expect(errors).toEqual([]);
  });

  it("lets a drafter remove a version they added, after asking once more, and not the others", async () => {
    await page.fill("#username", "parliament");
    await page.fill("#password", "demo");
    await page.click("button[type=submit]");
    await page.click("text=Dual-use export controls");
    await page.waitForSelector("form.choose");
    const draft = page.locator(".version", { hasText: "Trilogue compromise draft" });
    expect(await draft.locator("label >> nth=0").textContent()).toMatch(/added by Parliament staffer \(European Parliament\)$/);
    // Parliament added only the compromise draft: the four stages are the Commission's.
    expect(await page.locator(".version .remove:visible").count()).toBe(1);
    // The draft is the reference, and the proposal is not compared: the reference passes to the Parliament's position.
    await draft.locator('input[name="ref"]').check();
    await page.uncheck('.version >> nth=0 >> input[name="column"]');
    await draft.locator("text=Remove…").click();
    await draft.locator("text=Keep it").click();
    expect(await draft.locator("text=Remove…").isVisible()).toBe(true);
    await draft.locator("text=Remove…").click();
    await draft.locator("button", { hasText: "Remove Trilogue compromise draft" }).click();
    await page.waitForSelector(".news >> text=Removed Trilogue compromise draft.");
    expect(await page.locator(".version").count()).toBe(4);
    expect(await page.locator('.version input[name="ref"]:checked').count()).toBe(1);
    expect(await page.locator('.version >> nth=1 >> input[name="ref"]').isChecked()).toBe(true);
    // Focus does not fall to the page with the removed row: the status line that says what happened has it.
    expect(await page.evaluate(() => document.activeElement?.className)).toBe("news");
    expect(errors).toEqual([]);
  });

  it("says so when a restricted dossier's news stops reaching a member who was removed from it, and removes nothing for them", async () => {
    const owner = await new ApiClient(server.url).signIn("commission");
    const created = await owner.request<{ dossier: { id: number } }>("POST", "/api/dossiers", { title: "LIMITE draft", restricted: true });
    const id = created.body.dossier.id;
    await owner.request("PUT", `/api/dossiers/${id}/members`, { username: "parliament", role: "drafter" });
    const text = (name: string) => {
      const file = new FormData();
      file.set("file", new Blob(["Article 1\nA restricted text.\n"]), `${name}.txt`);
      file.set("name", name);
      return file;
    };
    const parliament = await new ApiClient(server.url).signIn("parliament");
    expect((await parliament.request("POST", `/api/dossiers/${id}/versions`, text("Parliament's draft"))).status).toBe(201);
    await page.goto(`${server.url}/#/dossiers/${id}`);
    const draft = page.locator(".version", { hasText: "Parliament's draft" });
    await draft.waitFor();
    // Shown once the page has joined the dossier's news (heard there, or looked up on joining): a
    // page that joined only after the removal would be refused, and say the dossier is gone instead.
    expect((await owner.request("POST", `/api/dossiers/${id}/versions`, text("Owner's draft"))).status).toBe(201);
    await page.locator(".version", { hasText: "Owner's draft" }).waitFor();
    expect((await owner.request("DELETE", `/api/dossiers/${id}/members/parliament`)).status).toBe(204);
    // The dossier is no longer there for Parliament: its 404 is not taken for the version being gone already.
    await draft.locator("text=Remove…").click();
    await draft.locator("button", { hasText: "Remove Parliament's draft" }).click();
    await draft.locator(".error", { hasText: /\S/ }).waitFor();
    expect(await draft.locator(".error").textContent()).toBe(`Not removed: no dossier ${id}`);
    expect((await owner.request<{ dossier: { versions: unknown[] } }>("GET", `/api/dossiers/${id}`)).body.dossier.versions).toHaveLength(2);
    expect((await owner.request("POST", `/api/dossiers/${id}/versions`, text("Restricted draft"))).status).toBe(201);
    await page.waitForSelector(".news >> text=will not show here until you reload the page");
    expect(await page.locator(".news").textContent()).toBe(
      "Versions other members add or remove will not show here until you reload the page (you may no longer read this dossier).",
    );
    expect(await page.locator("text=Restricted draft").count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it("lets an owner remove a dossier, after asking once more, and goes back to the dossiers without it", async () => {
    // The page is Parliament's, which owns the dossiers it makes.
    const parliament = await new ApiClient(server.url).signIn("parliament");
    const created = await parliament.request<{ dossier: { id: number } }>("POST", "/api/dossiers", { title: "Made by mistake" });
    const id = created.body.dossier.id;
    await page.goto(`${server.url}/#/dossiers/${id}`);
    await page.locator("text=Remove this dossier…").click();
    expect(await page.locator("#remove-dossier-question").textContent()).toBe("Remove “Made by mistake”, for every member?");
    await page.locator("text=Keep it").click();
    await page.locator("text=Remove this dossier…").click();
    await page.locator("button", { hasText: "Remove the dossier" }).click();
    await page.waitForFunction(() => location.hash === "#/dossiers");
    await page.waitForSelector("ul.dossiers");
    expect(await page.locator("ul.dossiers", { hasText: "Made by mistake" }).count()).toBe(0);
    expect((await parliament.request("GET", `/api/dossiers/${id}`)).status).toBe(404);
    expect(errors).toEqual([]);
  });

  it("tells a member's open dossier page and comparison that the dossier was removed, and by whom", async () => {
    // The page is Parliament's, a drafter of the Commission's dossier.
    const owner = await new ApiClient(server.url).signIn("commission");
    const id = (await owner.request<{ dossier: { id: number } }>("POST", "/api/dossiers", { title: "Withdrawn" })).body.dossier.id;
    await owner.request("PUT", `/api/dossiers/${id}/members`, { username: "parliament", role: "drafter" });
    const add = async (name: string, words: string) =>
      (await addTextVersion(owner, id, name, `Article 1\nThis Regulation ${words}.\n`)).body.version.id;
    const [first, second] = [await add("First", "applies"), await add("Second", "applies to all")];
    const dossierPage = await watchedPage(page.context(), errors);
    try {
      await dossierPage.goto(`${server.url}/#/dossiers/${id}`);
      await dossierPage.waitForSelector(".version >> text=Second");
      await page.goto(`${server.url}/#/dossiers/${id}/compare?versions=${first},${second}&ref=${first}`);
      await page.waitForSelector(".rows[data-complete=true]");

      expect((await owner.request("DELETE", `/api/dossiers/${id}`)).status).toBe(204);
      await waitToSay(dossierPage, ".warning", "removed this dossier");
      expect(await dossierPage.locator(".warning").textContent()).toBe(
        "Commission policy officer removed this dossier, with its versions and alignment corrections.",
      );
      // Nothing is left to add to, compare or remove; the message has the focus the page's controls had.
      expect(await dossierPage.locator("form").count()).toBe(0);
      expect(await dossierPage.evaluate(() => document.activeElement?.className)).toBe("warning");
      await waitToSay(page, ".warning", "removed this dossier");
      expect(await page.locator(".warning:visible").allTextContents()).toEqual([
        "Commission policy officer removed this dossier since this table was made. The table still shows the texts as they were, and cannot be made again.",
      ]);
      expect(await page.locator(".rows .row").count()).toBeGreaterThan(0);
      expect(errors).toEqual([]);
    } finally {
      await dossierPage.close();
    }
  });

  it("adds versions from the form, each file sent with a line of its own, and tells a comparison that one was removed", async () => {
    const owner = await new ApiClient(server.url).signIn("commission");
    const created = await owner.request<{ dossier: { id: number } }>("POST", "/api/dossiers", { title: "Uploads" });
    const id = created.body.dossier.id;
    await owner.request("PUT", `/api/dossiers/${id}/members`, { username: "parliament", role: "drafter" });
    await page.goto(`${server.url}/#/dossiers/${id}`);
    await page.waitForSelector("text=No versions yet.");
    // No stage claimed for a version unasked: "other", as the server takes one sent without.
    expect(await page.inputValue("#upload-stage")).toBe("other");
    await page.selectOption("#upload-stage", "compromise");
    const send = async (name: string, file: { name: string; buffer: Buffer }) => {
      await page.setInputFiles("#upload-file", { ...file, mimeType: "text/plain" });
      await page.fill("#upload-name", name);
      await page.click("form.upload button[type=submit]");
    };
    const act = (words: string) => Buffer.from(`Article 1\nThis Regulation ${words}.\n\nArticle 2\nIt enters into force.\n`);
    // A large act, then a small one while it is being read, then a file that is no act.
    await send("Large draft", { name: "large.txt", buffer: Buffer.from(readFileSync(join(FIXTURES, "eurlex", "gdpr-2016-679.xhtml"))) });
    // Away and back while it is sent and read: its line is still there.
    await page.goto(`${server.url}/#/dossiers`);
    await page.waitForSelector("ul.dossiers");
    await page.goto(`${server.url}/#/dossiers/${id}`);
    await page.locator(".uploads .sent", { hasText: "Large draft" }).waitFor();
    await send("Small draft", { name: "small.txt", buffer: act("applies") });
    // Sent, the form is empty, its stage back to "other": a second click has no file to send twice.
    expect(await page.inputValue("#upload-name")).toBe("");
    expect(await page.inputValue("#upload-stage")).toBe("other");
    await page.click("form.upload button[type=submit]");
    await send("Not an act", { name: "notes.txt", buffer: Buffer.from("Some notes without any article.\n") });
    const line = (name: string) => page.locator(".uploads .sent", { hasText: name });
    await line("Small draft").locator("text=/added: \\d+ words/").waitFor();
    await line("Large draft").locator("text=/added: \\d+ words/").waitFor({ timeout: 60_000 });
    await line("Not an act").locator("text=/not added: /").waitFor();
    expect(await page.locator(".uploads .sent").count()).toBe(3);
    // Refused while the form was empty: what was sent is back in it, to be mended and sent again.
    expect(await page.inputValue("#upload-name")).toBe("Not an act");
    expect(await page.evaluate(() => (document.getElementById("upload-file") as HTMLInputElement).files?.[0]?.name)).toBe("notes.txt");
    await page.waitForFunction(() => document.querySelectorAll(".version").length === 2);
    expect(await page.locator(".news").textContent()).toBe("");

    // A comparison of the two, open while the owner removes the small draft, says it was removed.
    await page.click("form.choose button[type=submit]");
    await page.waitForSelector(".rows[data-complete=true]");
    const { body } = await owner.request<{ dossier: { versions: { id: number; name: string }[] } }>("GET", `/api/dossiers/${id}`);
    const small = body.dossier.versions.find((v) => v.name === "Small draft")!;
    expect((await owner.request("DELETE", `/api/dossiers/${id}/versions/${small.id}`)).status).toBe(204);
    await page.waitForSelector(".warning >> text=Removed from the dossier since this table was made: Small draft.");
    expect(await page.locator(".rows .row").count()).toBeGreaterThan(2);
    // A correction naming it is refused by its name, before anything is sent.
    await page.click(".corrections summary");
    await page.selectOption("#correct-a-version", { label: "Small draft" });
    await page.selectOption("#correct-a-provision", "art_1");
    await page.click("form.correct button[type=submit]");
    await page.locator(".corrections .error", { hasText: /\S/ }).waitFor();
    expect(await page.locator(".corrections .error").textContent()).toBe(
      "Not saved: Small draft was removed from the dossier since this table was made, and a correction cannot name it. Compare the versions still in the dossier to correct their alignment.",
    );
    // Then signed out in another tab: told at the dossier's next news, beside the removal, not in its place.
    expect(await page.evaluate(() => fetch("/api/session", { method: "DELETE" }).then((r) => r.status))).toBe(204);
    expect((await owner.request("PUT", `/api/dossiers/${id}/overrides`, { overrides: [] })).status).toBe(200);
    await page.waitForSelector(".warning >> text=This page will not say");
    expect(await page.locator(".warning", { hasText: "Removed from the dossier" }).textContent()).toBe(
      "Removed from the dossier since this table was made: Small draft. The table still shows the text as it was. " +
        "This page will not say if another of these versions is removed from the dossier, or if its alignment corrections change " +
        "(your session has ended).",
    );
    // Signed in again in the same tab: its live connection is opened anew with the new session,
    // and the dossier's news reaches its page again.
    await signInPage(page, server.url, "parliament");
    await page.goto(`${server.url}/#/dossiers/${id}`);
    await page.waitForSelector(".version >> text=Large draft");
    await addTextVersion(owner, id, "Heard again", "Article 1\nThis Regulation applies again.\n");
    await waitToSay(page, ".news", "A new version was added: Heard again.");
    expect(errors).toEqual([]);
  }, 90_000);

  it("shows what reading a file found amiss under its line, in words", async () => {
    const owner = await new ApiClient(server.url).signIn("commission");
    const created = await owner.request<{ dossier: { id: number } }>("POST", "/api/dossiers", { title: "Consolidations" });
    const id = created.body.dossier.id;
    await owner.request("PUT", `/api/dossiers/${id}/members`, { username: "parliament", role: "drafter" });
    await page.goto(`${server.url}/#/dossiers/${id}`);
    await page.waitForSelector("text=No versions yet.");
    const consolidation = "eprivacy-2002-58-cons-2009.fmx.xml";
    await page.setInputFiles("#upload-file", {
      name: consolidation,
      mimeType: "application/xml",
      buffer: readFileSync(join(FIXTURES, "eurlex", consolidation)),
    });
    await page.fill("#upload-name", "ePrivacy 2009");
    await page.click("form.upload button[type=submit]");
    const line = page.locator(".uploads .sent", { hasText: "ePrivacy 2009" });
    await line.locator("text=/added: \\d+ words/").waitFor({ timeout: 60_000 });
    // The warning in the status, read out with the outcome.
    expect(await line.locator("[role=status]").textContent()).toMatch(/^added: \d+ words, with a warning:.*a passage deleted by M2/);
    expect(await line.locator("[role=status] .warnings li").allTextContents()).toEqual([
      expect.stringMatching(/a passage deleted by M2 is not part of the text in force and is left out/),
    ]);
    // And on the version's line, for every member, once the upload's line is gone.
    await page.reload();
    const version = page.locator(".version", { hasText: "ePrivacy 2009" });
    await version.waitFor();
    expect(await version.locator(".reading-warnings summary").textContent()).toBe("1 warning from reading the file");
    expect(await version.locator(".reading-warnings li").textContent()).toMatch(/a passage deleted by M2/);
    expect(errors).toEqual([]);
  });

  it("does not show a comparison that arrives after the reader has gone to another page", async () => {
    const { body } = await new ApiClient(server.url)
      .signIn("parliament")
      .then((c) => c.request<{ dossiers: { id: number; title: string }[] }>("GET", "/api/dossiers"));
    const dualUse = body.dossiers.find((d) => d.title.startsWith("Dual-use"))!.id;
    // The comparison takes a second and a half to come.
    await page.route("**/compare?*", async (route) => {
      await new Promise((r) => setTimeout(r, 1500));
      await route.continue();
    });
    await page.goto(`${server.url}/#/dossiers/${dualUse}`);
    await page.waitForSelector("form.choose");
    await page.click("form.choose button[type=submit]");
    await page.waitForSelector("text=Aligning the versions…");
    await page.goto(`${server.url}/#/dossiers`);
    await page.waitForSelector("ul.dossiers");
    await page.waitForTimeout(2500);
    await page.unroute("**/compare?*");
    expect(await page.locator("h1").textContent()).toBe("Dossiers");
    expect(await page.locator(".rows").count()).toBe(0);
    expect(errors).toEqual([]);
  });
  it("brings a dossier's page and a comparison up to date when their connection comes back after news was missed", async () => {
    // The member's browser reaches the server through a relay that can be cut, as a network is.
    const relay = await cuttableRelay(server.url);
    const { owner, id, add, versionIds, context, dossierPage } = await draftedDossier(
      "Away and back",
      [
        ["First", "applies"],
        ["Second", "applies to all"],
        ["Spare", "applies"],
      ],
      relay.url,
    );
    const [first, second, spare] = versionIds as [number, number, number];
    try {
      const comparisonPage = await watchedPage(context, errors);
      await comparisonPage.goto(`${relay.url}/#/dossiers/${id}/compare?versions=${first},${second},${spare}&ref=${first}`);
      await comparisonPage.waitForSelector(".rows[data-complete=true]");

      relay.cut();
      await add("Third", "applies from tomorrow");
      expect((await owner.request("DELETE", `/api/dossiers/${id}/versions/${spare}`)).status).toBe(204);
      // A correction between two of the table's versions.
      const separate = { kind: "separate", a: { version: first, eId: "art_1" }, b: { version: second, eId: "art_1" } };
      expect((await owner.request("PUT", `/api/dossiers/${id}/overrides`, { overrides: [separate] })).status).toBe(200);
      await new Promise((r) => setTimeout(r, 1000));
      relay.join();

      // Each page comes back on its own: Socket.IO tries again at most 5 s apart. A minute leaves
      // room for a loaded machine, and for a page on long-polling (see realtime.ts) cut while upgrading.
      await Promise.all([
        waitToSay(dossierPage, ".news", "While this page was not connected", 60_000),
        waitToSay(comparisonPage, ".warning", "Removed from the dossier", 60_000),
      ]);
      expect(await dossierPage.locator(".news").textContent()).toBe(
        "While this page was not connected, Third was added; Spare was removed.",
      );
      expect(await dossierPage.locator(".version strong").allTextContents()).toEqual(["First", "Second", "Third"]);
      expect(await comparisonPage.locator(".warning", { hasText: "Removed from the dossier" }).textContent()).toBe(
        "Removed from the dossier since this table was made: Spare. The table still shows the text as it was.",
      );
      await comparisonPage
        .locator(".warning", { hasText: "The alignment corrections were changed while this page was not connected." })
        .waitFor();
      expect(errors).toEqual([]);
    } finally {
      await context.close();
      await relay.close();
    }
  }, 120_000);
  it("says a dossier's page is live no more when the server refuses its connection back, its session ended while it was away", async () => {
    const relay = await cuttableRelay(server.url);
    const { context, dossierPage } = await draftedDossier("Signed out while away", [["First", "applies"]], relay.url);
    try {
      relay.cut();
      // The page's session is ended elsewhere (the person signed out in another tab) while it cannot hear of it.
      const session = (await context.cookies(relay.url)).find((c) => c.name === "synopsis_session")!;
      const signedOut = await fetch(`${server.url}/api/session`, {
        method: "DELETE",
        headers: { cookie: `${session.name}=${session.value}` },
      });
      expect(signedOut.status).toBe(204);
      relay.join();

      // Socket.IO tries again at most 5 s apart: a minute leaves room for a loaded machine.
      await waitToSay(dossierPage, ".news", "will not show here", 60_000);
      expect(await dossierPage.locator(".news").textContent()).toBe(
        "Versions other members add or remove will not show here until you reload the page " +
          "(the server refused the live connection: not signed in).",
      );
      expect(errors).toEqual([]);
    } finally {
      await context.close();
      await relay.close();
    }
  }, 90_000);
  it("says a dossier removed while its pages could not hear of it is no longer there, once they are back", async () => {
    const relay = await cuttableRelay(server.url);
    const { owner, id, versionIds, context, dossierPage } = await draftedDossier(
      "Removed while away",
      [
        ["First", "applies"],
        ["Second", "applies to all"],
      ],
      relay.url,
    );
    const [first, second] = versionIds as [number, number];
    try {
      const comparisonPage = await watchedPage(context, errors);
      await comparisonPage.goto(`${relay.url}/#/dossiers/${id}/compare?versions=${first},${second}&ref=${first}`);
      await comparisonPage.waitForSelector(".rows[data-complete=true]");

      relay.cut();
      expect((await owner.request("DELETE", `/api/dossiers/${id}`)).status).toBe(204);
      await new Promise((r) => setTimeout(r, 1000));
      relay.join();

      await Promise.all([
        waitToSay(dossierPage, ".warning", "no longer there", 60_000),
        waitToSay(comparisonPage, ".warning", "no longer there", 60_000),
      ]);
      const gone = `This dossier is no longer there for you: it was removed, or you may no longer read it (no dossier ${id}).`;
      expect(await dossierPage.locator(".warning").textContent()).toBe(gone);
      expect(await dossierPage.locator("form").count()).toBe(0);
      expect(await comparisonPage.locator(".warning:visible").allTextContents()).toEqual([
        `${gone} The table still shows the texts as they were, and cannot be made again.`,
      ]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
      await relay.close();
    }
  }, 120_000);
  it("keeps a dossier's page live when the same person signs in again in another tab, ending the session it opened with", async () => {
    const { add, context, dossierPage } = await draftedDossier("Signed in twice", [["First", "applies"]], server.url);
    try {
      const before = (await context.cookies(server.url)).find((c) => c.name === "synopsis_session")!;
      // Another tab signs in again as the same person; then the session the first tab opened with ends.
      const otherTab = await watchedPage(context, errors);
      await signInPage(otherTab, server.url, "parliament");
      await otherTab.close();
      const ended = await fetch(`${server.url}/api/session`, { method: "DELETE", headers: { cookie: `${before.name}=${before.value}` } });
      expect(ended.status).toBe(204);
      await add("Second", "applies to all");
      // Heard live, or caught up on when the page joined again with the new session: either way, not stale.
      await dossierPage.locator(".version", { hasText: "Second" }).waitFor({ timeout: 30_000 });
      expect(await dossierPage.locator(".news").textContent()).toMatch(
        /^(A new version was added: Second\.|While this page was not connected, Second was added\.)$/,
      );
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
  it("keeps a dossier's page live by long-polling where WebSockets are refused on the way", async () => {
    const relay = await cuttableRelay(server.url, { refuseWebSockets: true });
    const { id, add, context, dossierPage } = await draftedDossier("Behind a proxy", [["First", "applies"]], relay.url);
    try {
      // Shown once the page has joined the dossier's news, heard there or looked up on joining.
      await add("Second", "applies to all");
      await dossierPage.locator(".version", { hasText: "Second" }).waitFor();
      // Then heard.
      await add("Third", "applies from tomorrow");
      await waitToSay(dossierPage, ".news", "A new version was added: Third.");
      expect(relay.webSocketsRefused).toBeGreaterThan(0);
      // Where nothing refuses them, a page connects by WebSocket from the start, without polling first.
      const direct = await watchedPage(context, errors);
      const polled: string[] = [];
      direct.on("request", (r) => {
        if (r.url().includes("/socket.io/") && r.url().includes("transport=polling")) polled.push(r.url());
      });
      const opened = direct.waitForEvent("websocket", (ws) => ws.url().includes("/socket.io/"));
      await direct.goto(`${server.url}/#/dossiers/${id}`);
      await opened;
      expect(polled).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
      await relay.close();
    }
  });
  it("keeps a version another member added when an older answer to an earlier refresh comes in after it", async () => {
    const owner = await new ApiClient(server.url).signIn("commission");
    const id = (await owner.request<{ dossier: { id: number } }>("POST", "/api/dossiers", { title: "Answers out of order" })).body.dossier
      .id;
    const add = async (name: string) =>
      (await addTextVersion(owner, id, name, `Article 1\nThis Regulation applies to ${name}.\n`)).body.version.id;
    await add("First");
    await page.goto(`${server.url}/#/dossiers/${id}`);
    await page.waitForSelector(".version >> text=First");
    // The dossier read for the news of "Second" answers only after the one read for "Third".
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let held = false;
    await page.route(new RegExp(`/api/dossiers/${id}$`), async (route) => {
      if (held) return route.continue();
      held = true;
      const response = await route.fetch();
      await released;
      await route.fulfill({ response });
    });
    await add("Second");
    await new Promise((r) => setTimeout(r, 300));
    // The news of "Third" lists both.
    await add("Third");
    await page.waitForSelector(".version >> text=Third");
    expect(await page.locator(".version strong").allTextContents()).toEqual(["First", "Second", "Third"]);
    // Then the answer read before "Third" was added, which knows nothing of it: it takes nothing off.
    release();
    await new Promise((r) => setTimeout(r, 1000));
    expect(await page.locator(".version strong").allTextContents()).toEqual(["First", "Second", "Third"]);
    await page.unroute(new RegExp(`/api/dossiers/${id}$`));
    expect(errors).toEqual([]);
  });
});
