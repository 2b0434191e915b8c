/*
 * The dossiers the signed-in user may see, with their role in each.
 */
import { api } from "../api";
import type { DossierSummary } from "../../../shared/protocol/api";
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
  );
}
