/*
 * `synopsis user add`: the way to an account on a server without the demonstration users. The
 * account signs in to the server on that data folder, which then loads no demonstration data,
 * as its store is no longer empty; a password too short, a username taken or written with
 * spaces, and a missing name are refused, and nothing is added. `synopsis user password`: a new
 * password for an account, set while the server runs, which ends the account's sessions, and a
 * sign-in with the old password still being checked, and leaves other accounts' alone; a
 * password too short, an unknown account or a data folder without a database changes nothing.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ApiClient, testServer } from "../support/server";
import { hashPassword, verifyPassword } from "../../server/accounts/passwords";
import { storeWithAccount } from "../support/account-store";

const BIN = join(import.meta.dirname, "../../bin/synopsis.js");
const dataDir = mkdtempSync(join(tmpdir(), "synopsis-user-"));

/** `synopsis user add` on the test's data folder, with `password` typed on standard input. */
function addUser(password: string, ...args: string[]): { code: number | null; stdout: string; stderr: string } {
  return user(password, "add", ...args);
}

/** `synopsis user ACTION …` on the test's data folder, with `password` typed on standard input. */
function user(password: string, ...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const done = spawnSync(process.execPath, [BIN, "user", ...args], {
    input: `${password}\n`,
    env: { ...process.env, DATA_DIR: dataDir },
    encoding: "utf8",
  });
  return { code: done.status, stdout: done.stdout, stderr: done.stderr };
}

describe("synopsis user add", () => {
  it("adds an account that signs in, on a server that then loads no demonstration users", async () => {
    const added = addUser("a long enough passphrase", "m.rossi", "--name", "Maria Rossi", "--organisation", "European Parliament");
    expect(added).toEqual({ code: 0, stdout: "Added m.rossi (Maria Rossi, European Parliament).\n", stderr: "" });
    const again = addUser("another long passphrase", "j.smith", "--name", "Jo Smith", "--organisation", "European Parliament");
    expect(again.code).toBe(0);

    const server = await testServer({ dataDir });
    try {
      const maria = new ApiClient(server.url);
      const signIn = await maria.request<{ user: { displayName: string; organisation: string } }>("POST", "/api/session", {
        username: "m.rossi",
        password: "a long enough passphrase",
      });
      expect(signIn.status).toBe(201);
      expect(signIn.body.user).toMatchObject({ displayName: "Maria Rossi", organisation: "European Parliament" });
      expect((await maria.request<{ dossiers: unknown[] }>("GET", "/api/dossiers")).body.dossiers).toEqual([]);
      const demo = await new ApiClient(server.url).request("POST", "/api/session", { username: "commission", password: "demo" });
      expect(demo.status).toBe(401);
    } finally {
      await server.close();
    }
  });

  it("refuses a short password, a username taken or with spaces, in one line with exit 1, and adds nothing", () => {
    const organisation = ["--organisation", "Council"];
    expect(addUser("short", "x.y", "--name", "X Y", ...organisation)).toEqual({
      code: 1,
      stdout: "",
      stderr: "synopsis: the account was not added: password: the password must be at least 12 characters long\n",
    });
    expect(addUser("a long enough passphrase", "m.rossi", "--name", "Another Maria", ...organisation).stderr).toBe(
      'synopsis: the account was not added: the username "m.rossi" is taken\n',
    );
    expect(addUser("a long enough passphrase", "maria rossi", "--name", "Maria", ...organisation).stderr).toBe(
      "synopsis: the account was not added: username: username must be letters, digits, dots, dashes or underscores, without spaces\n",
    );
  });

  it("says what is missing with the usage and exit 2", () => {
    const missing = addUser("a long enough passphrase", "x.y", "--organisation", "Council");
    expect(missing.code).toBe(2);
    expect(missing.stderr.split("\n")[0]).toBe("synopsis: user add needs --name, the person's name as others see it");
  });
});

