/*
 * One dossier: its versions (with the notice of a demonstration text), the choice of columns and
 * reference for a comparison, an upload form for those who may add versions, the removal of a
 * version by those who may, and its members. Versions others add or remove come and go live.
 */
import { api, ApiFailure } from "../api";
import { filesSentTo, forgetShown, onFileSent, sendFile, sentFromHere, type FileSent } from "../files-sent";
import { watchDossier } from "../realtime";
import { pageSignal } from "../page-life";
import {
  DEFAULT_STAGE,
  STAGES,
  type DossierDetail,
  type DossierVersion,
  type SessionUser,
  type VersionSummary,
} from "../../../shared/protocol/api";
import { h } from "../dom";
import { removalQuestion } from "../removal-question";
import { membersSection } from "../members";

/** The most columns a comparison takes. */
const MAX_COLUMNS = 6;

/** The removal of the dossier by its own page, under way or not. */
interface Removing {
  underway: boolean;
  /** The news of the dossier's end heard meanwhile, said if this removal fails. */
  heard: string | null;
  /** The removal failed: what was heard meanwhile is said. */
  readonly failed: () => void;
}

/** Removes a version on the server and from the page; rejects with the reason it could not. */
type Removal = (v: DossierVersion) => Promise<void>;

function versionRow(dossierId: number, v: DossierVersion, ticked: boolean, showNotice: boolean, remove: Removal): HTMLElement {
  const counts = Object.entries(v.counts)
    .filter(([type]) => ["recital", "article", "annex"].includes(type))
    .map(([type, n]) => `${n} ${type}${n === 1 ? "" : "s"}`)
    .join(", ");
  return h(
    "li",
    { class: "version", "data-version": v.id },
    h("input", { type: "checkbox", name: "column", value: v.id, id: `column-${v.id}`, checked: ticked }),
    h(
      "label",
      { for: `column-${v.id}` },
      h("strong", {}, v.name),
      // The stage only where the name does not say it already ("Commission proposal", stage "commission proposal").
      v.name.toLowerCase() === v.stage.toLowerCase() ? "" : ` (${v.stage})`,
      // A text of no recital, article or annex has no counts: no empty place between two dots.
      ` · ${[counts, `${v.words} words`, `added by ${v.addedBy}`].filter((part) => part !== "").join(" · ")}`,
    ),
    h(
      "label",
      { class: "ref" },
      h("input", { type: "radio", name: "ref", value: v.id, "aria-label": `${v.name} as the reference` }),
      " reference",
    ),
    v.notice && showNotice ? h("p", { class: "notice", role: "note" }, v.notice) : null,
    // What reading its file found amiss, for every member, long after the upload's own line is gone.
    v.warnings.length > 0
      ? h(
          "details",
          { class: "reading-warnings" },
          h(
            "summary",
            {},
            v.warnings.length === 1 ? "1 warning from reading the file" : `${v.warnings.length} warnings from reading the file`,
          ),
          h("ul", {}, ...v.warnings.map((w) => h("li", {}, w))),
        )
      : null,
    h("a", { href: `/api/dossiers/${dossierId}/versions/${v.id}?format=akn`, class: "akn" }, "Akoma Ntoso"),
    v.removable ? removeControl(v, remove) : null,
  );
}

/** "Remove…" for a version: gone for every member, with the alignment corrections that name it. */
function removeControl(v: DossierVersion, remove: Removal): HTMLElement {
  return removalQuestion({
    ask: "Remove…",
    askLabel: `Remove ${v.name}…`,
    question: `Remove ${v.name} for every member?`,
    questionId: `remove-question-${v.id}`,
    confirm: `Remove ${v.name}`,
    remove: () => remove(v),
  });
}

/** Versions ticked at first: all of them when a comparison can take them all, else the first and the latest. */
function tickedAtFirst(versions: readonly VersionSummary[]): Set<number> {
  if (versions.length <= MAX_COLUMNS) return new Set(versions.map((v) => v.id));
  return new Set([versions[0]!.id, ...versions.slice(-(MAX_COLUMNS - 1)).map((v) => v.id)]);
}

