/*
 * One dossier: its versions (with the notice of a demonstration text), the choice of columns and
 * reference for a comparison, an upload form for those who may add versions, and its members.
 */
import { api, ApiFailure, upload } from "../api";
import { watchDossier } from "../realtime";
import { STAGES, type DossierDetail, type VersionSummary } from "../../../shared/protocol/api";
import { h } from "../dom";

/** The most columns a comparison takes. */
const MAX_COLUMNS = 6;

function versionRow(dossierId: number, v: VersionSummary, ticked: boolean, showNotice = true): HTMLElement {
  const counts = Object.entries(v.counts)
    .filter(([type]) => ["recital", "article", "annex"].includes(type))
    .map(([type, n]) => `${n} ${type}s`)
    .join(", ");
  return h(
    "li",
    { class: "version" },
    h("input", { type: "checkbox", name: "column", value: v.id, id: `column-${v.id}`, checked: ticked }),
    h(
      "label",
      { for: `column-${v.id}` },
      h("strong", {}, v.name),
      // The stage only where the name does not say it already ("Commission proposal", stage "commission proposal").
      `${v.name.toLowerCase() === v.stage.toLowerCase() ? "" : ` (${v.stage})`} · ${counts} · ${v.words} words`,
    ),
    h(
      "label",
      { class: "ref" },
      h("input", { type: "radio", name: "ref", value: v.id, "aria-label": `${v.name} as the reference` }),
      " reference",
    ),
    v.notice && showNotice ? h("p", { class: "notice", role: "note" }, v.notice) : null,
    h("a", { href: `/api/dossiers/${dossierId}/versions/${v.id}?format=akn`, class: "akn" }, "Akoma Ntoso"),
  );
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
  const list = h("ul", { class: "versions" }, ...dossier.versions.map((v) => versionRow(id, v, ticked.has(v.id), shared === null)));
  const firstRef = list.querySelector<HTMLInputElement>('input[name="ref"]');
  if (firstRef) firstRef.checked = true;
  const news = h("p", { class: "news", role: "status" }, notice);
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
  const none = h("p", {}, "No versions yet.");
  form.hidden = dossier.versions.length === 0;
  watchDossier(id, ({ versionId, name }) => {
    if (shown.has(versionId) || !list.isConnected) return;
    // Fetched afresh, so that what this user may see is the server's to say; unticked, so that a choice in progress stands.
    void api<{ dossier: DossierDetail }>("GET", `/api/dossiers/${id}`)
      .then(({ dossier: fresh }) => {
        for (const v of fresh.versions) {
          if (shown.has(v.id) || !list.isConnected) continue;
          shown.add(v.id);
          list.append(versionRow(id, v, false, v.notice !== shared));
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