describe("synopsis user password", () => {
  const passwordData = mkdtempSync(join(tmpdir(), "synopsis-password-"));
  const setPassword = (password: string, ...args: string[]) => {
    const done = spawnSync(process.execPath, [BIN, "user", "password", ...args], {
      input: `${password}\n`,
      env: { ...process.env, DATA_DIR: passwordData },
      encoding: "utf8",
    });
    return { code: done.status, stdout: done.stdout, stderr: done.stderr };
  };

  it("sets a new password while the server runs, ending the account's sessions and no one else's", async () => {
    const server = await testServer({ dataDir: passwordData });
    try {
      const parliament = await new ApiClient(server.url).signIn("parliament");
      const otherTab = await new ApiClient(server.url).signIn("parliament");
      const council = await new ApiClient(server.url).signIn("council");
      expect((await parliament.request("GET", "/api/session")).status).toBe(200);

      expect(setPassword("a new and long passphrase", "parliament")).toEqual({
        code: 0,
        stdout: "New password set for parliament; 2 sessions ended.\n",
        stderr: "",
      });
      expect((await parliament.request("GET", "/api/session")).status).toBe(401);
      expect((await otherTab.request("GET", "/api/dossiers")).status).toBe(401);
      expect((await council.request("GET", "/api/session")).status).toBe(200);
      const signIn = (password: string) => new ApiClient(server.url).request("POST", "/api/session", { username: "parliament", password });
      expect((await signIn("demo")).status).toBe(401);
      expect((await signIn("a new and long passphrase")).status).toBe(201);
    } finally {
      await server.close();
    }
    // The sign-in with the new password opened one; none is open for the Commission.
    expect(setPassword("yet another long passphrase", "parliament").stdout).toBe("New password set for parliament; 1 session ended.\n");
    expect(setPassword("a long passphrase again", "commission").stdout).toBe("New password set for commission; no session was open.\n");
  });

  it("opens no session for a sign-in whose password was checked before a new one was set", async () => {
    const { store, sessions } = await storeWithAccount("m.rossi", "the old passphrase");
    try {
      // The sign-in read the account and checked its password; then the new password is set, before its session is opened.
      const checked = (await store.userByName("m.rossi"))!;
      expect(await verifyPassword("the old passphrase", checked.passwordHash)).toBe(true);
      expect(await store.setPassword("m.rossi", await hashPassword("the new passphrase"))).toBe(0);
      expect(await sessions.open(checked)).toBeNull();
      // With the account as it now is, a session opens.
      const cookie = await sessions.open((await store.userByName("m.rossi"))!);
      expect(cookie).not.toBeNull();
      expect((await sessions.user(cookie!.split(";")[0]))?.username).toBe("m.rossi");
    } finally {
      store.close();
    }
  });

  it("refuses a short password or an unknown account in one line with exit 1, and changes nothing", async () => {
    expect(setPassword("short", "council")).toEqual({
      code: 1,
      stdout: "",
      stderr: "synopsis: the password was not set: the password must be at least 12 characters long\n",
    });
    expect(setPassword("a long enough passphrase", "nobody")).toEqual({
      code: 1,
      stdout: "",
      stderr: 'synopsis: the password was not set: there is no account "nobody"\n',
    });
    const server = await testServer({ dataDir: passwordData });
    try {
      expect((await new ApiClient(server.url).request("POST", "/api/session", { username: "council", password: "demo" })).status).toBe(201);
    } finally {
      await server.close();
    }
  });

  it("refuses a data folder without a database, and makes none there", () => {
    const empty = mkdtempSync(join(tmpdir(), "synopsis-no-database-"));
    const done = spawnSync(process.execPath, [BIN, "user", "password", "council"], {
      input: "a long enough passphrase\n",
      env: { ...process.env, DATA_DIR: empty },
      encoding: "utf8",
    });
    expect({ code: done.status, stderr: done.stderr }).toEqual({
      code: 1,
      stderr: `synopsis: the password was not set: there is no database in ${empty} (DATA_DIR)\n`,
    });
    expect(readdirSync(empty)).toEqual([]);
  });

  it("says what is wrong with the usage and exit 2", () => {
    const withName = setPassword("a long enough passphrase", "council", "--name", "Someone Else");
    expect(withName.code).toBe(2);
    expect(withName.stderr.split("\n")[0]).toBe(
      "synopsis: user password takes a username alone: the name and organisation stay as they are",
    );
    expect(setPassword("a long enough passphrase").stderr.split("\n")[0]).toBe("synopsis: user password needs a username");
  });
});
