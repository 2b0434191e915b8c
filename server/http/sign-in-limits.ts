/*
 * How many failed sign-ins the server takes before it stops listening for a while: from one
 * address (someone guessing from one place), and to one account from any address (someone
 * guessing one person's password from many places). Successful sign-ins are not counted: an
 * office behind one address signs in many people. A successful sign-in to an account clears its
 * failures, so that only failures in a row count against it.
 */
import type { Request, RequestHandler, Response } from "express";
import { rateLimit } from "express-rate-limit";
import { loginRequest } from "../../shared/protocol/api";

/** Failed sign-ins an address may make in a quarter of an hour. */
export const FAILED_SIGN_INS_PER_ADDRESS = 30;
/**
 * Failed sign-ins in a row to one account, from any address, in an hour: a password guessed
 * from many addresses at once gets no more tries than from a few. (NIST SP 800-63B asks for no
 * more than 100 in a row before a success; here the count also starts again after an hour, so
 * that a guesser cannot keep the account's owner out for longer.)
 */
export const FAILED_SIGN_INS_PER_ACCOUNT = 100;

const QUARTER_HOUR_MS = 15 * 60_000;
const HOUR_MS = 60 * 60_000;

/**
 * The account a sign-in is for, as a key: the username as the sign-in route reads it and looks
 * it up (trimmed, exactly as written), so that " alice" counts against "alice" and "Alice"
 * against an account of that name. Null when the request is one the route refuses as malformed.
 */
function accountOf(req: Request): string | null {
  if (req.method !== "POST") return null;
  const read = loginRequest.safeParse(req.body);
  return read.success ? `account:${read.data.username}` : null;
}

/** The account of the sign-in being answered, found once by `signInLimits`'s first handler. */
const accountFound = (res: Response): string | null => (res.locals.signInAccount as string | null | undefined) ?? null;

function refusal(message: string): RequestHandler {
  return (_req, res) => {
    res.status(429).json({ error: { code: "too-many-sign-ins", message } });
  };
}

/** The limits, to stand before the sign-in route: they look at POST requests alone. */
export function signInLimits(): RequestHandler[] {
  const findAccount: RequestHandler = (req, res, next) => {
    res.locals.signInAccount = accountOf(req);
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
  const byAccount = rateLimit({
    windowMs: HOUR_MS,
    limit: FAILED_SIGN_INS_PER_ACCOUNT,
    // The limits' headers are the address's: one set of them per answer.
    standardHeaders: false,
    legacyHeaders: false,
    skip: (_req, res) => accountFound(res) === null,
    keyGenerator: (_req, res) => accountFound(res)!,
    skipSuccessfulRequests: true,
    handler: refusal("too many failed sign-ins to this account; wait an hour"),
  });
  /** A sign-in that succeeds clears its account's failures. */
  const clearOnSuccess: RequestHandler = (_req, res, next) => {
    const account = accountFound(res);
    if (account !== null) {
      res.on("finish", () => {
        if (res.statusCode < 400) void byAccount.resetKey(account);
      });
    }
    next();
  };
  return [findAccount, byAddress, byAccount, clearOnSuccess];
}
