/*
 * Accounts on the data folder the server uses (DATA_DIR), for a server without the
 * demonstration users:
 * - `synopsis user add USERNAME --name NAME --organisation ORGANISATION` adds one;
 * - `synopsis user password USERNAME` sets a new password for one who lost theirs (or whose
 *   password another may know), and ends all its sessions: a page open in its name is told at its
 *   dossier's next news that its session has ended, and its next request asks to sign in again.
 * The password is read from standard input, its first line, so that it is in no command line and
 * no shell history: `read -rs p && printf '%s\n' "$p" | npx synopsis user add ...`. Both work while
 * the server runs: the database takes writes from both.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { describeIssues, newAccount, newPassword } from "../../shared/protocol/api";
import { hashPassword } from "../accounts/passwords";
import { configFrom, DATABASE_FILE, dataDirFrom } from "../config";
import { SettingError } from "../setting-error";
import { SqliteStore } from "../storage/sqlite-store";
import { UsageError } from "./usage";

export async function userCommand(args: string[], out: NodeJS.WritableStream): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { name: { type: "string" }, organisation: { type: "string" } },
  });
  const [action, username, ...rest] = positionals;
  if (action !== "add" && action !== "password")
    throw new UsageError(action === undefined ? "user needs an action: add or password" : `unknown user action "${action}"`);
  if (username === undefined) throw new UsageError(`user ${action} needs a username`);
  if (rest.length > 0) throw new UsageError(`user ${action} takes one username; also given: ${rest.join(" ")}`);
  if (action === "password") {
    if (values.name !== undefined || values.organisation !== undefined)
      throw new UsageError("user password takes a username alone: the name and organisation stay as they are");
    return setPassword(username, out);
  }
  if (values.name === undefined) throw new UsageError("user add needs --name, the person's name as others see it");
  if (values.organisation === undefined) throw new UsageError("user add needs --organisation");
  const password = await firstLineOfInput();
  const checked = newAccount.safeParse({ username, displayName: values.name, organisation: values.organisation, password });
  if (!checked.success) throw new SettingError(`the account was not added: ${describeIssues(checked.error)}`);
  const account = checked.data;
  const store = new SqliteStore(join(configFrom(process.env).dataDir, DATABASE_FILE));
  try {
    const passwordHash = await hashPassword(account.password);
    const id = await store.addAccount({
      username: account.username,
      displayName: account.displayName,
      organisation: account.organisation,
      passwordHash,
    });
    if (id === null) throw new SettingError(`the account was not added: the username "${account.username}" is taken`);
    out.write(`Added ${account.username} (${account.displayName}, ${account.organisation}).\n`);
    return 0;
  } finally {
    store.close();
  }
}

/** `user password USERNAME`: the new password from standard input, the account's sessions ended. */
async function setPassword(username: string, out: NodeJS.WritableStream): Promise<number> {
  const checked = newPassword.safeParse(await firstLineOfInput());
  if (!checked.success) throw new SettingError(`the password was not set: ${describeIssues(checked.error)}`);
  // A data folder mistyped is said, rather than given a new, empty database, or made.
  const dataDir = dataDirFrom(process.env);
  if (!existsSync(join(dataDir, DATABASE_FILE)))
    throw new SettingError(`the password was not set: there is no database in ${dataDir} (DATA_DIR)`);
  const store = new SqliteStore(join(dataDir, DATABASE_FILE));
  try {
    const ended = await store.setPassword(username, await hashPassword(checked.data));
    if (ended === null) throw new SettingError(`the password was not set: there is no account "${username}"`);
    const sessions = ended === 0 ? "no session was open" : `${ended} ${ended === 1 ? "session" : "sessions"} ended`;
    out.write(`New password set for ${username}; ${sessions}.\n`);
    return 0;
  } finally {
    store.close();
  }
}

/** The first line of standard input, read no further than it (a password is short). */
async function firstLineOfInput(): Promise<string> {
  let text = "";
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
    text += chunk.toString("utf8");
    const end = text.search(/\r?\n/);
    if (end >= 0) return text.slice(0, end);
    if (text.length > MAX_LINE) break;
  }
  return text;
}

/** More than any password may be: past it, the input is no password, and is refused as too long. */
const MAX_LINE = 4096;