/** Shows a dossier; versions others add or remove while the page is open come and go as they do. */
export async function showDossier(app: HTMLElement, id: number, me: SessionUser): Promise<void> {
  const signal = pageSignal();
  const { dossier } = await api<{ dossier: DossierDetail }>("GET", `/api/dossiers/${id}`);
  // The reader went elsewhere meanwhile: this page is not shown over that one.
  if (signal.aborted) return;
  const ticked = tickedAtFirst(dossier.versions);
  // A notice every version carries (the demonstration texts) is said once, above them.
  const notices = new Set(dossier.versions.map((v) => v.notice));
  const shared = notices.size === 1 ? [...notices][0]! : null;
  // Focusable from script: where focus goes when the row that had it is removed.
  const news = h("p", { class: "news", role: "status", tabindex: -1 });
  const none = h("p", {}, "No versions yet.");
  /** Versions this page is removing: the news of their removal is this page's own. */
  const removing = new Set<number>();
  /** Versions known to be removed: a list fetched before their removal must not bring them back. */
  const removed = new Set<number>();
  const remove: Removal = async (v) => {
    removing.add(v.id);
    try {
      await api("DELETE", `/api/dossiers/${id}/versions/${v.id}`);
    } catch (err) {
      // Gone already (another member removed it first) is what was wanted; any other refusal,
      // a 404 for the dossier itself included, is said as it is.
      if (!(err instanceof ApiFailure && err.status === 404 && (await isGone(v.id)))) {
        removing.delete(v.id);
        throw err;
      }
    }
    dropVersion(v.id, true);
    news.textContent = `Removed ${v.name}.`;
  };
  /** Whether the dossier, read afresh, no longer has the version; false when it cannot be read. */
  const isGone = (versionId: number): Promise<boolean> =>
    api<{ dossier: DossierDetail }>("GET", `/api/dossiers/${id}`).then(
      ({ dossier: fresh }) => !fresh.versions.some((v) => v.id === versionId),
      () => false,
    );
  const list = h("ul", { class: "versions" }, ...dossier.versions.map((v) => versionRow(id, v, ticked.has(v.id), shared === null, remove)));
  const firstRef = list.querySelector<HTMLInputElement>('input[name="ref"]');
  if (firstRef) firstRef.checked = true;
  const message = h("p", { class: "error", role: "alert" });
  const compare = h("button", { type: "submit" }, "Compare");
  const form = h("form", { class: "choose" }, list, compare, message);
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const columns = [...form.querySelectorAll<HTMLInputElement>('input[name="column"]:checked')].map((i) => i.value);
    const ref = form.querySelector<HTMLInputElement>('input[name="ref"]:checked')?.value ?? columns[0];
    if (columns.length < 2 || columns.length > 6) {
      message.textContent = "Choose two to six versions to compare.";
      return;
    }
    if (!ref || !columns.includes(ref)) {
      message.textContent = "The reference must be one of the versions compared.";
      return;
    }
    location.hash = `#/dossiers/${id}/compare?versions=${columns.join(",")}&ref=${ref}`;
  });

  document.title = `${dossier.title} · Synopsis`;
  const canAdd = dossier.role === "owner" || dossier.role === "drafter";
  const shown = new Set(dossier.versions.map((v) => v.id));
  // The list is on the page even while empty, so that the first version another member adds appears in it.
  form.hidden = dossier.versions.length === 0;
  /** Takes a removed version off the list (`own`: this page removed it); false when it was not on it. */
  function dropVersion(versionId: number, own = false): boolean {
    removed.add(versionId);
    const row = list.querySelector(`li[data-version="${versionId}"]`);
    if (row === null) return false;
    const wasRef = row.querySelector<HTMLInputElement>('input[name="ref"]')?.checked ?? false;
    // The row had the focus; or, in this page's own removal, had it until its button was disabled while the removal ran.
    const hadFocus = row.contains(document.activeElement) || (own && document.activeElement === document.body);
    row.remove();
    // Focus does not fall to the page with the row that had it: the status line says what happened.
    if (hadFocus) news.focus();
    if (wasRef) {
      // The reference passes to the first version still ticked, else to the first of all.
      const ticked = list.querySelector<HTMLInputElement>('li:has(input[name="column"]:checked) input[name="ref"]');
      const first = ticked ?? list.querySelector<HTMLInputElement>('input[name="ref"]');
      if (first) first.checked = true;
    }
    if (list.children.length === 0) {
      form.hidden = true;
      form.before(none);
    }
    return true;
  }
  /**
   * Brings the list up to date with the dossier read afresh, so that what this user may see is
   * the server's to say. New versions come unticked, so that a choice in progress stands, unless
   * fewer than two are ticked: then no comparison could be made without them.
   */
  const refreshList = async (): Promise<{ readonly added: string[]; readonly removed: string[] }> => {
    // Only a version listed when the dossier was asked for can be gone from its answer: refreshes
    // may answer out of order, and an older answer knows nothing of a version added since.
    const listedBefore = new Set(shown);
    const { dossier: fresh } = await api<{ dossier: DossierDetail }>("GET", `/api/dossiers/${id}`);
    const added: string[] = [];
    const dropped: string[] = [];
    if (!list.isConnected) return { added, removed: dropped };
    for (const v of fresh.versions) {
      if (shown.has(v.id) || removed.has(v.id)) continue;
      shown.add(v.id);
      added.push(v.name);
      const tick = list.querySelectorAll('input[name="column"]:checked').length < 2;
      list.append(versionRow(id, v, tick, v.notice !== shared, remove));
    }
    // Gone from the dossier, unheard of: removed while this page was not connected.
    const present = new Set(fresh.versions.map((v) => v.id));
    for (const row of list.querySelectorAll<HTMLElement>("li[data-version]")) {
      const versionId = Number(row.dataset.version);
      if (present.has(versionId) || removing.has(versionId) || !listedBefore.has(versionId)) continue;
      const name = row.querySelector("strong")?.textContent ?? `version ${versionId}`;
      if (dropVersion(versionId)) dropped.push(name);
    }
    const reference = list.querySelector<HTMLInputElement>('input[name="ref"]');
    if (reference && !list.querySelector('input[name="ref"]:checked')) reference.checked = true;
    if (list.children.length > 0) {
      form.hidden = false;
      none.remove();
    }
    return { added, removed: dropped };
  };
  const versionAdded = ({ versionId, name }: { versionId: number; name: string }) => {
    if (shown.has(versionId) || !list.isConnected) return;
    // A version this browser is sending: its news is said on the file's own line.
    const ours = sentFromHere(id, versionId, name);
    refreshList()
      .then(() => {
        if (!ours) news.textContent = `A new version was added: ${name}.`;
      })
      .catch((err: unknown) => {
        // The list could not be brought up to date: say so, rather than leave it quietly stale.
        const why = err instanceof ApiFailure ? `: ${err.message}` : "";
        news.textContent = `A new version was added: ${name}. Reload the page to see it (the list could not be refreshed${why}).`;
      });
  };
  /** Whether the news says the page is not live, until it is heard again. */
  let notLiveSaid = false;
  /**
   * Reads the dossier again for news this page may have missed, and says what `told` makes of
   * the versions found added and removed (nothing when it gives null); or, when the dossier
   * cannot be read, `unread` and why.
   */
  const lookAgain = (told: (found: { readonly added: string[]; readonly removed: string[] }) => string | null, unread: string) => {
    refreshList()
      .then((found) => {
        const said = told(found);
        if (said !== null && list.isConnected) news.textContent = said;
      })
      .catch((err: unknown) => {
        const why = err instanceof ApiFailure ? ` (${err.message})` : "";
        if (list.isConnected) news.textContent = `${unread}${why}.`;
      });
  };
  /** Nothing of the dossier is left to read or to change: the page says so in place of what it showed, and puts the focus there. */
  const gone = (said: string) => {
    if (!list.isConnected) return;
    const message = h("p", { class: "warning", tabindex: -1 }, said);
    app.replaceChildren(h("p", {}, h("a", { href: "#/dossiers" }, "← Dossiers")), h("h1", {}, dossier.title), message);
    message.focus();
  };
  /**
   * This page is removing the dossier, and goes to the list once it is done: the news of its end
   * is its own then, kept in `heard`, and said only if the removal fails.
   */
  const removal: Removing = {
    underway: false,
    heard: null,
    failed: () => {
      removal.underway = false;
      if (removal.heard !== null) gone(removal.heard);
    },
  };
  const goneUnlessRemoving = (said: string) => {
    if (removal.underway) removal.heard = said;
    else gone(said);
  };
  watchDossier(id, {
    versionAdded,
    dossierRemoved: ({ userId, by }) => {
      goneUnlessRemoving(
        userId === me.id
          ? "You removed this dossier elsewhere (in another window or tab), with its versions and alignment corrections."
          : `${by} removed this dossier, with its versions and alignment corrections.`,
      );
    },
    missing: (message) =>
      goneUnlessRemoving(`This dossier is no longer there for you: it was removed, or you may no longer read it (${message}).`),
    versionRemoved: ({ versionId, name }) => {
      if (removing.has(versionId) || !list.isConnected) return;
      if (dropVersion(versionId)) news.textContent = `${name} was removed by another member.`;
    },
    notLive: (reason) => {
      if (!list.isConnected) return;
      news.textContent = `Versions other members add or remove will not show here until you reload the page (${reason}).`;
      notLiveSaid = true;
    },
    // Versions added or removed after the dossier was read and before the news reached this page.
    joined: () =>
      lookAgain(({ added, removed: dropped }) => {
        if (added.length > 0)
          return added.length === 1 ? `A new version was added: ${added[0]}.` : `New versions were added: ${added.join(", ")}.`;
        if (dropped.length > 0) return `${dropped.join(", ")} ${dropped.length === 1 ? "was" : "were"} removed by another member.`;
        return null;
      }, "Reload the page to see the versions as they are now"),
    rejoined: () =>
      lookAgain(({ added, removed: dropped }) => {
        // Heard again: what was said of the page not being live is no longer so.
        const wasNotLive = notLiveSaid;
        notLiveSaid = false;
        if (added.length + dropped.length === 0) return wasNotLive ? "" : null;
        return [
          "While this page was not connected,",
          [
            ...(added.length > 0 ? [`${added.join(", ")} ${added.length === 1 ? "was" : "were"} added`] : []),
            ...(dropped.length > 0 ? [`${dropped.join(", ")} ${dropped.length === 1 ? "was" : "were"} removed`] : []),
          ].join("; ") + ".",
        ].join(" ");
      }, "This page was not connected for a while: reload it to see the versions as they are now"),
  });
  app.replaceChildren(
    h("p", {}, h("a", { href: "#/dossiers" }, "← Dossiers")),
    h("h1", {}, dossier.title),
    h(
      "p",
      { class: "meta" },
      [dossier.procedure, dossier.restricted ? "LIMITE" : null, `your role: ${dossier.role ?? "reader (open dossier)"}`]
        .filter(Boolean)
        .join(" · "),
    ),
    h("h2", {}, "Versions"),
    ...(shared ? [h("p", { class: "notice", role: "note" }, shared)] : []),
    news,
    ...(dossier.versions.length === 0 ? [none] : []),
    form,
    canAdd
      ? uploadForm(
          id,
          () =>
            refreshList().then(
              () => undefined,
              (err: unknown) => {
                const why = err instanceof ApiFailure ? `: ${err.message}` : "";
                news.textContent = `Reload the page to see the version you added (the list could not be refreshed${why}).`;
              },
            ),
          signal,
        )
      : h("p", { class: "meta" }, "Owners and drafters of this dossier may add versions."),
    membersSection(dossier, me),
    ...(dossier.role === "owner" ? [h("h2", {}, "Remove the dossier"), dossierRemoval(dossier, removal)] : []),
  );
}

