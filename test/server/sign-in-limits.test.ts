/*
 * Failed sign-ins: past 30 from one address in a quarter of an hour, that address is not listened
 * to; past 100 in a row to one account in an hour, from any addresses, that account is not, but
 * for the browsers it has signed in from, each of which has 10 failures in a row in a quarter of
 * an hour of its own. A successful sign-in is never counted against an address, and clears its
 * account's failures and its browser's. A new password makes the browsers the account signed in
 * from unknown to it. The server trusts the address a proxy on its own machine forwards, as these
 * requests' is.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, testServer, type TestServer } from "../support/server";
import {
  FAILED_SIGN_INS_PER_ACCOUNT,
  FAILED_SIGN_INS_PER_ADDRESS,
  FAILED_SIGN_INS_PER_KNOWN_BROWSER,
} from "../../server/http/sign-in-limits";
import { knownBrowserCookie } from "../../server/accounts/known-browsers";
import { hashPassword } from "../../server/accounts/passwords";

let server: TestServer;

beforeAll(async () => {
  server = await testServer();
});

afterAll(() => server.close());

/**
 * A sign-in as `username` from `address`, with the right password or a wrong one, from a browser
 * that sends `cookie` (a known-browser cookie, as "synopsis_browser=…") or none.
 */
const signIn = async (username: string, address: string, right: boolean, cookie?: string) =>
  new ApiClient(server.url).request(
    "POST",
    "/api/session",
    { username, password: right ? "demo" : "not the password" },
    {
      "x-forwarded-for": address,
      ...(cookie === undefined ? {} : { cookie }),
    },
  );

/** The Set-Cookie header of an answer that makes the browser known to `username`. */
const knownCookieOf = (headers: Headers, username: string): string => {
  const set = headers.getSetCookie().find((c) => c.startsWith(`${knownBrowserCookie(username)}=`));
  if (set === undefined) throw new Error(`no known-browser cookie for ${username} in ${JSON.stringify(headers.getSetCookie())}`);
  return set;
};

/** `count` failed sign-ins as `username`, spread over the addresses given, a few at a time, from a browser sending `cookie`. */
const fail = async (username: string, addresses: readonly string[], count: number, cookie?: string) => {
  const statuses: number[] = [];
  for (let k = 0; k < count; k += 4) {
    const batch = Array.from({ length: Math.min(4, count - k) }, (_, b) =>
      signIn(username, addresses[(k + b) % addresses.length]!, false, cookie),
    );
    statuses.push(...(await Promise.all(batch)).map((a) => a.status));
  }
  return statuses;
};

/** Addresses enough that no one of them passes its own limit on the way to an account's. */
const many = (prefix: string) => Array.from({ length: 5 }, (_, k) => `${prefix}.${k + 1}`);

