/*
 * A signed-in person changes their own password (PUT /api/session/password): with the current
 * one right, the new one is theirs, their other sessions end and the one they changed it from
 * goes on under a new token; a wrong current password, a new one too short, none signed in, or a
 * password set anew between its check and the change, change nothing; ten wrong current
 * passwords in a row stop a session's tries for a quarter of an hour, and it alone.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, testServer, type TestServer } from "../support/server";
import { WRONG_CURRENT_PASSWORDS } from "../../server/http/sign-in-limits";
import { hashPassword, verifyPassword } from "../../server/accounts/passwords";
import { storeWithAccount } from "../support/account-store";
import { knownBrowserCookie } from "../../server/accounts/known-browsers";

let server: TestServer;

beforeAll(async () => {
  server = await testServer();
});

afterAll(async () => {
  await server.close();
});

const signInWith = (username: string, password: string) =>
  new ApiClient(server.url).request("POST", "/api/session", { username, password }).then((a) => a.status);

describe("changing one's own password", () => {
  it("sets the new password, ends the person's other sessions, and goes on with the one it was changed from under a new token", async () => {
    const here = await new ApiClient(server.url).signIn("parliament");
    const elsewhere = await new ApiClient(server.url).signIn("parliament");
    const council = await new ApiClient(server.url).signIn("council");
    const before = here.cookie;
    const changed = await here.request("PUT", "/api/session/password", { current: "demo", password: "a long new passphrase" });
    expect(changed).toMatchObject({ status: 200, body: { endedSessions: 1 } });
    expect(here.cookie).not.toBe(before);
    // The browser gave the password: it stays known to the account, whose browsers the new password made unknown.
    expect(changed.headers.getSetCookie().some((c) => c.startsWith(`${knownBrowserCookie("parliament")}=`))).toBe(true);
    expect((await here.request("GET", "/api/session")).status).toBe(200);
    // The token it had, which may be what leaked, opens nothing.
    const withOldToken = new ApiClient(server.url);
    withOldToken.cookie = before;
    expect((await withOldToken.request("GET", "/api/session")).status).toBe(401);
    expect((await elsewhere.request("GET", "/api/session")).status).toBe(401);
    expect((await council.request("GET", "/api/session")).status).toBe(200);
    expect(await signInWith("parliament", "demo")).toBe(401);
    expect(await signInWith("parliament", "a long new passphrase")).toBe(201);
  });

  it("answers 403 when another password was set between the check of the current one and the change, which stands", async () => {
    const store = server.services.store;
    const changePassword = store.changePassword.bind(store);
    const reader = await new ApiClient(server.url).signIn("council");
    try {
      // As `synopsis user password` would, just before the change is written.
      store.changePassword = async (username, hash, expected, renewal) => {
        await store.setPassword(username, await hashPassword("the administrator's passphrase"));
        return changePassword(username, hash, expected, renewal);
      };
      const refused = await reader.request("PUT", "/api/session/password", { current: "demo", password: "the reader's passphrase" });
      expect(refused).toMatchObject({ status: 403, body: { error: { code: "wrong-password" } } });
    } finally {
      store.changePassword = changePassword;
    }
    expect(await signInWith("council", "the reader's passphrase")).toBe(401);
    expect(await signInWith("council", "the administrator's passphrase")).toBe(201);
  });

  it("refuses a wrong current password (403), a new one too short and a field missing (400), and changes nothing", async () => {
    const ngo = await new ApiClient(server.url).signIn("ngo");
    const other = await new ApiClient(server.url).signIn("ngo");
    const wrong = await ngo.request("PUT", "/api/session/password", { current: "not it", password: "a long new passphrase" });
    expect(wrong).toMatchObject({ status: 403, body: { error: { code: "wrong-password", message: "the current password is wrong" } } });
    const short = await ngo.request("PUT", "/api/session/password", { current: "demo", password: "short" });
    expect(short).toMatchObject({
      status: 400,
      body: { error: { code: "invalid-request", message: "password: the password must be at least 12 characters long" } },
    });
    const missing = await ngo.request("PUT", "/api/session/password", { password: "a long new passphrase" });
    expect(missing).toMatchObject({ status: 400, body: { error: { code: "invalid-request" } } });
    expect((missing.body as { error: { message: string } }).error.message).toMatch(/^current: /);
    expect((await other.request("GET", "/api/session")).status).toBe(200);
    expect(await signInWith("ngo", "demo")).toBe(201);
  });

  it("has the sessions refuse a change whose password was set anew after it was checked", async () => {
    const { store, sessions } = await storeWithAccount("m.rossi", "the first passphrase");
    try {
      const cookie = (await sessions.open((await store.userByName("m.rossi"))!))!.split(";")[0]!;
      const checked = (await sessions.user(cookie))!;
      expect(await verifyPassword("the first passphrase", checked.passwordHash)).toBe(true);
      // Set anew meanwhile, as by `synopsis user password`: the session ends, and the change is refused.
      expect(await store.setPassword("m.rossi", await hashPassword("the administrator's passphrase"))).toBe(1);
      expect(await sessions.setPassword(checked, await hashPassword("the person's passphrase"), cookie)).toBeNull();
      expect(await verifyPassword("the administrator's passphrase", (await store.userByName("m.rossi"))!.passwordHash)).toBe(true);
    } finally {
      store.close();
    }
  });

  it("answers 401 and changes nothing when the session it is changed from ended meanwhile", async () => {
    const store = server.services.store;
    const changePassword = store.changePassword.bind(store);
    const drafter = await new ApiClient(server.url).signIn("commission");
    try {
      // Signed out in another tab just before the change is written.
      store.changePassword = async (username, hash, expected, renewal) => {
        await store.deleteSession(renewal.tokenHash);
        return changePassword(username, hash, expected, renewal);
      };
      const refused = await drafter.request("PUT", "/api/session/password", { current: "demo", password: "the drafter's passphrase" });
      expect(refused).toMatchObject({ status: 401, body: { error: { code: "not-signed-in" } } });
    } finally {
      store.changePassword = changePassword;
    }
    expect(await signInWith("commission", "the drafter's passphrase")).toBe(401);
    expect(await signInWith("commission", "demo")).toBe(201);
  });

  it("has the store set the password, end the other sessions and give the one that goes on its new token, at once", async () => {
    const { store, sessions } = await storeWithAccount("m.rossi", "the first passphrase");
    try {
      const user = (await store.userByName("m.rossi"))!;
      const [here, other] = [(await sessions.open(user))!.split(";")[0]!, (await sessions.open(user))!.split(";")[0]!];
      const newHash = await hashPassword("the second passphrase");
      const changed = await sessions.setPassword(user, newHash, here);
      expect(changed).toMatchObject({ ended: 1, cookie: expect.stringMatching(/^synopsis_session=/) });
      const renewed = changed!.cookie!.split(";")[0]!;
      expect(await sessions.user(here)).toBeNull();
      expect(await sessions.user(other)).toBeNull();
      expect(await sessions.user(renewed)).toMatchObject({ username: "m.rossi", passwordHash: newHash });
      // A change from a session that has ended changes nothing, and opens nothing.
      const again = await sessions.setPassword({ ...user, passwordHash: newHash }, await hashPassword("the third passphrase"), here);
      expect(again).toEqual({ ended: 0, cookie: null });
      expect((await store.userByName("m.rossi"))!.passwordHash).toBe(newHash);
      expect(await sessions.user(renewed)).not.toBeNull();
    } finally {
      store.close();
    }
  });

  it("refuses anyone not signed in (401)", async () => {
    const nobody = await new ApiClient(server.url).request("PUT", "/api/session/password", {
      current: "demo",
      password: "a long new passphrase",
    });
    expect(nobody).toMatchObject({ status: 401, body: { error: { code: "not-signed-in" } } });
  });

  it(`stops a session after ${WRONG_CURRENT_PASSWORDS} wrong current passwords in a row, even with the right one, and not its person's other sessions`, async () => {
    const stolen = await new ApiClient(server.url).signIn("commission");
    const owners = await new ApiClient(server.url).signIn("commission");
    for (let k = 0; k < WRONG_CURRENT_PASSWORDS; k++)
      expect(
        (await stolen.request("PUT", "/api/session/password", { current: `guess ${k}`, password: "a long new passphrase" })).status,
      ).toBe(403);
    const stopped = await stolen.request("PUT", "/api/session/password", { current: "demo", password: "a long new passphrase" });
    expect(stopped).toMatchObject({
      status: 429,
      body: { error: { code: "too-many-password-tries", message: "too many wrong current passwords; wait a quarter of an hour" } },
    });
    // The owner, elsewhere, changes it, which ends the stopped session.
    expect((await owners.request("PUT", "/api/session/password", { current: "demo", password: "the owner's passphrase" })).status).toBe(
      200,
    );
    expect((await stolen.request("GET", "/api/session")).status).toBe(401);
  });

  it("counts only wrong current passwords, and starts the count again after a change", async () => {
    const ngo = await new ApiClient(server.url).signIn("ngo");
    const change = (current: string, password: string) =>
      ngo.request("PUT", "/api/session/password", { current, password }).then((a) => a.status);
    // A new password too short, with the right current one, is no guess.
    for (let k = 0; k < WRONG_CURRENT_PASSWORDS; k++) expect(await change("demo", "short")).toBe(400);
    for (let k = 0; k < WRONG_CURRENT_PASSWORDS - 1; k++) expect(await change(`guess ${k}`, "the NGO's passphrase")).toBe(403);
    expect(await change("demo", "the NGO's passphrase")).toBe(200);
    for (let k = 0; k < WRONG_CURRENT_PASSWORDS - 1; k++) expect(await change(`guess ${k}`, "the NGO's next passphrase")).toBe(403);
    expect(await change("the NGO's passphrase", "the NGO's next passphrase")).toBe(200);
  });
});
