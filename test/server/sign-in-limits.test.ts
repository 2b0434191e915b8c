/*
 * Failed sign-ins: past 30 from one address in a quarter of an hour, that address is not listened
 * to; past 100 in a row to one account in an hour, from any addresses, that account is not. A
 * successful sign-in is never counted against an address, and clears its account's failures.
 * The server trusts the address a proxy on its own machine forwards, as these requests' is.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, testServer, type TestServer } from "../support/server";
import { FAILED_SIGN_INS_PER_ACCOUNT, FAILED_SIGN_INS_PER_ADDRESS } from "../../server/http/sign-in-limits";

let server: TestServer;

beforeAll(async () => {
  server = await testServer();
});

afterAll(() => server.close());

/** The status of a sign-in as `username` from `address`, with the right password or a wrong one. */
const signIn = async (username: string, address: string, right: boolean) =>
  new ApiClient(server.url).request(
    "POST",
    "/api/session",
    { username, password: right ? "demo" : "not the password" },
    {
      "x-forwarded-for": address,
    },
  );

/** `count` failed sign-ins as `username`, spread over the addresses given, a few at a time. */
const fail = async (username: string, addresses: readonly string[], count: number) => {
  const statuses: number[] = [];
  for (let k = 0; k < count; k += 4) {
    const batch = Array.from({ length: Math.min(4, count - k) }, (_, b) => signIn(username, addresses[(k + b) % addresses.length]!, false));
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
});
