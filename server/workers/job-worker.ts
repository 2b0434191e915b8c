/*
 * The worker's side of a job thread (job-thread.ts): takes each job as it comes, runs it, and
 * answers the job that asked, with the result or with the error described in a form that can
 * cross threads (an Error object loses its class on the way).
 */
import { parentPort, type TransferListItem } from "node:worker_threads";

/** What a job message carries: the job, and the number its answer goes back with. */
export interface JobMessage<Job> {
  readonly id: number;
  readonly job: Job;
}

export type JobAnswer<Result, Failure> =
  | { readonly id: number; readonly ok: true; readonly result: Result }
  | { readonly id: number; readonly ok: false; readonly failure: Failure };

/** A job's result, and the buffers to move to the main thread instead of copying them. */
export interface Done<Result> {
  readonly result: Result;
  readonly transfer?: readonly TransferListItem[];
}

/**
 * Serves jobs on this worker thread: `run` does one, `describe` turns what it threw into a
 * failure the main thread can turn back into a typed error.
 */
export function serveJobs<Job, Result, Failure>(run: (job: Job) => Done<Result>, describe: (error: unknown) => Failure): void {
  const port = parentPort;
  if (!port) throw new Error("a job worker runs on a worker thread, not on the main thread");
  port.on("message", ({ id, job }: JobMessage<Job>) => {
    let answer: JobAnswer<Result, Failure>;
    let transfer: readonly TransferListItem[] = [];
    try {
      const done = run(job);
      answer = { id, ok: true, result: done.result };
      transfer = done.transfer ?? [];
    } catch (e) {
      answer = { id, ok: false, failure: describe(e) };
    }
    port.postMessage(answer, [...transfer]);
  });
}
