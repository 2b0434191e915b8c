/*
 * One dossier: its versions (with the notice of a demonstration text), the choice of columns and
 * reference for a comparison, an upload form for those who may add versions, and its members.
 */
import { api, ApiFailure, upload } from "../api";
import { STAGES, type DossierDetail, type VersionSummary } from "../../../shared/protocol/api";
import { h } from "../dom";

function versionRow(dossierId: number, v: VersionSummary): HTMLElement {
  const counts = Object.entries(v.counts)
    .filter(([type]) => ["recital", "article", "annex"].includes(type))
    .map(([type, n]) => `${n} ${type}s`)
    .join(", ");
  return h(
    "li",
    { class: "version" },
    h("input", { type: "checkbox", name: "column", value: v.id, id: `column-${v.id}`, checked: true }),
    h("label", { for: `column-${v.id}` }, h("strong", {}, v.name), ` (${v.stage}) · ${counts} · ${v.words} words`),
    h("label", { class: "ref" }, h("input", { type: "radio", name: "ref", value: v.id }), " reference"),
    v.notice ? h("p", { class: "notice", role: "note" }, v.notice) : null,
    h("a", { href: `/api/dossiers/${dossierId}/versions/${v.id}?format=akn`, class: "akn" }, "Akoma Ntoso"),
  );
}

export async function showDossier(app: HTMLElement, id: number): Promise<void> {
  const { dossier } = await api<{ dossier: DossierDetail }>("GET", `/api/dossiers/${id}`);
  const list = h("ul", { class: "versions" }, ...dossier.versions.map((v) => versionRow(id, v)));
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

  const canAdd = dossier.role === "owner" || dossier.role === "drafter";
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
    dossier.versions.length ? form : h("p", {}, "No versions yet."),
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
        message.textContent = `Added ${version.name}: ${version.words} words${version.warnings.length ? `, ${version.warnings.length} warnings` : ""}.`;
        void showDossier(document.getElementById("app")!, id);
      })
      .catch((err: unknown) => {
        progress.hidden = true;
        message.textContent = err instanceof ApiFailure ? `Not added: ${err.message}` : "Not added.";
      });
  });
  return form;
}
