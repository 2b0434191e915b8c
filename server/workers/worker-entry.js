// A worker thread's first module: plain JavaScript that loads the TypeScript module named in
// workerData through tsx, as bin/synopsis.js does for the command line.
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
await import(workerData.module);
