/*
 * The browser app: a hash router over five pages (sign in, dossiers, a dossier, a comparison, a
 * change of password), and the signed-in user in the header. Every page asks the server; nothing
 * is decided here.
 */
import { api, ApiFailure } from "./api";
import type { SessionUser } from "../../shared/protocol/api";
import { showLogin } from "./pages/login";
import { showDossiers } from "./pages/dossiers";
import { showDossier } from "./pages/dossier";
import { showComparison } from "./pages/comparison";
import { showPassword } from "./pages/password";
import { h } from "./dom";
import { closeRealtime, renewRealtime, stopWatching } from "./realtime";
import { endPage, pageSignal } from "./page-life";

const app = document.getElementById("app")!;
const who = document.getElementById("who")!;
const logout = document.getElementById("logout") as HTMLButtonElement;
const passwordLink = document.getElementById("password-link") as HTMLAnchorElement;

let user: SessionUser | null = null;
/** Whether a page has been shown: the first is where the browser put the reader, later ones where they went. */
let arrived = false;

async function currentUser(): Promise<SessionUser | null> {
  try {
    return (await api<{ user: SessionUser }>("GET", "/api/session")).user;
  } catch (e) {
    if (e instanceof ApiFailure && e.status === 401) return null;
    throw e;
  }
}

/**
 * The key other tabs of this browser watch: signing in or out in one tab changes the session
 * cookie of all of them, and each then asks the server who it now is.
 */
const SESSION_CHANGED = "synopsis:session-changed";

function tellOtherTabs(): void {
  try {
    localStorage.setItem(SESSION_CHANGED, String(Date.now()));
  } catch {
    // Storage refused (a private window's quota): other tabs find out at their next request.
  }
}

function setUser(u: SessionUser | null): void {
  if (u === null || (user !== null && u.id !== user.id)) closeRealtime();
  user = u;
  who.textContent = u ? `${u.displayName} · ${u.organisation}` : "";
  logout.hidden = u === null;
  passwordLink.hidden = u === null;
}

/**
 * The sign-in page, which comes back to `page` once signed in: a person whose session ended on
 * a comparison signs in again and is on that comparison, not on the list of dossiers.
 */
function signInThen(page: string): string {
  return isPageToComeBackTo(page) ? `#/login?then=${encodeURIComponent(page)}` : "#/login";
}

/** Where the sign-in page goes once signed in: the page it was asked for from, else the dossiers. */
function afterSignIn(): string {
  const then = new URLSearchParams(location.hash.split("?")[1] ?? "").get("then");
  return then !== null && isPageToComeBackTo(then) ? then : "#/dossiers";
}

/** An address of this app's own ("#/…") other than the sign-in page, as the router reads it. */
function isPageToComeBackTo(page: string): boolean {
  return page.startsWith("#/") && addressParts(page)[0] !== "login";
}

/** An address's path, as parts ("#/dossiers/1/compare?…" is dossiers, 1, compare). */
function addressParts(hash: string): string[] {
  return (hash.slice(1).split("?")[0] ?? "").split("/").filter(Boolean);
}

/** A dossier's number from an address, or null when the address has none ("#/dossiers/abc"). */
function dossierNumber(part: string): number | null {
  return /^[1-9]\d{0,14}$/.test(part) ? Number(part) : null;
}

/** Why an address names no page, in words, or null when it names one. */
function wrongAddress(parts: readonly string[], params: URLSearchParams): string | null {
  if (parts[0] !== "dossiers" || parts[1] === undefined) return null;
  if (dossierNumber(parts[1]) === null) return `There is no dossier “${parts[1]}”: a dossier's address has its number, as #/dossiers/1.`;
  if (parts[2] === "compare" && (params.get("versions") ?? "").split(",").filter((v) => /^\d+$/.test(v)).length < 2)
    return "This address names no versions to compare: choose two to six on the dossier's page.";
  return null;
}

