/*
 * `synopsis user add`: the way to an account on a server without the demonstration users. The
 * account signs in to the server on that data folder, which then loads no demonstration data,
 * as its store is no longer empty; a password too short, a username taken or written with
 * spaces, and a missing name are refused, and nothing is added.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ApiClient, testServer } from "../support/server";

const BIN = join(import.meta.dirname, "../../bin/synopsis.js");
const dataDir = mkdtempSync(join(tmpdir(), "synopsis-user-"));

/** `synopsis user add` on the test's data folder, with `password` typed on standard input. */
function addUser(password: string, ...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const done = spawnSync(process.execPath, [BIN, "user", "add", ...args], {
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
