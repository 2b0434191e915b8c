#!/usr/bin/env node
// The synopsis command: runs the TypeScript command line through tsx, so no build step is needed.
import { register } from "tsx/esm/api";

register();
// A reader that stops early (`synopsis compare ... --json | head`) closes the pipe: that is no error.
process.stdout.on("error", (e) => {
  if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw e;
});
const { main } = await import("../server/cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
