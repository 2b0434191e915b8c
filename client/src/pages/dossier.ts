/*
 * One dossier: its versions (with the notice of a demonstration text), the choice of columns and
 * reference for a comparison, an upload form for those who may add versions, the removal of a
 * version by those who may, and its members. Versions others add or remove come and go live.
 */
import { api, ApiFailure, upload } from "../api";
import { watchDossier } from "../realtime";
import { STAGES, type DossierDetail, type DossierVersion, type VersionSummary } from "../../../shared/protocol/api";
import { h } from "../dom";

/** The most columns a comparison takes. */
const MAX_COLUMNS = 6;

/** Removes a version on the server and from the page; rejects with the reason it could not. */
type Removal = (v: DossierVersion) => Promise<void>;

function versionRow(dossierId: number, v: DossierVersion, ticked: boolean, showNotice: boolean, remove: Removal): HTMLElement {
  const counts = Object.entries(v.counts)
    .filter(([type]) => ["recital", "article", "annex"].includes(type))
    .map(([type, n]) => `${n} ${type}s`)
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
      `${v.name.toLowerCase() === v.stage.toLowerCase() ? "" : ` (${v.stage})`} · ${counts} · ${v.words} words · added by ${v.addedBy}`,
    ),
    h(
      "label",
      { class: "ref" },
      h("input", { type: "radio", name: "ref", value: v.id, "aria-label": `${v.name} as the reference` }),
      " reference",
    ),
    v.notice && showNotice ? h("p", { class: "notice", role: "note" }, v.notice) : null,
    h("a", { href: `/api/dossiers/${dossierId}/versions/${v.id}?format=akn`, class: "akn" }, "Akoma Ntoso"),
    v.removable ? removeControl(v, remove) : null,
  );
}

/**
 * "Remove…", which asks once more in place before removing: a version removed is gone for every
 * member, with the alignment corrections that name it.
 */
function removeControl(v: DossierVersion, remove: Removal): HTMLElement {
  const ask = h("button", { type: "button", class: "remove", "aria-label": `Remove ${v.name}…` }, "Remove…");
  const yes = h("button", { type: "button", class: "remove" }, `Remove ${v.name}`);
  const keep = h("button", { type: "button" }, "Keep it");
  const confirm = h("span", { class: "confirm", hidden: true }, "Remove it for every member? ", yes, " ", keep);
  const message = h("span", { class: "error", role: "alert" });
  ask.addEventListener("click", () => {
    ask.hidden = true;
    confirm.hidden = false;
    keep.focus();
  });
  keep.addEventListener("click", () => {
    confirm.hidden = true;
    ask.hidden = false;
    ask.focus();
  });
  yes.addEventListener("click", () => {
    yes.disabled = true;
    message.textContent = "";
    remove(v).catch((err: unknown) => {
      yes.disabled = false;
      if (err instanceof ApiFailure && err.status === 401) window.dispatchEvent(new Event("session-ended"));
      message.textContent = err instanceof ApiFailure ? `Not removed: ${err.message}` : "Not removed: the server could not be reached.";
    });
  });
  return h("span", { class: "removal" }, ask, confirm, message);
}

/** Versions ticked at first: all of them when a comparison can take them all, else the first and the latest. */
function tickedAtFirst(versions: readonly VersionSummary[]): Set<number> {
  if (versions.length <= MAX_COLUMNS) return new Set(versions.map((v) => v.id));
  return new Set([versions[0]!.id, ...versions.slice(-(MAX_COLUMNS - 1)).map((v) => v.id)]);
}

/**
 * Shows a dossier. `notice` is said in the page's status line (what the user just did), and
 * versions others add while the page is open join the list as they come.
 */
