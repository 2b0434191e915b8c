/*
 * A dossier's members, and for its owners the means to manage them: add someone by their
 * username with a role, change a member's role the same way, or take a member off (asked once
 * more). The list is read again from the server after each change, as it stands then.
 */
import { api, ApiFailure } from "./api";
import { h } from "./dom";
import { removalQuestion } from "./removal-question";
import { ROLES, type DossierDetail, type Role, type SessionUser } from "../../shared/protocol/api";

type Member = DossierDetail["members"][number];

/** The members' list, with its forms for an owner. */
export function membersSection(dossier: DossierDetail, me: SessionUser): HTMLElement {
  const owner = dossier.role === "owner";
  const list = h("ul", { class: "members" });
  const status = h("p", { class: "done", role: "status" });
  const show = (members: readonly Member[]) => {
    list.replaceChildren(
      ...members.map((m) =>
        h(
          "li",
          {},
          `${m.displayName} (${m.username}, ${m.organisation}): ${m.role}`,
          // An owner takes others off; stepping down is another owner's to do.
          owner && m.username !== me.username ? h("span", {}, " ", takeOff(m)) : null,
        ),
      ),
    );
  };
  /** The members as the server has them now, shown, and `said` said. */
  const reread = async (said: string) => {
    const { dossier: now } = await api<{ dossier: DossierDetail }>("GET", `/api/dossiers/${dossier.id}`);
    show(now.members);
    status.textContent = said;
  };
  const takeOff = (m: Member) =>
    removalQuestion({
      ask: `Take ${m.username} off…`,
      question: `Take ${m.displayName} (${m.username}) off “${dossier.title}”?`,
      questionId: `take-off-${m.username}`,
      confirm: `Take ${m.username} off`,
      remove: async () => {
        await api("DELETE", `/api/dossiers/${dossier.id}/members/${encodeURIComponent(m.username)}`);
        await reread(`${m.displayName} is no longer a member.`);
      },
    });
  show(dossier.members);
  return h("section", { class: "members-section" }, h("h2", {}, "Members"), list, status, owner ? memberForm(dossier, reread) : null);
}

/** "Add or change a member": a username and a role; said in a sentence when the server refuses. */
function memberForm(dossier: DossierDetail, reread: (said: string) => Promise<void>): HTMLFormElement {
  const username = h("input", { id: "member-username", name: "username", required: true, maxlength: 64, autocomplete: "off" });
  const role = h(
    "select",
    { id: "member-role", name: "role" },
    ...ROLES.map((r) => h("option", { value: r, selected: r === "reader" }, r)),
  );
  const message = h("p", { class: "error", role: "alert" });
  const button = h("button", { type: "submit" }, "Add or change");
  const form = h(
    "form",
    { class: "member" },
    h("h3", {}, "Add a member, or change a member's role"),
    h("label", { for: "member-username" }, "Username"),
    username,
    h("label", { for: "member-role" }, "Role"),
    role,
    button,
    message,
  );
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    if (button.disabled) return;
    message.textContent = "";
    const given = { username: username.value.trim(), role: role.value as Role };
    button.disabled = true;
    api("PUT", `/api/dossiers/${dossier.id}/members`, given)
      .then(() => {
        form.reset();
        return reread(`${given.username} is a member as ${given.role}.`);
      })
      .catch((err: unknown) => {
        message.textContent = err instanceof ApiFailure ? err.sentence : "The server could not be reached.";
      })
      .finally(() => {
        button.disabled = false;
      });
  });
  return form;
}
