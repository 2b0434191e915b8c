/*
 * A worker thread that does one kind of job for the main thread, so that the server goes on
 * answering everyone else while a long job runs: jobs go to the worker in the order given, each
 * answer comes back to the job that asked, and a worker that dies fails the jobs it had and is
 * started again for the next one. The worker's side is `serveJobs` (job-worker.ts).
 */
import { Worker, type ResourceLimits, type TransferListItem } from "node:worker_threads";
import type { JobAnswer, JobMessage } from "./job-worker";

const ENTRY = new URL("./worker-entry.js", import.meta.url);

/** A job the worker could not finish because it needed more memory than the thread may use. */
export class WorkerOutOfMemory extends Error {
  override readonly name = "WorkerOutOfMemory";
}

export interface JobThreadOptions<Failure> {
  /** What the worker does, for messages: "comparison" gives "the comparison worker stopped". */
  readonly name: string;
  /** The worker's module, which calls `serveJobs`. */
  readonly module: URL;
  /** Turns a failure the worker described back into the error to throw. */
  readonly revive: (failure: Failure) => Error;
  /** Bounds on the worker's memory: a job that needs more fails, and the server lives on. */
  readonly resourceLimits?: ResourceLimits;
}

interface Pending<Result> {
  readonly resolve: (result: Result) => void;
  readonly reject: (error: Error) => void;
}

/** A running worker and the jobs it has not answered yet. */
interface Running<Result> {
  readonly worker: Worker;
  readonly pending: Map<number, Pending<Result>>;
  /** Fails the jobs it has not answered, and makes way for a new worker. */
  readonly fail: (error: Error) => void;
}

export class JobThread<Job, Result, Failure> {
  private running: Running<Result> | null = null;
  private nextId = 1;

  constructor(private readonly options: JobThreadOptions<Failure>) {}

  /** Starts the worker now, if it is not running, so that the first job does not wait for it to load. */
  prepare(): void {
    this.running ??= this.start();
  }

  /** Runs a job on the worker; `transfer` lists buffers of the job to move there instead of copying them. */
  run(job: Job, transfer: readonly TransferListItem[] = []): Promise<Result> {
    const { worker, pending } = (this.running ??= this.start());
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, job } satisfies JobMessage<Job>, [...transfer]);
    });
  }

  /** Stops the worker; jobs it has not answered fail. */
  async close(): Promise<void> {
    const running = this.running;
    if (!running) return;
    running.fail(new Error(`the ${this.options.name} worker was stopped`));
    await running.worker.terminate();
  }

  private start(): Running<Result> {
    const { name, module, revive, resourceLimits } = this.options;
    const worker = new Worker(ENTRY, { workerData: { module: module.href }, ...(resourceLimits ? { resourceLimits } : {}) });
    const pending = new Map<number, Pending<Result>>();
    worker.on("message", (answer: JobAnswer<Result, Failure>) => {
      const job = pending.get(answer.id);
      if (!job) return;
      pending.delete(answer.id);
      if (answer.ok) job.resolve(answer.result);
      else job.reject(revive(answer.failure));
    });
    // A dead worker takes its jobs with it; the next job starts a new one.
    const fail = (error: Error) => {
      if (this.running?.worker === worker) this.running = null;
      for (const job of pending.values()) job.reject(error);
      pending.clear();
    };
    worker.on("error", (e: Error & { code?: string }) =>
      fail(
        e.code === "ERR_WORKER_OUT_OF_MEMORY"
          ? new WorkerOutOfMemory(
              `the ${name} needed more memory than its worker may use (${resourceLimits?.maxOldGenerationSizeMb ?? "?"} MiB)`,
            )
          : new Error(`the ${name} worker failed: ${e.message}`),
      ),
    );
    worker.on("exit", (code) => fail(new Error(`the ${name} worker stopped (exit code ${code})`)));
    // An idle worker does not keep the process alive.
    worker.unref();
    return { worker, pending, fail };
  }
}