export async function showDossier(app: HTMLElement, id: number, notice = ""): Promise<void> {
  const { dossier } = await api<{ dossier: DossierDetail }>("GET", `/api/dossiers/${id}`);
  const ticked = tickedAtFirst(dossier.versions);
  // A notice every version carries (the demonstration texts) is said once, above them.
  const notices = new Set(dossier.versions.map((v) => v.notice));
  const shared = notices.size === 1 ? [...notices][0]! : null;
  // Focusable from script: where focus goes when the row that had it is removed.
  const news = h("p", { class: "news", role: "status", tabindex: -1 }, notice);
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
    dropVersion(v.id);
    news.textContent = `Removed ${v.name}.`;
    news.focus();
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
  /** Takes a removed version off the list; false when it was not on it. */
  function dropVersion(versionId: number): boolean {
    removed.add(versionId);
    const row = list.querySelector(`li[data-version="${versionId}"]`);
    if (row === null) return false;
    const wasRef = row.querySelector<HTMLInputElement>('input[name="ref"]')?.checked ?? false;
    row.remove();
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
  const versionAdded = ({ versionId, name }: { versionId: number; name: string }) => {
    if (shown.has(versionId) || !list.isConnected) return;
    // Fetched afresh, so that what this user may see is the server's to say; unticked, so that a choice in progress stands.
    void api<{ dossier: DossierDetail }>("GET", `/api/dossiers/${id}`)
      .then(({ dossier: fresh }) => {
        for (const v of fresh.versions) {
          if (shown.has(v.id) || removed.has(v.id) || !list.isConnected) continue;
          shown.add(v.id);
          list.append(versionRow(id, v, false, v.notice !== shared, remove));
        }
        form.hidden = false;
        none.remove();
        news.textContent = `A new version was added: ${name}.`;
      })
      .catch((err: unknown) => {
        // The list could not be brought up to date: say so, rather than leave it quietly stale.
        const why = err instanceof ApiFailure ? `: ${err.message}` : "";
        news.textContent = `A new version was added: ${name}. Reload the page to see it (the list could not be refreshed${why}).`;
      });
  };
  watchDossier(id, {
    versionAdded,
    versionRemoved: ({ versionId, name }) => {
      if (removing.has(versionId) || !list.isConnected) return;
      if (dropVersion(versionId)) news.textContent = `${name} was removed by another member.`;
    },
    notLive: (reason) => {
      if (list.isConnected)
        news.textContent = `Versions other members add or remove will not show here until you reload the page (${reason}).`;
    },
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
    canAdd ? uploadForm(id) : h("p", { class: "meta" }, "Owners and drafters of this dossier may add versions."),
    h("h2", {}, "Members"),
    h(
      "ul",
      { class: "members" },
      ...dossier.members.map((m) => h("li", {}, `${m.displayName} (${m.username}, ${m.organisation}): ${m.role}`)),
    ),
  );
}

function uploadForm(id: number): HTMLElement {
  const file = h("input", { type: "file", name: "file", id: "upload-file", required: true });
  const name = h("input", { name: "name", id: "upload-name", required: true, maxlength: 120 });
  const stage = h("select", { name: "stage", id: "upload-stage" }, ...STAGES.map((s) => h("option", { value: s }, s)));
  const progress = h("progress", { max: 1, value: 0, hidden: true });
  const message = h("p", { role: "status" });
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
    progress,
    message,
  );
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    progress.hidden = false;
    message.textContent = "Uploading…";
    upload<{ version: VersionSummary }>(`/api/dossiers/${id}/versions`, new FormData(form), (share) => {
      progress.value = share;
      if (share >= 1) message.textContent = "Reading the file…";
    })
      .then(({ version }) => {
        const warnings = version.warnings.length ? `, ${version.warnings.length} warnings` : "";
        void showDossier(document.getElementById("app")!, id, `Added ${version.name}: ${version.words} words${warnings}.`);
      })
      .catch((err: unknown) => {
        progress.hidden = true;
        if (err instanceof ApiFailure && err.status === 401) {
          message.textContent = "Not added: your session has ended. Sign in again, then add the file once more.";
          window.dispatchEvent(new Event("session-ended"));
          return;
        }
        message.textContent = err instanceof ApiFailure ? `Not added: ${err.message}` : "Not added: the server could not be reached.";
      });
  });
  return form;
}
