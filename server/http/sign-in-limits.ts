/*
 * How many failed sign-ins the server takes before it stops listening for a while: from one
 * address (someone guessing from one place); to one account from browsers it has never signed in
 * from, at any addresses (someone guessing one person's password from many places); and from a
 * browser the account has signed in from, which those failures do not stop (see KnownBrowsers).
 * Successful sign-ins are not counted: an office behind one address signs in many people. A
 * successful sign-in to an account clears its failures and the browser's, so that only failures
 * in a row count.
 */
import type { Request, RequestHandler, Response } from "express";
import { rateLimit } from "express-rate-limit";
import { loginRequest } from "../../shared/protocol/api";
import type { KnownBrowsers } from "../accounts/known-browsers";
import type { Sessions } from "../accounts/sessions";
import type { Store } from "../storage/store";

/** Failed sign-ins an address may make in a quarter of an hour. */
export const FAILED_SIGN_INS_PER_ADDRESS = 30;
/**
 * Failed sign-ins in a row to one account, from any address, in an hour, by browsers it has not
 * signed in from: a password guessed from many addresses at once gets no more tries than from a
 * few. (NIST SP 800-63B asks for no more than 100 in a row before a success; here the count also
 * starts again after an hour.) The browsers the account has signed in from go on signing in.
 */
export const FAILED_SIGN_INS_PER_ACCOUNT = 100;
/**
 * Failed sign-ins in a row to an account, in a quarter of an hour, from one browser it has
 * signed in from: its owner mistyping, or someone who has their browser's cookie.
 */
export const FAILED_SIGN_INS_PER_KNOWN_BROWSER = 10;
/**
 * Wrong current passwords given in a row, in a quarter of an hour, from one session changing its
 * person's password: its owner mistyping, or someone with the session (a browser left signed in,
 * a stolen cookie) guessing the password.
 */
export const WRONG_CURRENT_PASSWORDS = 10;

const QUARTER_HOUR_MS = 15 * 60_000;
const HOUR_MS = 60 * 60_000;

/** Who a sign-in is for, and from: found once, before the limits, by `signInLimits`'s first handler. */
interface SignIn {
  /** The account, as a key: the username as the sign-in route reads it and looks it up (trimmed, exactly as written). */
  readonly account: string;
  /** The browser's key, when it has signed in to that account before. */
  readonly knownBrowser: string | null;
}

/**
 * What a sign-in is for and from: the username as the sign-in route reads it, so that " alice"
 * counts against "alice" and "Alice" against an account of that name. Null when the request is
 * one the route refuses as malformed.
 */
async function signInOf(req: Request, knownBrowsers: KnownBrowsers, store: Store): Promise<SignIn | null> {
  if (req.method !== "POST") return null;
  const read = loginRequest.safeParse(req.body);
  if (!read.success) return null;
  const { username } = read.data;
  // Known to the account with its password as it is: a new password makes its browsers unknown.
  const account = await store.userByName(username);
  const browser = knownBrowsers.browserOf(req.headers.cookie, username, account?.passwordHash ?? null);
  return { account: `account:${username}`, knownBrowser: browser === null ? null : `browser:${browser}` };
}

const signInFound = (res: Response): SignIn | null => (res.locals.signIn as SignIn | null | undefined) ?? null;

function refusal(message: string): RequestHandler {
  return (_req, res) => {
    res.status(429).json({ error: { code: "too-many-sign-ins", message } });
  };
}

/** The limits, to stand before the sign-in route: they look at POST requests alone. */
export function signInLimits(knownBrowsers: KnownBrowsers, store: Store): RequestHandler[] {
  const findSignIn: RequestHandler = async (req, res, next) => {
    res.locals.signIn = await signInOf(req, knownBrowsers, store);
    next();
  };
  const byAddress = rateLimit({
    windowMs: QUARTER_HOUR_MS,
    limit: FAILED_SIGN_INS_PER_ADDRESS,
    standardHeaders: "draft-8",
    legacyHeaders: false,
    skip: (req) => req.method !== "POST",
    skipSuccessfulRequests: true,
    handler: refusal("too many failed sign-ins from this address; wait a quarter of an hour"),
  });
  // The limits' headers are the address's: one set of them per answer.
  const byAccount = rateLimit({
    windowMs: HOUR_MS,
    limit: FAILED_SIGN_INS_PER_ACCOUNT,
    standardHeaders: false,
    legacyHeaders: false,
    skip: (_req, res) => {
      const signIn = signInFound(res);
      return signIn === null || signIn.knownBrowser !== null;
    },
    keyGenerator: (_req, res) => signInFound(res)!.account,
    skipSuccessfulRequests: true,
    handler: refusal("too many failed sign-ins to this account; wait an hour"),
  });
  const byKnownBrowser = rateLimit({
    windowMs: QUARTER_HOUR_MS,
    limit: FAILED_SIGN_INS_PER_KNOWN_BROWSER,
    standardHeaders: false,
    legacyHeaders: false,
    skip: (_req, res) => (signInFound(res)?.knownBrowser ?? null) === null,
    keyGenerator: (_req, res) => signInFound(res)!.knownBrowser!,
    skipSuccessfulRequests: true,
    handler: refusal("too many failed sign-ins from this browser; wait a quarter of an hour"),
  });
  /** A sign-in that succeeds clears its account's failures, and its browser's. */
  const clearOnSuccess: RequestHandler = (_req, res, next) => {
    const signIn = signInFound(res);
    if (signIn !== null) {
      res.on("finish", () => {
        if (res.statusCode >= 400) return;
        void byAccount.resetKey(signIn.account);
        if (signIn.knownBrowser !== null) void byKnownBrowser.resetKey(signIn.knownBrowser);
      });
    }
    next();
  };
  // The address's limit first: it needs nothing found, and an address stopped costs no look-up of the account.
  return [byAddress, findSignIn, byAccount, byKnownBrowser, clearOnSuccess];
}

/**
 * The limit, to stand before the route that changes a signed-in person's password: wrong current
 * passwords (403 `wrong-password`), by session, so that someone with a stolen session cookie
 * stops that session alone, and not its owner's others; a change made clears its session's count.
 */
export function passwordChangeLimit(sessions: Sessions): RequestHandler[] {
  const sessionOf = (req: Request) => sessions.keyOf(req.headers.cookie);
  const limit = rateLimit({
    windowMs: QUARTER_HOUR_MS,
    limit: WRONG_CURRENT_PASSWORDS,
    standardHeaders: false,
    legacyHeaders: false,
    // Signed out, it is refused as such, and counts for no one.
    skip: (req) => req.user === undefined || sessionOf(req) === null,
    keyGenerator: (req) => `session:${sessionOf(req)!}`,
    // Only a wrong current password counts: a new one too short, with the right current one, does not.
    skipSuccessfulRequests: true,
    requestWasSuccessful: (_req, res) => res.statusCode !== 403,
    handler: (_req, res) => {
      res.status(429).json({
        error: { code: "too-many-password-tries", message: "too many wrong current passwords; wait a quarter of an hour" },
      });
    },
  });
  const clearOnChange: RequestHandler = (req, res, next) => {
    const key = sessionOf(req);
    if (key !== null)
      res.on("finish", () => {
        if (res.statusCode === 200) void limit.resetKey(`session:${key}`);
      });
    next();
  };
  return [limit, clearOnChange];
}
