/*
 * A dossier's members, and for its owners the means to manage them: add someone by their
 * username with a role, change a member's role the same way, or take a member off (asked once
 * more). The list is read again from the server after each change, as it stands then: the
 * latest reading shown, whatever order the readings answer in.
 */
import { api, ApiFailure, refusalWords } from "./api";
import { h } from "./dom";
import { removalQuestion } from "./removal-question";
import { ROLES, type DossierDetail, type Role, type SessionUser } from "../../shared/protocol/api";

type Member = DossierDetail["members"][number];

/** The members' list, with its forms for an owner. */
export function membersSection(dossier: DossierDetail, me: SessionUser): HTMLElement {
  const owner = dossier.role === "owner";
  const list = h("ul", { class: "members" });
  // Focusable from script: where the focus goes when the button that had it goes with its member.
  const status = h("p", { class: "done", role: "status", tabindex: -1 });
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
  let readings = 0;
  /**
   * After a change that was made: the members as the server has them now, shown (unless a later
   * reading came first), and `said` said, with the focus when `focusHere`; when they cannot be
   * read, the change is still said, with what to do.
   */
  const reread = async (said: string, focusHere = false) => {
    const reading = ++readings;
    try {
      const { dossier: now } = await api<{ dossier: DossierDetail }>("GET", `/api/dossiers/${dossier.id}`);
      if (reading !== readings) return;
      show(now.members);
      status.textContent = said;
      if (focusHere) status.focus();
    } catch (err) {
      if (reading !== readings) return;
      status.textContent =
        err instanceof ApiFailure && err.status === 401
          ? `${said} ${refusalWords(err, "reload the page")}`
          : `${said} Reload the page to see the members: the list could not be read again.`;
    }
  };
  const takeOff = (m: Member) =>
    removalQuestion({
      ask: `Take ${m.username} off…`,
      question: `Take ${m.displayName} (${m.username}) off “${dossier.title}”?`,
      questionId: `take-off-${m.username}`,
      confirm: `Take ${m.username} off`,
      remove: async () => {
        status.textContent = "";
        // The button that has the focus goes with its member (disabled meanwhile, it has let it go already).
        const focused = list.contains(document.activeElement) || document.activeElement === document.body;
        try {
          await api("DELETE", `/api/dossiers/${dossier.id}/members/${encodeURIComponent(m.username)}`);
        } catch (err) {
          // Taken off already, by another owner: what was wanted.
          if (!(err instanceof ApiFailure && err.status === 404)) throw err;
        }
        await reread(`${m.displayName} is no longer a member.`, focused);
      },
    });
  show(dossier.members);
  return h(
    "section",
    { class: "members-section" },
    h("h2", {}, "Members"),
    list,
    status,
    owner ? memberForm(dossier, status, reread) : null,
  );
}

/** "Add or change a member": a username and a role; said in a sentence when the server refuses. */
function memberForm(dossier: DossierDetail, status: HTMLElement, reread: (said: string) => Promise<void>): HTMLFormElement {
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
    status.textContent = "";
    const given = { username: username.value.trim(), role: role.value as Role };
    button.disabled = true;
    api("PUT", `/api/dossiers/${dossier.id}/members`, given)
      .then(
        () => {
          form.reset();
          return reread(`${given.username} is a member as ${given.role}.`);
        },
        (err: unknown) => {
          message.textContent = refusalWords(err, "make the change");
        },
      )
      .finally(() => {
        button.disabled = false;
      });
  });
  return form;
}
