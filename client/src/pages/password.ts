/*
 * Changing one's own password: the current one, and the new one twice. The server checks the
 * current one and the new one's length, ends the person's other sessions, which the page says,
 * and gives this one a new token, which the app's live connection and other tabs then take up
 * ("session-renewed"). Its words say what was wrong.
 */
import { api, ApiFailure } from "../api";
import { MIN_PASSWORD_LENGTH, type PasswordChanged, type SessionUser } from "../../../shared/protocol/api";
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

export function showPassword(app: HTMLElement, me: SessionUser): void {
  // The account's name, for a password manager to know which saved password to update.
  const username = h("input", {
    type: "text",
    name: "username",
    autocomplete: "username",
    value: me.username,
    hidden: true,
    readonly: true,
  });
  const current = passwordField("current-password", "Current password", "current-password", { "aria-describedby": "password-error" });
  const next = passwordField("new-password", "New password", "new-password", {
    minlength: MIN_PASSWORD_LENGTH,
    "aria-describedby": "new-password-rule",
  });
  const again = passwordField("repeat-password", "New password again", "new-password");
  const message = h("p", { class: "error", role: "alert", id: "password-error" });
  const done = h("p", { class: "done", role: "status" });
  const button = h("button", { type: "submit" }, "Change password");
  const form = h(
    "form",
    { class: "password-change" },
    h("h1", {}, "Change your password"),
    username,
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
  // A field the browser finds wrong (a new password too short) stops the sending before it starts: what was said of the last try goes.
  form.addEventListener(
    "invalid",
    () => {
      message.textContent = "";
      done.textContent = "";
    },
    true,
  );
  /** Says what was wrong, after the cleared message, so that the same words said again are announced again. */
  const say = (words: string) => requestAnimationFrame(() => (message.textContent = words));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    if (button.disabled) return;
    message.textContent = "";
    done.textContent = "";
    current.input.removeAttribute("aria-invalid");
    if (next.input.value !== again.input.value) {
      say("The new password and its repeat differ.");
      again.input.focus();
      return;
    }
    button.disabled = true;
    api<PasswordChanged>("PUT", "/api/session/password", { current: current.input.value, password: next.input.value })
      .then((answer) => {
        form.reset();
        username.value = me.username;
        done.textContent = changedWords(answer);
        window.dispatchEvent(new Event("session-renewed"));
      })
      .catch((err: unknown) => {
        if (err instanceof ApiFailure && err.status === 401) {
          say("Your session has ended: sign in again, then change your password.");
          window.dispatchEvent(new Event("session-ended"));
        } else if (err instanceof ApiFailure && err.code === "wrong-password") {
          say("The current password is wrong.");
          current.input.setAttribute("aria-invalid", "true");
          current.input.select();
          current.input.focus();
        } else say(err instanceof ApiFailure ? err.sentence : "The server could not be reached.");
      })
      .finally(() => {
        button.disabled = false;
      });
  });
  document.title = "Change your password · Synopsis";
  app.replaceChildren(form);
  current.input.focus();
}
