/*
 * A process that asks a job thread for one answer and neither closes the thread nor waits for
 * anything else: it prints the answer if the working worker kept it alive until then, and ends
 * by itself because the idle worker does not keep it alive after.
 */
import { JobThread } from "../../server/workers/job-thread";
import type { TestJob } from "./jobs-worker";

const jobs = new JobThread<TestJob, string, { said: string }>({
  name: "test",
  module: new URL("./jobs-worker.ts", import.meta.url),
  revive: (failure) => new Error(failure.said),
});
console.log(await jobs.run({ kind: "echo", value: "answered" }));
