/*
 * Job threads, which run comparisons and imports off the main thread: answers come back to the
 * job that asked, failures come back as errors, and a worker that dies, or runs out of the
 * memory it may use, fails its job and is replaced for the next one.
 */
import { afterEach, describe, expect, it } from "vitest";
import { JobThread, WorkerOutOfMemory } from "../../server/workers/job-thread";
import type { TestJob } from "../support/jobs-worker";

const threads: JobThread<TestJob, string, { said: string }>[] = [];

function thread(memoryMiB?: number): JobThread<TestJob, string, { said: string }> {
  const made = new JobThread<TestJob, string, { said: string }>({
    name: "test",
    module: new URL("../support/jobs-worker.ts", import.meta.url),
    revive: (failure) => new Error(`the worker said: ${failure.said}`),
    ...(memoryMiB ? { resourceLimits: { maxOldGenerationSizeMb: memoryMiB } } : {}),
  });
  threads.push(made);
  return made;
}

afterEach(async () => {
  await Promise.all(threads.splice(0).map((t) => t.close()));
});

describe("a job thread", () => {
  it("answers each job with its own result, in the order given", async () => {
    const jobs = thread();
    const answers = await Promise.all(["one", "two", "three"].map((value) => jobs.run({ kind: "echo", value })));
    expect(answers).toEqual(["one", "two", "three"]);
  });

  it("turns what a job threw into the error its caller revives", async () => {
    const jobs = thread();
    await expect(jobs.run({ kind: "throw" })).rejects.toThrow("the worker said: RangeError: asked to fail");
    expect(await jobs.run({ kind: "echo", value: "still there" })).toBe("still there");
  });

  it("fails the job of a worker that stopped, and starts a new worker for the next", async () => {
    const jobs = thread();
    await expect(jobs.run({ kind: "exit" })).rejects.toThrow("the test worker stopped (exit code 3)");
    expect(await jobs.run({ kind: "echo", value: "after" })).toBe("after");
  });

  it("fails a job that needs more memory than the worker may use, and lives on", async () => {
    const jobs = thread(64);
    const hog = jobs.run({ kind: "hog" });
    await expect(hog).rejects.toBeInstanceOf(WorkerOutOfMemory);
    await expect(hog).rejects.toThrow("the test needed more memory than its worker may use (64 MiB)");
    expect(await jobs.run({ kind: "echo", value: "after" })).toBe("after");
  }, 60_000);

  it("fails the jobs it has not answered when it is closed", async () => {
    const jobs = thread();
    const failed = expect(jobs.run({ kind: "hog" })).rejects.toThrow("the test worker was stopped");
    await jobs.close();
    await failed;
  });
});
