/*
 * Job threads, which run comparisons and imports off the main thread: jobs are done one at a
 * time in the order given, failures come back as errors, and a job that kills its worker (it
 * stops, runs out of the memory it may use, or of time) fails alone: the jobs behind it are done
 * by a new worker.
 */
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { JobCancelled, JobThread, JobTimedOut, WorkerOutOfMemory, type JobThreadOptions } from "../../server/workers/job-thread";
import type { TestJob } from "../support/jobs-worker";

type TestThread = JobThread<TestJob, string, { said: string }>;
const threads: TestThread[] = [];

function thread(options: Partial<JobThreadOptions<{ said: string }>> = {}): TestThread {
  const made: TestThread = new JobThread({
    name: "test",
    module: new URL("../support/jobs-worker.ts", import.meta.url),
    revive: (failure) => new Error(`the worker said: ${failure.said}`),
    ...options,
  });
  threads.push(made);
  return made;
}

afterEach(async () => {
  await Promise.all(threads.splice(0).map((t) => t.close()));
});

describe("a job thread", () => {
  it("does the jobs one at a time in the order given, each answered with its own result", async () => {
    const jobs = thread();
    const done: string[] = [];
    const answers = await Promise.all(
      ["one", "two", "three"].map((value) =>
        jobs.run({ kind: "echo", value }).then((answer) => {
          done.push(answer);
          return answer;
        }),
      ),
    );
    expect(answers).toEqual(["one", "two", "three"]);
    expect(done).toEqual(["one", "two", "three"]);
  });

  it("turns what a job threw into the error its caller revives", async () => {
    const jobs = thread();
    await expect(jobs.run({ kind: "throw" })).rejects.toThrow("the worker said: RangeError: asked to fail");
    expect(await jobs.run({ kind: "echo", value: "still there" })).toBe("still there");
  });

  it("fails the job of a worker that stopped, and gives the jobs behind it to a new worker", async () => {
    const jobs = thread();
    const stopped = jobs.run({ kind: "exit" });
    const behind = jobs.run({ kind: "echo", value: "after" });
    await expect(stopped).rejects.toThrow("the test worker stopped (exit code 3)");
    expect(await behind).toBe("after");
  });

  it("fails a job that needs more memory than the worker may use, and only that job", async () => {
    const jobs = thread({ resourceLimits: { maxOldGenerationSizeMb: 64 } });
    const hog = jobs.run({ kind: "hog" });
    const behind = jobs.run({ kind: "echo", value: "after" });
    await expect(hog).rejects.toBeInstanceOf(WorkerOutOfMemory);
    await expect(hog).rejects.toThrow("the test needed more memory than its worker may use (64 MiB)");
    expect(await behind).toBe("after");
  }, 60_000);

  it("stops a job that runs past its time, and only that job", async () => {
    const jobs = thread({ timeLimitMs: 2_000 });
    const spin = jobs.run({ kind: "spin" });
    const behind = jobs.run({ kind: "echo", value: "after" });
    await expect(spin).rejects.toBeInstanceOf(JobTimedOut);
    await expect(spin).rejects.toThrow("the test took longer than the 2 s it may take");
    expect(await behind).toBe("after");
  }, 60_000);

  it("drops a job cancelled while it waits, and stops one cancelled at work, for the jobs behind to go on", async () => {
    const jobs = thread();
    const atWork = new AbortController();
    const waiting = new AbortController();
    const spin = jobs.run({ kind: "spin" }, [], atWork.signal);
    const dropped = jobs.run({ kind: "echo", value: "never" }, [], waiting.signal);
    const behind = jobs.run({ kind: "echo", value: "after" });
    waiting.abort();
    await expect(dropped).rejects.toBeInstanceOf(JobCancelled);
    // The spinning job never ends by itself: only its cancelling frees the thread for the job behind,
    // a second after it was sent (a shorter job at work is left to end: a new worker costs more).
    atWork.abort();
    const cancelling = Date.now();
    await expect(spin).rejects.toThrow("the test was cancelled");
    expect(Date.now() - cancelling).toBeLessThan(5_000);
    expect(await behind).toBe("after");
    // Cancelled before it is asked, a job is not sent.
    await expect(jobs.run({ kind: "spin" }, [], AbortSignal.abort())).rejects.toBeInstanceOf(JobCancelled);
    // Cancelling a job done changes nothing.
    const late = new AbortController();
    expect(await jobs.run({ kind: "echo", value: "done" }, [], late.signal)).toBe("done");
    late.abort();
    expect(await jobs.run({ kind: "echo", value: "still" })).toBe("still");
  }, 60_000);

  it("fails a job that cannot be sent to the worker, and only that job", async () => {
    const jobs = thread();
    // A function cannot be copied to another thread.
    const unsendable = { kind: "echo", value: (() => "no") as unknown as string } as const;
    const before = jobs.run({ kind: "echo", value: "before" });
    const failed = jobs.run(unsendable);
    const behind = jobs.run({ kind: "echo", value: "behind" });
    expect(await before).toBe("before");
    await expect(failed).rejects.toThrow(/^the test job could not be sent to its worker: /);
    expect(await behind).toBe("behind");
  });

  it("keeps its process alive while a job is being done, and not once it is idle", () => {
    const script = fileURLToPath(new URL("../support/answer-then-exit.ts", import.meta.url));
    const out = execFileSync(process.execPath, ["--import", "tsx", script], { encoding: "utf8", timeout: 30_000 });
    expect(out.trim()).toBe("answered");
  });

  it("when closed, fails the job it is doing and those waiting, and takes no more", async () => {
    const jobs = thread();
    // The worker is loaded and at work on the spinning job when the thread is closed.
    expect(await jobs.run({ kind: "echo", value: "loaded" })).toBe("loaded");
    const running = expect(jobs.run({ kind: "spin" })).rejects.toThrow("the test worker was stopped");
    const waiting = expect(jobs.run({ kind: "echo", value: "never" })).rejects.toThrow("the test worker was stopped");
    await new Promise((r) => setTimeout(r, 200));
    await jobs.close();
    await running;
    await waiting;
    await expect(jobs.run({ kind: "echo", value: "too late" })).rejects.toThrow("the test worker was stopped");
  });
});
