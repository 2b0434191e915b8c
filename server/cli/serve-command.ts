/*
 * `synopsis serve`: the server, on the settings of the environment (see server/config.ts). Prints
 * the address; SIGTERM or SIGINT stop it cleanly.
 */
import { parseArgs } from "node:util";
import { configFrom } from "../config";
import { startServer } from "../main";

export async function serveCommand(args: string[], out: NodeJS.WritableStream): Promise<number> {
  parseArgs({ args, options: {} });
  const server = await startServer(configFrom(process.env));
  out.write(`Synopsis is running at ${server.url}\n`);
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      server.logger.info({ signal }, "stopping");
      server.close().then(resolve, resolve);
    };
    process.once("SIGTERM", () => stop("SIGTERM"));
    process.once("SIGINT", () => stop("SIGINT"));
  });
  return 0;
}
