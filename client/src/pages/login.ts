/*
 * Signing in: a username and password form; the server's answer says what was wrong.
 */
import { api, ApiFailure } from "../api";
import type { SessionUser } from "../../../shared/protocol/api";
import { h } from "../dom";

export function showLogin(app: HTMLElement, signedIn: (user: SessionUser) => void): void {
  const username = h("input", { id: "username", name: "username", autocomplete: "username", required: true });
  const password = h("input", { id: "password", name: "password", type: "password", autocomplete: "current-password", required: true });
  const message = h("p", { class: "error", role: "alert" });
  const form = h(
    "form",
    { class: "login" },
    h("h1", {}, "Sign in to Synopsis"),
    h("label", { for: "username" }, "Username"),
    username,
    h("label", { for: "password" }, "Password"),
    password,
    h("button", { type: "submit" }, "Sign in"),
    message,
  );
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    message.textContent = "";
    api<{ user: SessionUser }>("POST", "/api/session", { username: username.value, password: password.value })
      .then(({ user }) => signedIn(user))
      .catch((err: unknown) => {
        message.textContent = err instanceof ApiFailure ? err.sentence : "The server could not be reached.";
      });
  });
  document.title = "Sign in · Synopsis";
  app.replaceChildren(form);
  username.focus();
}
