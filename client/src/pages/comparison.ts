/*
 * The four-column view: the comparison of the chosen versions against the reference, with a
 * summary, filters (changed only, kind of provision, words), a jump box ("Art 5", "recital 12",
 * "AM 45"), the change map and its keyboard way (n/p or the buttons: the next or previous changed
 * row), keyboard navigation between rows (j/k or the arrow keys), the dossier's alignment
 * corrections, and rows rendered a frame's worth at a time so that a 100,000-word act never
 * freezes the page.
 */
import { api, ApiFailure } from "../api";
import { referenceWords, STATISTICS, type ComparisonRow } from "../../../shared/compare/comparison";
import { filterRows, nearestShown, rangeProblem, type RowFilter } from "../../../shared/compare/filters";
import { provisionLabel } from "../../../shared/model/provision-query";
import { amendmentNumber } from "../../../shared/model/amendment-number";
import { h } from "../dom";
import { rowElement } from "../comparison/row-element";
import { changeMap } from "../comparison/change-map";
import { kindName } from "../../../shared/compare/framing";
import { watchDossier } from "../realtime";
import { pageSignal, showAgain } from "../page-life";
import { correctionsPanel } from "../comparison/corrections";
import { wordDownload } from "../comparison/word-download";
import {
  overridesAmong,
  sameOverrides,
  type DossierDetail,
  type Overrides,
  type ServedComparison,
  type SessionUser,
} from "../../../shared/protocol/api";
import type { OverridesNews } from "../../../shared/protocol/socket";

/** Rows added per animation frame: about 8 ms of layout for typical rows on a modest laptop. */
const ROWS_PER_FRAME = 120;

/** How long typing pauses before the filters are written in the address. */
const ADDRESS_PAUSE_MS = 300;

/**
 * The filters, as typed and chosen, are kept in the page's address under these names: a reload,
 * a link sent to a colleague, signing in again, and the table made again after a correction show
 * the same rows.
 */
const FILTER_PARAMS = { changedOnly: "changed", type: "kind", search: "words", rangeFrom: "from", rangeTo: "to" } as const;

/**
 * The address with the filters given, and those not given (or empty) taken out; the rest of it
 * as it was written ("versions=1,2,3", its commas unescaped).
 */
function addressWithFilters(address: string, values: Record<keyof typeof FILTER_PARAMS, string>): string {
  const [path, query] = address.split("?", 2) as [string, string | undefined];
  const names = new Set<string>(Object.values(FILTER_PARAMS));
  const rest = (query ?? "").split("&").filter((part) => part !== "" && !names.has([...new URLSearchParams(part).keys()][0] ?? ""));
  const filters = new URLSearchParams(
    (Object.entries(FILTER_PARAMS) as [keyof typeof FILTER_PARAMS, string][]).flatMap(([field, name]) =>
      values[field] === "" ? [] : [[name, values[field]]],
    ),
  ).toString();
  return `${path}?${[...rest, ...(filters === "" ? [] : [filters])].join("&")}`;
}

/** The most frames a row gone to is placed again in, while the rows around it take their heights. */
const SETTLING_FRAMES = 10;

/** The id of the statistics' heading, which names their region. */
const STATISTICS_HEADING = "statistics-heading";

function summary(c: ServedComparison, signal: AbortSignal): HTMLElement {
  const header = h("tr", {}, h("th", { scope: "col" }, "version"), ...STATISTICS.map((t) => h("th", { scope: "col" }, t)));
  const rows = c.statistics.map((s, v) =>
    h(
      "tr",
      {},
      h("th", { scope: "row" }, c.versions[v]! + (v === c.ref ? " (reference)" : "")),
      // The reference is what the others are counted against: its own provisions, counted once.
      ...(v === c.ref
        ? [h("td", { colspan: STATISTICS.length, class: "reference" }, referenceWords(s))]
        : STATISTICS.map((name) => h("td", {}, String(s[name])))),
    ),
  );
  // A region of its own: on a phone the table scrolls sideways in it, by keyboard too.
  const region = h(
    "div",
    { class: "statistics", role: "region", "aria-labelledby": STATISTICS_HEADING },
    h("table", { class: "summary" }, h("thead", {}, header), h("tbody", {}, ...rows)),
  );
  tabStopWhileScrolling(region, signal);
  return region;
}