/**
 * "Remove this dossier…", for its owners: the dossier goes for every member, with its versions
 * and alignment corrections; then the list of dossiers.
 */
function dossierRemoval(dossier: DossierDetail, removal: Removing): HTMLElement {
  const count = dossier.versions.length;
  const what = count === 0 ? "" : ` with its ${count === 1 ? "version" : `${count} versions`} and alignment corrections`;
  const question = removalQuestion({
    ask: "Remove this dossier…",
    question: `Remove “${dossier.title}”${what}, for every member?`,
    questionId: "remove-dossier-question",
    confirm: "Remove the dossier",
    remove: () => {
      removal.underway = true;
      return api("DELETE", `/api/dossiers/${dossier.id}`)
        .catch((err: unknown) => {
          // Removed already (from another tab, or by another owner): what was wanted.
          if (!(err instanceof ApiFailure && err.status === 404)) {
            removal.failed();
            throw err;
          }
        })
        .then(() => {
          location.hash = "#/dossiers";
        });
    },
  });
  return h("p", {}, question);
}

/**
 * The form that adds versions. Each file sent has a line of its own below the form, with its
 * progress and then its outcome, so that a small file sent while a large one is still being
 * read is told apart from it, and the lines outlive the page (see files-sent.ts). The form is
 * cleared as soon as a file is sent, so that a second click sends nothing twice, and filled
 * again with what was sent if that is refused while the form is still empty. An added version
 * joins the list through `added`.
 */