describe("failed sign-ins", () => {
  it("stop an address after 30 in a quarter of an hour, whichever accounts they were for, and no other address", async () => {
    expect(FAILED_SIGN_INS_PER_ADDRESS).toBe(30);
    expect(new Set([...(await fail("council", ["203.0.113.7"], 15)), ...(await fail("ngo", ["203.0.113.7"], 15))])).toEqual(new Set([401]));
    const refused = await signIn("commission", "203.0.113.7", true);
    expect([refused.status, refused.body]).toEqual([
      429,
      { error: { code: "too-many-sign-ins", message: "too many failed sign-ins from this address; wait a quarter of an hour" } },
    ]);
    expect((await signIn("commission", "203.0.113.8", true)).status).toBe(201);
  });

  it("stop an account after 100 in a row from any addresses, its right password too, and no other account", async () => {
    expect(FAILED_SIGN_INS_PER_ACCOUNT).toBe(100);
    expect(new Set(await fail("parliament", many("198.51.100"), 100))).toEqual(new Set([401]));
    const refused = await signIn("parliament", "192.0.2.1", true);
    expect([refused.status, refused.body]).toEqual([
      429,
      { error: { code: "too-many-sign-ins", message: "too many failed sign-ins to this account; wait an hour" } },
    ]);
    // Written with spaces around it, as the sign-in reads it: the same account, and not another count.
    expect((await signIn(" parliament\u00a0", "192.0.2.1", true)).status).toBe(429);
    expect((await signIn("commission", "192.0.2.1", true)).status).toBe(201);
  });

  it("count against an account only in a row: a successful sign-in clears them", async () => {
    expect(new Set(await fail("commission", many("198.51.101"), 99))).toEqual(new Set([401]));
    expect((await signIn("commission", "192.0.2.2", true)).status).toBe(201);
    expect(new Set(await fail("commission", many("198.51.102"), 99))).toEqual(new Set([401]));
    expect((await signIn("commission", "192.0.2.3", true)).status).toBe(201);
  });

  it("do not stop the browsers an account has signed in from: their sign-ins go on while the account is stopped for others", async () => {
    const signedIn = await signIn("ngo", "192.0.2.10", true);
    expect(signedIn.status).toBe(201);
    const set = knownCookieOf(signedIn.headers, "ngo");
    expect(set).toMatch(/; Path=\/api\/session; Expires=[^;]+; HttpOnly; SameSite=Strict$/);
    const known = set.split(";")[0]!;
    // The same browser signs in to another account: it stays known to both.
    const otherAccount = knownCookieOf((await signIn("council", "192.0.2.10", true)).headers, "council").split(";")[0]!;
    const both = `${known}; ${otherAccount}`;
    expect(new Set(await fail("ngo", many("198.51.103"), 100))).toEqual(new Set([401]));
    const stopped = { error: { code: "too-many-sign-ins", message: "too many failed sign-ins to this account; wait an hour" } };
    expect((await signIn("ngo", "192.0.2.11", true)).body).toEqual(stopped);
    // A cookie for another account, even under this account's cookie's name, or one whose signature was changed, makes no browser known.
    expect((await signIn("ngo", "192.0.2.11", true, otherAccount)).body).toEqual(stopped);
    const renamed = `${knownBrowserCookie("ngo")}=${otherAccount.slice(otherAccount.indexOf("=") + 1)}`;
    expect((await signIn("ngo", "192.0.2.11", true, renamed)).body).toEqual(stopped);
    const forged = known.slice(0, -1) + (known.endsWith("A") ? "B" : "A");
    expect((await signIn("ngo", "192.0.2.11", true, forged)).body).toEqual(stopped);
    expect((await signIn("ngo", "192.0.2.11", true, both)).status).toBe(201);
    // The owner's sign-in clears the account's failures, for every browser.
    expect((await signIn("ngo", "192.0.2.12", true)).status).toBe(201);
  });

  it("stop a browser the account has signed in from after 10 failures in a row, and neither its other browsers nor the account", async () => {
    expect(FAILED_SIGN_INS_PER_KNOWN_BROWSER).toBe(10);
    // Two browsers the Council has signed in from.
    const first = knownCookieOf((await signIn("council", "192.0.2.20", true)).headers, "council").split(";")[0]!;
    const second = knownCookieOf((await signIn("council", "192.0.2.22", true)).headers, "council").split(";")[0]!;
    expect(first).not.toBe(second);
    // Failures from elsewhere, short of the account's 100, and the first browser's 10, which are not the account's.
    expect(new Set(await fail("council", many("198.51.104"), FAILED_SIGN_INS_PER_ACCOUNT - 5))).toEqual(new Set([401]));
    expect(new Set(await fail("council", many("198.51.104"), 10, first))).toEqual(new Set([401]));
    const refused = await signIn("council", "192.0.2.21", true, first);
    expect([refused.status, refused.body]).toEqual([
      429,
      { error: { code: "too-many-sign-ins", message: "too many failed sign-ins from this browser; wait a quarter of an hour" } },
    ]);
    expect((await signIn("council", "192.0.2.21", true)).status).toBe(201);
    expect((await signIn("council", "192.0.2.23", true, second)).status).toBe(201);
    // Another browser's success does not clear this one's failures.
    expect((await signIn("council", "192.0.2.21", true, first)).status).toBe(429);
  });
  it("forget the browsers an account has signed in from once its password is set anew, and know the ones that sign in with it", async () => {
    await server.services.store.addAccount({
      username: "m.rossi",
      displayName: "Maria Rossi",
      organisation: "European Parliament",
      passwordHash: await hashPassword("the old passphrase"),
    });
    const signInAs = (password: string, address: string, cookie?: string) =>
      new ApiClient(server.url).request(
        "POST",
        "/api/session",
        { username: "m.rossi", password },
        { "x-forwarded-for": address, ...(cookie === undefined ? {} : { cookie }) },
      );
    const before = await signInAs("the old passphrase", "192.0.2.30");
    expect(before.status).toBe(201);
    const knownBefore = knownCookieOf(before.headers, "m.rossi").split(";")[0]!;
    // As `synopsis user password` sets it: someone else may have known the old one.
    await server.services.store.setPassword("m.rossi", await hashPassword("the new passphrase"));
    const after = await signInAs("the new passphrase", "192.0.2.31");
    expect(after.status).toBe(201);
    const knownAfter = knownCookieOf(after.headers, "m.rossi").split(";")[0]!;
    expect(new Set(await fail("m.rossi", many("198.51.105"), FAILED_SIGN_INS_PER_ACCOUNT))).toEqual(new Set([401]));
    expect((await signInAs("the new passphrase", "192.0.2.32", knownBefore)).status).toBe(429);
    expect((await signInAs("the new passphrase", "192.0.2.33", knownAfter)).status).toBe(201);
  });
});
