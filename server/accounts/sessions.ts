/*
 * Sessions: a random token in an httpOnly, SameSite=Strict cookie, signed with the server's
 * secret; the store keeps only a hash of the token, so a copy of the database opens no session.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { parse, serialize } from "cookie";
import type { Store, UserRecord } from "../storage/store";

export const SESSION_COOKIE = "synopsis_session";
/** Sessions last a working week; a person logs in again after that. */
const SESSION_DAYS = 7;

export class Sessions {
  constructor(
    private readonly store: Store,
    private readonly secret: string,
    private readonly secureCookies: boolean,
  ) {}

  private sign(token: string): string {
    return createHmac("sha256", this.secret).update(token).digest("base64url");
  }

  private static hash(token: string): string {
    return createHash("sha256").update(token).digest("hex");
  }

  /**
   * Opens a session for the user whose password was checked against `user.passwordHash`; returns
   * the Set-Cookie header value, or null when that password is no longer the account's.
   */
  async open(user: UserRecord): Promise<string | null> {
    const { token, expires } = Sessions.newToken();
    if (!(await this.store.createSession(Sessions.hash(token), user.id, expires, user.passwordHash))) return null;
    return this.cookie(token, expires);
  }

  private static newToken(): { readonly token: string; readonly expires: Date } {
    return { token: randomBytes(32).toString("base64url"), expires: new Date(Date.now() + SESSION_DAYS * 86_400_000) };
  }

  /** The Set-Cookie header value that carries a token. */
  private cookie(token: string, expires: Date): string {
    return serialize(SESSION_COOKIE, `${token}.${this.sign(token)}`, {
      httpOnly: true,
      sameSite: "strict",
      secure: this.secureCookies,
      path: "/",
      expires,
    });
  }

  /** The token of a Cookie header, when its signature holds. */
  private tokenOf(cookieHeader: string | undefined): string | null {
    const value = cookieHeader ? parse(cookieHeader)[SESSION_COOKIE] : undefined;
    if (!value) return null;
    const dot = value.lastIndexOf(".");
    if (dot < 0) return null;
    const token = value.slice(0, dot);
    const given = Buffer.from(value.slice(dot + 1));
    const expected = Buffer.from(this.sign(token));
    return given.length === expected.length && timingSafeEqual(given, expected) ? token : null;
  }

  /** The user whose session the Cookie header carries, or null. */
  async user(cookieHeader: string | undefined): Promise<UserRecord | null> {
    const token = this.tokenOf(cookieHeader);
    return token ? this.store.sessionUser(Sessions.hash(token), new Date()) : null;
  }

  /**
   * Sets a new password for the signed-in `user`, whose password was checked against
   * `user.passwordHash`: ends their other sessions, and gives the one the Cookie header carries a
   * new token, as OWASP asks after a change of password (the old may be what leaked), all in one
   * transaction. Returns how many other sessions were ended and the new session's Set-Cookie
   * header value; a cookie of null, and nothing changed, when that session had ended meanwhile
   * (or none was given); null, and nothing changed, when their password changed since it was
   * checked.
   */
  async setPassword(
    user: UserRecord,
    passwordHash: string,
    cookieHeader: string | undefined,
  ): Promise<{ readonly ended: number; readonly cookie: string | null } | null> {
    const old = this.tokenOf(cookieHeader);
    if (old === null) return { ended: 0, cookie: null };
    const { token, expires } = Sessions.newToken();
    const renewal = { tokenHash: Sessions.hash(old), newTokenHash: Sessions.hash(token), expiresAt: expires };
    const changed = await this.store.changePassword(user.username, passwordHash, user.passwordHash, renewal);
    if (changed === null) return null;
    return { ended: changed.ended, cookie: changed.renewed ? this.cookie(token, expires) : null };
  }

  /** A key for the session the Cookie header carries, when its signature holds: the same for all its requests, and no one else's. */
  keyOf(cookieHeader: string | undefined): string | null {
    const token = this.tokenOf(cookieHeader);
    return token === null ? null : Sessions.hash(token);
  }

  /** Ends the session the Cookie header carries; returns the Set-Cookie header that clears it. */
  async close(cookieHeader: string | undefined): Promise<string> {
    const token = this.tokenOf(cookieHeader);
    if (token) await this.store.deleteSession(Sessions.hash(token));
    return serialize(SESSION_COOKIE, "", {
      httpOnly: true,
      sameSite: "strict",
      secure: this.secureCookies,
      path: "/",
      expires: new Date(0),
    });
  }
}