function uploadForm(id: number, added: () => Promise<void>, signal: AbortSignal): HTMLElement {
  const file = h("input", { type: "file", name: "file", id: "upload-file", required: true });
  // Something besides spaces: a name of spaces would be refused only after the file was sent.
  // The browser says a refused pattern's title with its own words: "Please match the requested format: …".
  const name = h("input", {
    name: "name",
    id: "upload-name",
    required: true,
    maxlength: 120,
    pattern: ".*\\S.*",
    title: "a name with words, not only spaces",
  });
  // "other" until chosen, as the server takes a version sent without a stage: no stage is claimed for it unasked.
  const stage = h(
    "select",
    { name: "stage", id: "upload-stage" },
    ...STAGES.map((s) => h("option", { value: s, selected: s === DEFAULT_STAGE }, s)),
  );
  const sent = h("ul", { class: "uploads" });
  const form = h(
    "form",
    { class: "upload" },
    h("h2", {}, "Add a version"),
    h("label", { for: "upload-file" }, "File (Formex XML or zip, EUR-Lex XHTML, Akoma Ntoso, plain text)"),
    file,
    h("label", { for: "upload-name" }, "Name"),
    name,
    h("label", { for: "upload-stage" }, "Stage"),
    stage,
    h("button", { type: "submit" }, "Upload"),
    sent,
  );
  const lines = new Map<FileSent, { line: HTMLElement; status: HTMLElement; progress: HTMLProgressElement }>();
  const show = (f: FileSent) => {
    let shown = lines.get(f);
    if (shown === undefined) {
      const progress = h("progress", { max: 1, value: 0, "aria-label": `Sending ${f.fileName}` });
      const status = h("div", { role: "status", class: "outcome" });
      const line = h("li", { class: "sent" }, h("strong", {}, f.versionName), ` (${f.fileName}): `, status, " ", progress);
      shown = { line, status, progress };
      lines.set(f, shown);
      sent.append(line);
    }
    shown.progress.value = f.share;
    if (f.state === "sending" || f.state === "reading") {
      shown.status.textContent = f.state === "sending" ? "uploading…" : "reading the file…";
      return;
    }
    shown.progress.remove();
    // The warnings in the status itself, so that a screen reader says them with the outcome.
    shown.status.replaceChildren(
      f.outcome,
      ...(f.warnings.length > 0 ? [h("ul", { class: "warnings" }, ...f.warnings.map((w) => h("li", {}, w)))] : []),
    );
    shown.line.classList.toggle("error", f.state === "refused");
    f.shown = true;
  };
  for (const f of filesSentTo(id)) show(f);
  onFileSent((f) => {
    if (f.dossierId !== id) return;
    const wasDone = f.shown;
    show(f);
    if (wasDone) return;
    if (f.state === "added") void added();
    // Refused while the form is still empty: what was sent goes back in, to be mended and sent again.
    if (f.state === "refused" && f.data !== null && file.files?.length === 0 && name.value === "") {
      const chosen = f.data.get("file");
      if (chosen instanceof File) {
        const transfer = new DataTransfer();
        transfer.items.add(chosen);
        file.files = transfer.files;
      }
      name.value = f.versionName;
      stage.value = String(f.data.get("stage") ?? stage.value);
    }
  }, signal);
  // Outcomes this page showed are let go with it.
  signal.addEventListener("abort", () => forgetShown(id), { once: true });
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const data = new FormData(form);
    const versionName = name.value.trim();
    const fileName = file.files?.[0]?.name ?? "the file";
    // Sent: the form is free for the next file, and a second click finds no file to send.
    file.value = "";
    name.value = "";
    stage.value = DEFAULT_STAGE;
    sendFile(id, versionName, fileName, data);
  });
  return form;
}