async function route(): Promise<void> {
  const hash = location.hash || "#/dossiers";
  const query = hash.slice(1).split("?")[1];
  const params = new URLSearchParams(query ?? "");
  const parts = addressParts(hash);
  // Only the page on screen hears the dossier's events; the dossier page starts hearing them anew.
  stopWatching();
  endPage();
  const signal = pageSignal();
  document.title = "Synopsis";
  try {
    if (user === null) setUser(await currentUser());
    // Another route began while the session was asked for: that one shows its page.
    if (signal.aborted) return;
    if (user === null && parts[0] !== "login") {
      location.hash = signInThen(hash);
      return;
    }
    const wrong = wrongAddress(parts, params);
    if (wrong !== null) {
      document.title = "No such page · Synopsis";
      app.replaceChildren(
        h("h1", {}, "No such page"),
        h("p", { class: "error", role: "alert" }, wrong),
        ...(dossierNumber(parts[1] ?? "") !== null ? [h("p", {}, h("a", { href: `#/dossiers/${parts[1]}` }, "Back to the dossier"))] : []),
        h("p", {}, h("a", { href: "#/dossiers" }, "Back to the dossiers")),
      );
      return;
    }
    if (parts[0] === "login")
      showLogin(app, (u) => {
        setUser(u);
        renewRealtime();
        tellOtherTabs();
        location.hash = afterSignIn();
      });
    else if (parts[0] === "password") showPassword(app, user!);
    else if (parts[0] === "dossiers" && parts[1] && parts[2] === "compare") await showComparison(app, Number(parts[1]), params, user!);
    else if (parts[0] === "dossiers" && parts[1]) await showDossier(app, Number(parts[1]), user!);
    else await showDossiers(app);
  } catch (e) {
    // A page the reader has left says nothing over the page they went to.
    if (signal.aborted) return;
    if (e instanceof ApiFailure && e.status === 401) {
      // The session ended (expired, or signed out elsewhere): sign in again, and come back here.
      setUser(null);
      location.hash = signInThen(hash);
      return;
    }
    // The server's words say which: "no version 11 in dossier 1" (removed since), "no dossier 7".
    const message =
      e instanceof ApiFailure
        ? e.status === 404
          ? `There is no such dossier or version (${e.message}).`
          : e.message
        : "The server could not be reached.";
    const inDossier = parts[0] === "dossiers" && parts[2] === "compare" && !/^no dossier/.test(e instanceof Error ? e.message : "");
    const heading = e instanceof ApiFailure && e.status === 404 ? "Not found" : "This page could not be shown";
    document.title = `${heading} · Synopsis`;
    app.replaceChildren(
      h("h1", {}, heading),
      h("p", { class: "error", role: "alert" }, message),
      ...(inDossier ? [h("p", {}, h("a", { href: `#/dossiers/${parts[1]}` }, "Back to the dossier"))] : []),
      h("p", {}, h("a", { href: "#/dossiers" }, "Back to the dossiers")),
    );
  }
}

logout.addEventListener("click", () => {
  // Whatever the server answers, this page forgets the user; the cookie is the server's to clear.
  void api("DELETE", "/api/session")
    .catch(() => undefined)
    .then(() => {
      setUser(null);
      tellOtherTabs();
      location.hash = "#/login";
    });
});
/**
 * Shows the page of the address, then, when the reader went there from another page, puts the
 * focus at its start if the page did not put it somewhere itself: the link or button they used
 * is gone with the page they left, and a keyboard or screen reader user would be left nowhere.
 */
async function arrive(): Promise<void> {
  const first = !arrived;
  arrived = true;
  await route();
  const focused = document.activeElement;
  if (!first && (focused === null || focused === document.body || !focused.isConnected)) app.focus({ preventScroll: true });
}

window.addEventListener("hashchange", () => void arrive());
// Signed in or out in another tab: this one asks who it is now, and shows its page as that person.
window.addEventListener("storage", (e) => {
  if (e.key !== SESSION_CHANGED) return;
  void currentUser()
    .then((u) => {
      // The same person signed in again there: a new session, which this tab's live connection needs too.
      if (u?.id === user?.id) {
        if (u !== null) renewRealtime();
        return;
      }
      setUser(u);
      // Signed in elsewhere while this tab asked for a sign-in: on to where it was going, as after signing in here.
      if (u !== null && location.hash.startsWith("#/login")) location.hash = afterSignIn();
      else void arrive();
    })
    // The server out of reach: the page stays as it is, and the header says who it may no longer be.
    .catch(() => {
      who.textContent = "Signed in or out in another tab: reload this page to see as whom";
    });
});
// The session given a new token (a change of password): the live connection takes it up, and other tabs hear of it.
window.addEventListener("session-renewed", () => {
  renewRealtime();
  tellOtherTabs();
});
// A page that finds the session over (a 401 outside the router) says so; the header follows.
window.addEventListener("session-ended", () => {
  setUser(null);
  who.replaceChildren(h("a", { href: signInThen(location.hash) }, "Signed out: sign in again"));
});
void arrive();
