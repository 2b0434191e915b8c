/*
 * Signing in and out: POST /api/session with a username and password, DELETE /api/session,
 * and GET /api/session for who is signed in; PUT /api/session/password for a signed-in person to
 * change their password, which ends their other sessions.
 */
import { Router } from "express";
import { loginRequest, passwordChange, type PasswordChanged, type SessionUser } from "../../../shared/protocol/api";
import { hashPassword, verifyPassword } from "../../accounts/passwords";
import type { UserRecord } from "../../storage/store";
import type { Services } from "../context";
import { jsonBody, userOf } from "../context";
import { HttpError } from "../errors";
import { passwordChangeLimit } from "../sign-in-limits";

export function sessionUser(user: UserRecord): SessionUser {
  return { id: user.id, username: user.username, displayName: user.displayName, organisation: user.organisation };
}

/** Compared against when the user does not exist, so that a wrong name takes as long as a wrong password. */
const decoy = hashPassword("decoy password for unknown users");

export function sessionRoutes({ store, sessions, knownBrowsers }: Services): Router {
  const router = Router();
  router.post("/", async (req, res) => {
    const { username, password } = loginRequest.parse(jsonBody(req));
    const user = await store.userByName(username);
    const valid = await verifyPassword(password, user?.passwordHash ?? (await decoy));
    const wrong = () => new HttpError(401, "wrong-credentials", "the username or the password is wrong");
    if (!user || !valid) throw wrong();
    // Null when a new password was set while this one was checked: it is wrong now.
    const session = await sessions.open(user);
    if (session === null) throw wrong();
    // The session, and a new cookie that makes this browser known to the account (see KnownBrowsers).
    res.setHeader("Set-Cookie", [session, knownBrowsers.cookieFor(username, user.passwordHash)]);
    res.status(201).json({ user: sessionUser(user) });
  });
  router.get("/", (req, res) => {
    res.json({ user: sessionUser(userOf(req)) });
  });
  router.put("/password", ...passwordChangeLimit(sessions), async (req, res) => {
    const user = userOf(req);
    const { current, password } = passwordChange.parse(jsonBody(req));
    const wrong = () => new HttpError(403, "wrong-password", "the current password is wrong");
    if (!(await verifyPassword(current, user.passwordHash))) throw wrong();
    const passwordHash = await hashPassword(password);
    const changed = await sessions.setPassword(user, passwordHash, req.headers.cookie);
    // Null when the password was changed since it was checked (elsewhere, or by `synopsis user password`): it is wrong now.
    if (changed === null) throw wrong();
    if (changed.cookie === null) throw new HttpError(401, "not-signed-in", "your session ended before the password was changed: sign in");
    // The session goes on with a new token; the browser, which gave the password, stays known to the account (see KnownBrowsers).
    res.setHeader("Set-Cookie", [changed.cookie, knownBrowsers.cookieFor(user.username, passwordHash)]);
    const answer: PasswordChanged = { endedSessions: changed.ended };
    res.json(answer);
  });
  router.delete("/", async (req, res) => {
    res.setHeader("Set-Cookie", await sessions.close(req.headers.cookie));
    res.status(204).end();
  });
  return router;
}
