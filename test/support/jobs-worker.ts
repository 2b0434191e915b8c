/*
 * A worker for the tests of job threads: it echoes, throws, stops its thread, takes memory until
 * there is none, or never ends, as each job asks.
 */
import { serveJobs } from "../../server/workers/job-worker";

export type TestJob = { readonly kind: "echo"; readonly value: string } | { readonly kind: "throw" | "exit" | "hog" | "spin" };

serveJobs<TestJob, string, { readonly said: string }>(
  (job) => {
    switch (job.kind) {
      case "echo":
        return { result: job.value };
      case "throw":
        throw new RangeError("asked to fail");
      case "exit":
        process.exit(3);
      // eslint-disable-next-line no-fallthrough
      case "hog": {
        const kept: number[][] = [];
        for (;;) kept.push(new Array<number>(100_000).fill(kept.length));
      }
      case "spin":
        for (;;);
    }
  },
  (e) => ({ said: `${(e as Error).name}: ${(e as Error).message}` }),
);
