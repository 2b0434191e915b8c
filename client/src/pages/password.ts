/*
 * Changing one's own password: the current one, and the new one twice. The server checks the
 * current one and the new one's length, and ends the person's other sessions, which the page
 * says; its words say what was wrong.
 */
import { api, ApiFailure } from "../api";
import { MIN_PASSWORD_LENGTH, type PasswordChanged } from "../../../shared/protocol/api";
import { h } from "../dom";

/** A password field of the form, with its label. */
function passwordField(id: string, label: string, autocomplete: string, extra: Record<string, string | number> = {}) {
  const input = h("input", { id, name: id, type: "password", autocomplete, required: true, ...extra });
  return { input, label: h("label", { for: id }, label) };
}

/** What the server's answer says to the person, in a sentence. */
function changedWords({ endedSessions }: PasswordChanged): string {
  if (endedSessions === 0) return "Your password was changed.";
  const sessions = endedSessions === 1 ? "your other session was" : `your ${endedSessions} other sessions were`;
  return `Your password was changed, and ${sessions} ended: sign in there with the new password.`;
}

export function showPassword(app: HTMLElement): void {
  const current = passwordField("current-password", "Current password", "current-password");
  const next = passwordField("new-password", "New password", "new-password", {
    minlength: MIN_PASSWORD_LENGTH,
    "aria-describedby": "new-password-rule",
  });
  const again = passwordField("repeat-password", "New password again", "new-password");
  const message = h("p", { class: "error", role: "alert" });
  const done = h("p", { class: "done", role: "status" });
  const button = h("button", { type: "submit" }, "Change password");
  const form = h(
    "form",
    { class: "password-change" },
    h("h1", {}, "Change your password"),
    current.label,
    current.input,
    next.label,
    next.input,
    h("p", { id: "new-password-rule", class: "hint" }, `At least ${MIN_PASSWORD_LENGTH} characters.`),
    again.label,
    again.input,
    button,
    message,
    done,
  );
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    message.textContent = "";
    done.textContent = "";
    if (next.input.value !== again.input.value) {
      message.textContent = "The new password and its repeat differ.";
      again.input.focus();
      return;
    }
    button.disabled = true;
    api<PasswordChanged>("PUT", "/api/session/password", { current: current.input.value, password: next.input.value })
      .then((answer) => {
        form.reset();
        done.textContent = changedWords(answer);
      })
      .catch((err: unknown) => {
        message.textContent =
          err instanceof ApiFailure
            ? err.status === 401
              ? "Your session has ended: sign in again, then change your password."
              : err.message.charAt(0).toUpperCase() + err.message.slice(1) + "."
            : "The server could not be reached.";
      })
      .finally(() => {
        button.disabled = false;
      });
  });
  document.title = "Change your password · Synopsis";
  app.replaceChildren(form);
  current.input.focus();
}
