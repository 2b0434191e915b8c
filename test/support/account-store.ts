/*
 * A store of its own, in a new data folder, holding one account with the password given, and the
 * sessions that sign it in: for tests that step between the check of a password and what follows it.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SqliteStore } from "../../server/storage/sqlite-store";
import { Sessions } from "../../server/accounts/sessions";
import { hashPassword } from "../../server/accounts/passwords";

export async function storeWithAccount(username: string, password: string): Promise<{ store: SqliteStore; sessions: Sessions }> {
  const store = new SqliteStore(join(mkdtempSync(join(tmpdir(), "synopsis-account-")), "synopsis.db"));
  await store.addAccount({
    username,
    displayName: username,
    organisation: "European Parliament",
    passwordHash: await hashPassword(password),
  });
  return { store, sessions: new Sessions(store, "test secret", false) };
}
