/*
 * The dossiers the signed-in user may see, with their role in each, and a form to make a new
 * one, of which they are the owner.
 */
import { api, refusalWords } from "../api";
import type { DossierCreate, DossierSummary } from "../../../shared/protocol/api";
import { h } from "../dom";
import { pageSignal } from "../page-life";

export async function showDossiers(app: HTMLElement): Promise<void> {
  const signal = pageSignal();
  const { dossiers } = await api<{ dossiers: DossierSummary[] }>("GET", "/api/dossiers");
  // The reader went elsewhere meanwhile: this list is not shown over that page.
  if (signal.aborted) return;
  document.title = "Dossiers · Synopsis";
  app.replaceChildren(
    h("h1", {}, "Dossiers"),
    h(
      "ul",
      { class: "dossiers" },
      ...dossiers.map((d) =>
        h(
          "li",
          {},
          h("a", { href: `#/dossiers/${d.id}` }, d.title),
          d.procedure ? h("span", { class: "procedure" }, ` ${d.procedure}`) : null,
          d.restricted ? h("span", { class: "limite" }, " LIMITE") : null,
          h("span", { class: "role" }, d.role ? ` · ${d.role}` : " · open to all"),
        ),
      ),
    ),
    newDossierForm(signal),
  );
}

/** A form to make a dossier: its title, its procedure's number, and whether only its members may see it. Made, it opens. */
function newDossierForm(signal: AbortSignal): HTMLFormElement {
  const title = h("input", { id: "dossier-title", name: "title", required: true, maxlength: 300, autocomplete: "off" });
  const procedure = h("input", {
    id: "dossier-procedure",
    name: "procedure",
    maxlength: 40,
    placeholder: "e.g. 2016/0295(COD)",
    autocomplete: "off",
  });
  const restricted = h("input", { id: "dossier-restricted", name: "restricted", type: "checkbox" });
  const message = h("p", { class: "error", role: "alert" });
  const button = h("button", { type: "submit" }, "Make the dossier");
  const form = h(
    "form",
    { class: "new-dossier" },
    h("h2", {}, "New dossier"),
    h("label", { for: "dossier-title" }, "Title"),
    title,
    h("label", { for: "dossier-procedure" }, "Procedure (optional)"),
    procedure,
    h("label", { class: "check" }, restricted, " Restricted (LIMITE): only its members see it"),
    button,
    message,
  );
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    if (button.disabled) return;
    message.textContent = "";
    const body: DossierCreate = {
      title: title.value,
      ...(procedure.value.trim() === "" ? {} : { procedure: procedure.value.trim() }),
      restricted: restricted.checked,
    };
    button.disabled = true;
    api<{ dossier: DossierSummary }>("POST", "/api/dossiers", body)
      .then(({ dossier }) => {
        // Gone elsewhere meanwhile: the dossier is made, and listed; the person is not taken from where they went.
        if (!signal.aborted) location.hash = `#/dossiers/${dossier.id}`;
      })
      .catch((err: unknown) => {
        message.textContent = refusalWords(err, "make the dossier");
      })
      .finally(() => {
        button.disabled = false;
      });
  });
  return form;
}