/**
 * Puts an element that scrolls sideways in the tab order, to be scrolled with the arrow keys,
 * and takes it out while it fits (a desktop's width): a tab stop that does nothing is one more
 * for a keyboard to pass. Watched as the window's width changes, until the page is left.
 */
function tabStopWhileScrolling(el: HTMLElement, signal: AbortSignal): void {
  const observer = new ResizeObserver(() => {
    if (el.scrollWidth > el.clientWidth) el.tabIndex = 0;
    else el.removeAttribute("tabindex");
  });
  observer.observe(el);
  signal.addEventListener("abort", () => observer.disconnect(), { once: true });
}

export async function showComparison(app: HTMLElement, dossierId: number, params: URLSearchParams, me: SessionUser): Promise<void> {
  const signal = pageSignal();
  /** This page's address without its query: where the filters are written. */
  const page = location.hash.split("?")[0];
  app.replaceChildren(h("p", { role: "status" }, "Aligning the versions…"));
  const query = new URLSearchParams({ versions: params.get("versions") ?? "" });
  if (params.get("ref")) query.set("ref", params.get("ref")!);
  // Heard from before the table is asked for, so that a version removed while it is being made is told too.
  const asked = (params.get("versions") ?? "").split(",").map(Number);
  // Focusable from script: where focus goes when the button beside it is taken away.
  const gone = h("p", { class: "warning", role: "alert", hidden: true, tabindex: -1 });
  // Corrections changed meanwhile, by another member or in another tab: said, with the way to the table made with them.
  const corrected = h(
    "p",
    { class: "warning", role: "alert", hidden: true },
    h("span", {}),
    " ",
    h("button", { type: "button", class: "show-again" }, "Show the table with them"),
  );
  // Made again at this address, with the filters on screen: set once they exist.
  let again = showAgain;
  corrected.querySelector("button")!.addEventListener("click", () => again());
  // The corrections this page's table was made with, as the server sent them with it, and the
  // latest news of them: news is told against the corrections among the table's versions alone,
  // so that a page already showing the list it hears of (the page that saved it, made again),
  // or hearing of corrections between other versions, says nothing. Once said, it stays said:
  // news may come out of order, and a later one equal to this page's list may be older than
  // the one that differed.
  let shownTable: Pick<ServedComparison, "overrides" | "versionIds"> | null = null;
  const changedSinceMade = (overrides: Overrides) =>
    shownTable !== null && !sameOverrides(overridesAmong(overrides, shownTable.versionIds), shownTable.overrides);
  let heard: OverridesNews | null = null;
  /** The corrections were found changed by looking again, by whom unknown: when, in words. */
  let missed: string | null = null;
  const sayCorrected = () => {
    // A removed dossier's table cannot be made again, with corrections or without.
    if (shownTable === null || dossierGone !== null) return;
    if (heard !== null && changedSinceMade(heard.overrides)) {
      corrected.hidden = false;
      corrected.querySelector("span")!.textContent =
        heard.userId === me.id
          ? "You changed the alignment corrections elsewhere (in another window or tab) since this table was made."
          : `${heard.by} changed the alignment corrections since this table was made.`;
    } else if (missed !== null && corrected.hidden) {
      corrected.hidden = false;
      corrected.querySelector("span")!.textContent = `The alignment corrections were changed ${missed}.`;
    }
  };
  /** The versions of the table, once it is in: for the news of one removed unheard. */
  let shownColumns: readonly { readonly id: number; readonly name: string }[] = [];
  /**
   * Why news may have been missed, when it may: the page joined the dossier's news after the
   * table was asked for, or came back from a lost connection. Looked into once the table is in.
   */
  type Missed = "before joining" | "while away";
  let catchUpPending: Missed | null = null;
  /** What the dossier as it is now says of news this page may have missed, told against the table. */
  const learnFrom = (now: DossierDetail, why: Missed) => {
    unsure = null;
    const present = new Set(now.versions.map((v) => v.id));
    for (const { id, name } of shownColumns) if (!present.has(id)) goneVersions.set(id, name);
    sayGone();
    if (changedSinceMade(now.overrides)) {
      missed = why === "while away" ? "while this page was not connected" : "since this table was made";
      sayCorrected();
    }
  };
  /** News sent before the page heard it was missed: the dossier is read again to say it. */
  const catchUp = (why: Missed) => {
    api<{ dossier: DossierDetail }>("GET", `/api/dossiers/${dossierId}`)
      .then(({ dossier: now }) => {
        if (!signal.aborted) learnFrom(now, why);
      })
      .catch((err: unknown) => {
        if (signal.aborted) return;
        // The page hears the news from now on; what came before it could not be looked for.
        const when = why === "while away" ? "while this page was not connected" : "just before this page was connected";
        unsure = `Changes made ${when} may not be said here: the dossier could not be read again${err instanceof ApiFailure ? ` (${err.message})` : ""}.`;
        sayGone();
      });
  };
  /** Catches up now, or once the table is in: what was missed is told against it. */
  const catchUpOnceShown = (why: Missed) => {
    // Coming back from a lost connection says more than the first join, when both wait.
    if (shownTable === null) catchUpPending = catchUpPending === "while away" ? catchUpPending : why;
    else catchUp(why);
  };
  /** The versions of this table removed since it was made, by id: heard of, or found on coming back. */
  const goneVersions = new Map<number, string>();
  /** Why this page no longer hears the dossier's news, when it does not. */
  let deaf: string | null = null;
  /** That news from before the page heard it may have been missed, when the dossier could not be read again to find it. */
  let unsure: string | null = null;
  /** What became of the dossier since the table was made, when it is no longer there: who removed it. */
  let dossierGone: string | null = null;
  const sayGone = () => {
    if (dossierGone !== null) {
      gone.hidden = false;
      gone.textContent = `${dossierGone} The table still shows the texts as they were, and cannot be made again.`;
      return;
    }
    // Both when both are so: a page told of a removal and then no longer told anything says so.
    const said: string[] = [];
    const goneNames = [...goneVersions.values()];
    if (goneNames.length > 0)
      said.push(`Removed from the dossier since this table was made: ${goneNames.join(", ")}. The table still shows the text as it was.`);
    if (deaf !== null) {
      const which = goneNames.length > 0 ? "another" : "one";
      said.push(
        `This page will not say if ${which} of these versions is removed from the dossier, or if its alignment corrections change (${deaf}).`,
      );
    }
    if (unsure !== null) said.push(unsure);
    gone.hidden = said.length === 0;
    gone.textContent = said.join(" ");
  };
  /** Says the dossier is gone, in place of the offer to show the table with new corrections, which could not be made. */
  const sayDossierGone = () => {
    const hadFocus = corrected.contains(document.activeElement);
    corrected.hidden = true;
    sayGone();
    if (hadFocus) gone.focus();
  };
  watchDossier(dossierId, {
    dossierRemoved: ({ userId, by }) => {
      if (signal.aborted) return;
      dossierGone = `${userId === me.id ? "You removed this dossier elsewhere (in another window or tab)" : `${by} removed this dossier`} since this table was made.`;
      sayDossierGone();
    },
    missing: (message) => {
      // Who removed it, when heard, says more than a join refused after.
      if (signal.aborted || dossierGone !== null) return;
      dossierGone = `This dossier is no longer there for you: it was removed, or you may no longer read it (${message}).`;
      sayDossierGone();
    },
    versionRemoved: ({ versionId, name }) => {
      if (signal.aborted || !asked.includes(versionId)) return;
      goneVersions.set(versionId, name);
      sayGone();
    },
    overridesChanged: (news) => {
      if (signal.aborted) return;
      heard = news;
      sayCorrected();
    },
    notLive: (reason) => {
      if (signal.aborted) return;
      deaf = reason;
      sayGone();
    },
    // The table was asked for before the news of the dossier reached this page: a correction
    // saved or a version removed in between was not heard.
    joined: () => catchUpOnceShown("before joining"),
    rejoined: () => {
      // Heard again: what was said of the page not being live is no longer so.
      deaf = null;
      sayGone();
      catchUpOnceShown("while away");
    },
  });
  // The table, which comes with the corrections it was made with, then the dossier, for the
  // corrections panel: read after the table, the panel's list is never older than the table's,
  // and what changed in between is said as news missed.
  const comparison = await api<ServedComparison>("GET", `/api/dossiers/${dossierId}/compare?${query.toString()}`);
  // The reader went elsewhere while the table was being made: it is not shown over that page.
  if (signal.aborted) return;
  const { dossier } = await api<{ dossier: DossierDetail }>("GET", `/api/dossiers/${dossierId}`);
  if (signal.aborted) return;
  shownTable = comparison;
  shownColumns = comparison.versionIds.map((versionId, v) => ({ id: versionId, name: comparison.versions[v]! }));
  learnFrom(dossier, "before joining");
  sayCorrected();
  if (catchUpPending !== null) catchUp(catchUpPending);
  performance.mark("comparison:received");
  const columns = comparison.versions.length;

  const changedOnly = h("input", { type: "checkbox", id: "changed-only" });
  const types = [...new Set(comparison.rows.map((r) => r.type))];
  const type = h(
    "select",
    { id: "type-filter" },
    h("option", { value: "" }, "all provisions"),
    // The act's title and concluding formulas are Akoma Ntoso's preface and conclusions: named as readers name them.
    ...types.map((t) => h("option", { value: t }, kindName(t))),
  );
  const search = h("input", { type: "search", id: "search", placeholder: "words…" });
  // A range of provisions, typed as people type them ("art 4" to "art 9"): applied once both ends are given.
  const rangeFrom = h("input", { type: "search", id: "range-from", placeholder: "e.g. Art 4", size: 8, "aria-label": "From provision" });
  const rangeTo = h("input", { type: "search", id: "range-to", placeholder: "e.g. Art 9", size: 8, "aria-label": "To provision" });
  const jump = h("input", { type: "search", id: "jump", placeholder: "Art 5, recital 12, AM 45…" });
  const status = h("span", { class: "count", role: "status" });
  // A table of its own elements, laid out as a grid on screen and as a table in print, where its
  // head repeats at the top of every page.
  const header = h(
    "thead",
    { role: "rowgroup" },
    h(
      "tr",
      { class: "row header", role: "row", "aria-rowindex": 1 },
      h("th", { class: "label", role: "columnheader", scope: "col" }, "Provision"),
      ...comparison.versions.map((name, v) =>
        h("th", { class: "cell", role: "columnheader", scope: "col" }, name + (v === comparison.ref ? " (reference)" : "")),
      ),
    ),
  );
  const body = h("tbody", { class: "rows", role: "rowgroup" });
  const table = h("table", { class: "comparison", role: "table", "aria-label": "Comparison" }, header, body);
  table.style.setProperty("--columns", String(columns));
  // A row scrolled to its top stops below the column heads, however many lines their names take.
  const heads = new ResizeObserver(() => table.style.setProperty("--head-height", `${header.getBoundingClientRect().height}px`));
  heads.observe(header);
  signal.addEventListener("abort", () => heads.disconnect(), { once: true });

  let shown: ComparisonRow[] = comparison.rows;
  /** Why the range typed takes no row ("no row is Article 99"), when it takes none. */
  let rangeSaid: string | null = null;
  /** Whether one end of the range is typed and not the other: the range is not applied, and the page says why. */
  let rangeHalf = false;
  /** The shown row last focused: where "next change" counts from. */
  let current = -1;
  let rendering = 0;
  const render = () => {
    const generation = ++rendering;
    current = -1;
    body.replaceChildren();
    table.setAttribute("aria-rowcount", String(shown.length + 1));
    status.textContent =
      shown.length === 0
        ? `No row matches ${rangeSaid === null ? "these filters" : `this range: ${rangeSaid}`} (of ${comparison.rows.length} rows)`
        : `${shown.length} of ${comparison.rows.length} rows${rangeHalf ? ": a range needs both its ends" : ""}`;
    let next = 0;
    const step = () => {
      // A new rendering, or the page left: rows are built for the table on screen only.
      if (generation !== rendering || signal.aborted) return;
      const fragment = document.createDocumentFragment();
      for (const end = Math.min(shown.length, next + ROWS_PER_FRAME); next < end; next++)
        fragment.append(rowElement(shown[next]!, next, { names: comparison.versions, ref: comparison.ref }));
      body.append(fragment);
      // The next frame begins once the first rows are painted: the mark the benchmark reads.
      if (next <= ROWS_PER_FRAME) requestAnimationFrame(() => performance.mark("comparison:first-rows-painted"));
      if (next < shown.length) requestAnimationFrame(step);
      else body.dataset.complete = "true";
    };
    delete body.dataset.complete;
    step();
  };
  /** An end of the range as a label ("art 4" is "Article 4"), or as typed when it names no provision. */
  const rangeEnd = (input: HTMLInputElement): string => provisionLabel(input.value) ?? input.value.trim();
  // In print, where the controls are not, the filters of a filtered table are said above it.
  const filtered = h("p", { class: "filtered print-only", hidden: true });
  const applyFilters = () => {
    const from = rangeEnd(rangeFrom);
    const to = rangeEnd(rangeTo);
    const filter: RowFilter = {
      changedOnly: changedOnly.checked,
      types: type.value ? [type.value] : [],
      search: search.value,
      ...(from !== "" && to !== "" ? { range: { from, to } } : {}),
    };
    shown = filterRows(comparison, filter);
    rangeHalf = (from === "") !== (to === "");
    rangeSaid = filter.range ? rangeProblem(comparison, filter.range) : null;
    const said = [
      ...(filter.changedOnly ? ["changed only"] : []),
      ...(type.value ? [`kind: ${kindName(type.value)}`] : []),
      ...(search.value.trim() ? [`words: “${search.value.trim()}”`] : []),
      ...(filter.range ? [`from ${filter.range.from} to ${filter.range.to}`] : []),
    ];
    filtered.hidden = said.length === 0;
    filtered.textContent = `Rows shown: ${shown.length} of ${comparison.rows.length}, filtered (${said.join("; ")}).`;
    keepFiltersInAddress();
    render();
  };
  /**
   * The filters put in the address without making the page again (replacing it fires no
   * hashchange), once typing pauses: browsers refuse an address replaced too often (Safari,
   * a hundred times in 30 seconds), and words are typed a letter at a time.
   */
  let addressTimer: ReturnType<typeof setTimeout> | undefined;
  const writeFilters = () => {
    clearTimeout(addressTimer);
    // Not over the address of another page, which the reader may have gone to meanwhile.
    if (signal.aborted || location.hash.split("?")[0] !== page) return;
    const address = addressWithFilters(location.hash, {
      changedOnly: changedOnly.checked ? "1" : "",
      type: type.value,
      search: search.value,
      rangeFrom: rangeFrom.value,
      rangeTo: rangeTo.value,
    });
    if (address !== location.hash) history.replaceState(history.state, "", address);
  };
  const keepFiltersInAddress = () => {
    clearTimeout(addressTimer);
    addressTimer = setTimeout(writeFilters, ADDRESS_PAUSE_MS);
  };
  /** The page made again at its address, with the filters on screen written there first. */
  const madeAgain = () => {
    writeFilters();
    showAgain();
  };
  // The filters the address gives; a kind no row of this table has is left out.
  const given = (field: keyof typeof FILTER_PARAMS) => params.get(FILTER_PARAMS[field]) ?? "";
  changedOnly.checked = given("changedOnly") === "1";
  if (types.includes(given("type"))) type.value = given("type");
  search.value = given("search");
  rangeFrom.value = given("rangeFrom");
  rangeTo.value = given("rangeTo");
  const filteredByAddress = Object.values(FILTER_PARAMS).some((name) => params.has(name));
  again = madeAgain;
  changedOnly.addEventListener("change", applyFilters);
  type.addEventListener("change", applyFilters);
  search.addEventListener("input", applyFilters);
  // An end is applied once typed (Enter, or leaving the box), and at once when emptied (its ✕, or all deleted).
  for (const end of [rangeFrom, rangeTo]) {
    end.addEventListener("change", applyFilters);
    end.addEventListener("input", () => {
      if (end.value === "") applyFilters();
    });
  }

  /**
   * Brings row `index` of the shown rows into view and focuses it, waiting for the rendering to
   * reach it; a new rendering (filters changed) or leaving the page drops the wait.
   */
  const focusRow = (index: number) => {
    if (index < 0 || index >= shown.length) return;
    const generation = rendering;
    const attempt = () => {
      if (generation !== rendering || !body.isConnected) return;
      const el = body.querySelector<HTMLElement>(`.row[data-index="${index}"]`);
      if (!el) {
        if (body.dataset.complete !== "true") requestAnimationFrame(attempt);
        return;
      }
      // A row taller than most of the window shows from its top, with its label; others in the
      // middle, unless that leaves their top under the column heads (a small window).
      const place = () => {
        const tall = el.getBoundingClientRect().height > window.innerHeight / 2;
        el.scrollIntoView({ block: tall ? "start" : "center" });
        if (el.getBoundingClientRect().top < header.getBoundingClientRect().bottom) el.scrollIntoView({ block: "start" });
      };
      place();
      el.focus({ preventScroll: true });
      // Rows never shown are laid out at a guessed height until they come into view, and then
      // take their own: the scroll, worked out on the guesses, can leave the row out of view once
      // the rows around it are drawn. It is placed again, frame after frame, for a few frames
      // (while the focus stays on it).
      let frames = 0;
      const settle = () => {
        if (generation !== rendering || !el.isConnected || document.activeElement !== el || ++frames > SETTLING_FRAMES) return;
        place();
        requestAnimationFrame(settle);
      };
      requestAnimationFrame(settle);
    };
    attempt();
  };
  jump.addEventListener("keydown", (e) => {
    if (e.key !== "Enter") return;
    const label = provisionLabel(jump.value);
    const wanted = (label ?? jump.value.trim()).toLowerCase();
    if (wanted === "") return;
    // The reference's own provision of that number first; then a row labelled so in another
    // version's numbering, where the reference lacks the provision; then a row where any column has it.
    let index = shown.findIndex((r) => r.cells[comparison.ref]?.label.toLowerCase() === wanted);
    if (index < 0) index = shown.findIndex((r) => r.label.toLowerCase() === wanted);
    if (index < 0) index = shown.findIndex((r) => r.cells.some((c) => c?.label.toLowerCase() === wanted));
    // "Section 2" finds "Chapter III, Section 2" when only one row ends so.
    if (index < 0) {
      const ending = shown.flatMap((r, i) => (r.label.toLowerCase().endsWith(`, ${wanted}`) ? [i] : []));
      if (ending.length === 1) index = ending[0]!;
    }
    // "AM 45" finds the provision the Parliament's amendment 45 amends.
    const amendment = amendmentNumber(jump.value);
    if (index < 0 && amendment !== null)
      index = shown.findIndex((r) => r.cells.some((c) => c?.amendments?.some((a) => amendmentNumber(a) === amendment)));
    jump.setCustomValidity(index < 0 ? `No ${label ?? jump.value.trim()} in the rows shown` : "");
    jump.reportValidity();
    if (index >= 0) focusRow(index);
  });
  body.addEventListener("focusin", (e) => {
    const row = (e.target as HTMLElement).closest<HTMLElement>(".row");
    if (!row) return;
    current = Number(row.dataset.index);
    // The row last focused is the table's place in the tab order: Tab leaves the table from it, and Shift+Tab comes back to it.
    for (const other of body.querySelectorAll<HTMLElement>('.row[tabindex="0"]')) if (other !== row) other.tabIndex = -1;
    row.tabIndex = 0;
  });
  /** The keyboard's way to what the change map shows: the next (or previous) row where the columns differ. */
  const toChange = (direction: 1 | -1) => {
    // Nothing shown: the status line already says that no row matches the filters.
    if (shown.length === 0) return;
    let index = current + direction;
    if (current < 0 && direction < 0) index = shown.length - 1;
    while (index >= 0 && index < shown.length && shown[index]!.status === "same") index += direction;
    const count = `${shown.length} of ${comparison.rows.length} rows`;
    if (index >= 0 && index < shown.length) {
      status.textContent = count;
      focusRow(index);
    } else {
      const where = current < 0 ? "in the rows shown" : `${direction > 0 ? "below" : "above"} this row`;
      status.textContent = `No change ${where} (${count})`;
    }
  };
  const nextChange = h("button", { type: "button", id: "next-change", title: "n, while a row has focus" }, "Next change ↓");
  const previousChange = h("button", { type: "button", id: "previous-change", title: "p, while a row has focus" }, "Previous change ↑");
  nextChange.addEventListener("click", () => toChange(1));
  previousChange.addEventListener("click", () => toChange(-1));
  // Keys of one letter (j, k, n, p) work only while a row has focus (Tab reaches the first): on
  // a link or a button, a letter typed or spoken by speech input must not move the page (WCAG 2.1.4).
  body.addEventListener("keydown", (e) => {
    const row = (e.target as HTMLElement).closest<HTMLElement>(".row");
    if (!row || e.ctrlKey || e.metaKey || e.altKey) return;
    const index = Number(row.dataset.index);
    if (e.key === "ArrowDown" || e.key === "j") focusRow(Math.min(shown.length - 1, index + 1));
    else if (e.key === "ArrowUp" || e.key === "k") focusRow(Math.max(0, index - 1));
    else if (e.key === "n") toChange(1);
    else if (e.key === "p") toChange(-1);
    else return;
    e.preventDefault();
  });

  const title = `Comparison: ${comparison.versions.join(" | ")}`;
  document.title = `${title} · Synopsis`;
  app.replaceChildren(
    h("p", { class: "no-print" }, h("a", { href: `#/dossiers/${dossierId}` }, "← Dossier")),
    h("h1", {}, title),
    gone,
    corrected,
    ...comparison.notices.map((n) => h("p", { class: "notice", role: "note" }, h("strong", {}, "Demonstration. "), n)),
    ...comparison.warnings.map((w) => h("p", { class: "warning", role: "alert" }, w)),
    h("h2", { class: "visually-hidden", id: STATISTICS_HEADING }, "Statistics"),
    summary(comparison, signal),
    filtered,
    h("h2", { class: "visually-hidden" }, "Alignment corrections"),
    correctionsPanel({
      dossierId,
      comparison,
      dossier,
      saved: madeAgain,
      removed: () => goneVersions,
      dossierRemoved: () => dossierGone !== null,
    }),
    h(
      "p",
      { class: "legend" },
      "Against the reference column: ",
      h("ins", {}, "inserted words"),
      " are underlined, ",
      h("del", {}, "deleted words"),
      " struck through.",
    ),
    wordDownload(comparison, title, () => ({ rows: shown, filtered: filtered.hidden ? null : filtered.textContent })),
    h("h2", { class: "visually-hidden no-print" }, "Filters and moving through the table"),
    h(
      "div",
      { class: "controls no-print" },
      h("label", {}, changedOnly, " changed only"),
      h("label", {}, "Kind ", type),
      h("label", {}, "Find ", search),
      h("span", { class: "range" }, h("label", {}, "From ", rangeFrom), h("label", {}, " to ", rangeTo)),
      h("label", {}, "Go to ", jump),
      previousChange,
      nextChange,
      status,
    ),
    h("h2", { class: "visually-hidden" }, "The table"),
    h(
      "div",
      { class: "comparison-frame" },
      table,
      changeMap(comparison.rows, (i) => {
        const index = nearestShown(comparison.rows, shown, i);
        if (index >= 0) focusRow(index);
      }),
    ),
  );
  if (filteredByAddress) applyFilters();
  else render();
}
