/*
 * The browsers an account has signed in from, known by a cookie the server signs, naming the
 * account (OWASP's "device cookies"): one cookie per account, so that a browser shared by several
 * people stays known to each. Failed sign-ins to an account from browsers it has never signed in
 * from stop it for a while; a browser it has signed in from is not stopped by them, and has a
 * count of failures of its own. So someone who fails on purpose, from many addresses, cannot keep
 * the account's owner out of it, as long as the owner signs in from a browser they signed in
 * from before.
 *
 * The cookies are kept nowhere on the server and cannot be taken back one by one: a copy of one
 * gives its holder the browser's own count (10 tries a quarter of an hour) for as long as it lasts,
 * half a year from the last sign-in. Each is signed with its account's password as it was (its
 * hash), so a new password makes every browser unknown to that account, and a new SESSION_SECRET
 * makes every browser unknown to every account.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { parse, serialize } from "cookie";

/** How the known-browser cookies' names begin: each ends with a short hash of its account's name. */
const KNOWN_BROWSER_COOKIE = "synopsis_browser";
/** A browser stays known for half a year after its last sign-in. */
const KNOWN_DAYS = 183;
/** Sent with sign-ins alone: no other request needs it. */
const COOKIE_PATH = "/api/session";

export class KnownBrowsers {
  constructor(
    private readonly secret: string,
    private readonly secureCookies: boolean,
  ) {}

  /**
   * The signature of a browser's id and account, with the account's password hash as it was:
   * labelled, so that no other signature of the server's can stand for it.
   */
  private sign(browser: string, username: string, passwordHash: string): string {
    return createHmac("sha256", this.secret).update(`known browser\0${browser}\0${username}\0${passwordHash}`).digest("base64url");
  }

  /**
   * The Set-Cookie header value that makes this browser known to the account `username`, whose
   * password (`passwordHash`) it has just given: at each sign-in, and at a change of password.
   */
  cookieFor(username: string, passwordHash: string): string {
    const browser = randomBytes(16).toString("base64url");
    const name = Buffer.from(username).toString("base64url");
    return serialize(knownBrowserCookie(username), `${browser}.${name}.${this.sign(browser, username, passwordHash)}`, {
      httpOnly: true,
      sameSite: "strict",
      secure: this.secureCookies,
      path: COOKIE_PATH,
      expires: new Date(Date.now() + KNOWN_DAYS * 86_400_000),
    });
  }

  /**
   * The id of the browser that sent the Cookie header, when it carries a cookie the server signed
   * for the account `username` (as the sign-in reads it) with its password as it is now
   * (`passwordHash`, null when there is no such account); null otherwise: no cookie, another
   * account's, one given before the password was set anew, or one whose signature does not hold.
   */
  browserOf(cookieHeader: string | undefined, username: string, passwordHash: string | null): string | null {
    if (passwordHash === null) return null;
    const value = cookieHeader ? parse(cookieHeader)[knownBrowserCookie(username)] : undefined;
    const parts = value?.split(".") ?? [];
    if (parts.length !== 3) return null;
    const [browser, name, signature] = parts as [string, string, string];
    if (Buffer.from(name, "base64url").toString() !== username) return null;
    const given = Buffer.from(signature);
    const expected = Buffer.from(this.sign(browser, username, passwordHash));
    return given.length === expected.length && timingSafeEqual(given, expected) ? browser : null;
  }
}

/** The name of the cookie that makes a browser known to the account `username`. */
export function knownBrowserCookie(username: string): string {
  return `${KNOWN_BROWSER_COOKIE}_${createHash("sha256").update(username).digest("hex").slice(0, 16)}`;
}
