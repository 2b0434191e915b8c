/*
 * How many failed sign-ins the server takes before it stops listening for a while: from one
 * address (someone guessing from one place), and to one account from any address (someone
 * guessing one person's password from many places). Successful sign-ins are not counted: an
 * office behind one address signs in many people. A successful sign-in to an account clears its
 * failures, so that only failures in a row count against it.
 */
import type { Request, RequestHandler } from "express";
import { rateLimit } from "express-rate-limit";

/** Failed sign-ins an address may make in a quarter of an hour. */
export const FAILED_SIGN_INS_PER_ADDRESS = 30;
/**
 * Failed sign-ins in a row to one account, from any address, in an hour: no more than the 100
 * that NIST SP 800-63B allows, so that a password cannot be guessed from many addresses at once.
 */
export const FAILED_SIGN_INS_PER_ACCOUNT = 100;

const QUARTER_HOUR_MS = 15 * 60_000;
const HOUR_MS = 60 * 60_000;

/**
 * The account a sign-in is for, as a key: the username given, in one case, so that "Alice" and
 * "alice" count together. Null when the request names none (it is refused as malformed anyway).
 */
function accountOf(req: Request): string | null {
  const username = (req.body as { username?: unknown } | undefined)?.username;
  return typeof username === "string" && username !== "" ? `account:${username.normalize("NFKC").toLowerCase()}` : null;
}

function refusal(message: string): RequestHandler {
  return (_req, res) => {
    res.status(429).json({ error: { code: "too-many-sign-ins", message } });
  };
}

/** The limits, to stand before the sign-in route: they look at POST requests alone. */
export function signInLimits(): RequestHandler[] {
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
    skip: (req) => req.method !== "POST" || accountOf(req) === null,
    keyGenerator: (req) => accountOf(req)!,
    skipSuccessfulRequests: true,
    handler: refusal("too many failed sign-ins to this account; wait an hour"),
  });
  /** A sign-in that succeeds clears its account's failures. */
  const clearOnSuccess: RequestHandler = (req, res, next) => {
    const account = req.method === "POST" ? accountOf(req) : null;
    if (account !== null) {
      res.on("finish", () => {
        if (res.statusCode < 400) void byAccount.resetKey(account);
      });
    }
    next();
  };
  return [byAddress, byAccount, clearOnSuccess];
}
