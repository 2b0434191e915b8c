// The comparison worker's first module: plain JavaScript that loads the TypeScript worker
// through tsx, as bin/synopsis.js does for the command line.
import { register } from "tsx/esm/api";

register();
await import("./comparison-worker.ts");
