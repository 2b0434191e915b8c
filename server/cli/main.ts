/*
 * The synopsis command line: dispatches to a command and turns errors into exit statuses:
 * 1 with the reason for bad input, 2 with the usage for wrong usage.
 */
import { FormatError } from "../../shared/formats/errors";
import { importCommand } from "./import-command";
import { demoCommand } from "./demo-command";
import { compareCommand } from "./compare-command";
import { OutputError } from "./files";
import { serveCommand } from "./serve-command";
import { userCommand } from "./user-command";
import { USAGE, UsageError } from "./usage";
import { SettingError } from "../setting-error";

/** An error of the system's, with its code ("EEXIST: file already exists, mkdir 'out'"): a folder or file the command could not use. */
function isSystemError(e: unknown): e is NodeJS.ErrnoException {
  return (
    e instanceof Error && typeof (e as NodeJS.ErrnoException).code === "string" && typeof (e as NodeJS.ErrnoException).syscall === "string"
  );
}

const COMMANDS: Record<string, (args: string[], out: NodeJS.WritableStream) => Promise<number>> = {
  import: importCommand,
  demo: demoCommand,
  compare: compareCommand,
  serve: serveCommand,
  user: userCommand,
};

export async function main(
  argv: string[],
  out: NodeJS.WritableStream = process.stdout,
  err: NodeJS.WritableStream = process.stderr,
): Promise<number> {
  const [name, ...args] = argv;
  if (name === "--help" || name === "-h" || name === "help") {
    out.write(`${USAGE}\n`);
    return 0;
  }
  const command = name !== undefined ? COMMANDS[name] : undefined;
  try {
    if (!command) throw new UsageError(name === undefined ? "no command given" : `unknown command "${name}"`);
    return await command(args, out);
  } catch (e) {
    if (e instanceof UsageError || (e instanceof TypeError && "code" in e && String(e.code).startsWith("ERR_PARSE_ARGS"))) {
      err.write(`synopsis: ${e.message}\n\n${USAGE}\n`);
      return 2;
    }
    // A setting or a folder the command cannot use is said in a line, as a bad file is.
    if (e instanceof FormatError || e instanceof OutputError || e instanceof SettingError || isSystemError(e)) {
      err.write(`synopsis: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}
