/*
 * A worker thread that does one kind of job for the main thread, so that the server goes on
 * answering everyone else while a long job runs. Jobs wait in a queue here and go to the worker
 * one at a time, in the order given, so that a job that kills its worker (by running out of
 * memory, or of time) fails alone: the jobs behind it go to the worker started in its place.
 * (A worker that dies between two jobs, for no job's fault, may take the next one with it.)
 * The worker's side is `serveJobs` (job-worker.ts).
 */
import { Worker, type ResourceLimits, type TransferListItem } from "node:worker_threads";
import type { JobAnswer, JobMessage } from "./job-worker";

const ENTRY = new URL("./worker-entry.js", import.meta.url);
/** How long a cancelled job at work may go on before its worker is stopped (see JobThread.cancel). */
const STOP_AFTER_MS = 1_000;

/** A job the worker could not finish because it needed more memory than the thread may use. */
export class WorkerOutOfMemory extends Error {
  override readonly name = "WorkerOutOfMemory";
}

/** A job cancelled by its asker before it was done. */
export class JobCancelled extends Error {
  override readonly name = "JobCancelled";
}

/** A job that ran longer than the thread allows: its worker was stopped. */
export class JobTimedOut extends Error {
  override readonly name = "JobTimedOut";
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
  /**
   * The longest a job may take, from the moment it is sent to the worker (a worker's start and a
   * busy main thread count too); past it, the worker is stopped and the job fails.
   */
  readonly timeLimitMs?: number;
  /** How long a cancelled job at work may go on before its worker is stopped; STOP_AFTER_MS unless said. */
  readonly stopCancelledAfterMs?: number;
}

interface Queued<Job, Result> {
  readonly id: number;
  readonly job: Job;
  readonly transfer: readonly TransferListItem[];
  readonly resolve: (result: Result) => void;
  readonly reject: (error: Error) => void;
}

export class JobThread<Job, Result, Failure> {
  private worker: Worker | null = null;
  /** The job the worker is doing, and when it runs out of time. */
  private current: { readonly queued: Queued<Job, Result>; readonly deadline: NodeJS.Timeout | null; readonly started: number } | null =
    null;
  private readonly queue: Queued<Job, Result>[] = [];
  private nextId = 1;
  private closed = false;

  constructor(private readonly options: JobThreadOptions<Failure>) {}

  /** Starts the worker now, if it is not running, so that the first job does not wait for it to load. */
  prepare(): void {
    if (!this.closed) this.worker ??= this.start();
  }

  /**
   * Runs a job on the worker; `transfer` lists buffers of the job to move there instead of
   * copying them. When `cancel` aborts (nobody waits for the result any more), a job still
   * waiting leaves the queue, and one at work has its worker stopped once it has been at work a
   * while (see `cancel`), for the next job to go to a new one: an abandoned job holds up no one
   * for long. It fails with JobCancelled.
   */
  run(job: Job, transfer: readonly TransferListItem[] = [], cancel?: AbortSignal): Promise<Result> {
    if (this.closed) return Promise.reject(new Error(`the ${this.options.name} worker was stopped`));
    if (cancel?.aborted) return Promise.reject(new JobCancelled(`the ${this.options.name} was cancelled`));
    return new Promise((resolve, reject) => {
      const onCancel = () => this.cancel(queued);
      const queued: Queued<Job, Result> = {
        id: this.nextId++,
        job,
        transfer,
        resolve: (result) => {
          cancel?.removeEventListener("abort", onCancel);
          resolve(result);
        },
        reject: (error) => {
          cancel?.removeEventListener("abort", onCancel);
          reject(error);
        },
      };
      cancel?.addEventListener("abort", onCancel, { once: true });
      this.queue.push(queued);
      this.sendNext();
    });
  }

  /**
   * A job nobody waits for: out of the queue, or its worker stopped, once the job has been at
   * work for STOP_AFTER_MS: stopping a worker costs the next job a new one, which a short job
   * (a comparison opened and left at once) would not repay.
   */
  private cancel(queued: Queued<Job, Result>): void {
    const cancelled = new JobCancelled(`the ${this.options.name} was cancelled`);
    const waiting = this.queue.indexOf(queued);
    if (waiting >= 0) {
      this.queue.splice(waiting, 1);
      queued.reject(cancelled);
      return;
    }
    const current = this.current;
    if (current?.queued !== queued || this.worker === null) return;
    const worker = this.worker;
    const stop = () => {
      if (this.current === current) this.lose(worker, cancelled);
    };
    const left = current.started + (this.options.stopCancelledAfterMs ?? STOP_AFTER_MS) - Date.now();
    if (left <= 0) stop();
    else setTimeout(stop, left).unref();
  }

  /** Stops the worker; the job it is doing and those waiting fail. */
  async close(): Promise<void> {
    this.closed = true;
    const stopped = new Error(`the ${this.options.name} worker was stopped`);
    if (this.current) this.finish(this.current.queued).reject(stopped);
    for (const queued of this.queue.splice(0)) queued.reject(stopped);
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }

  private sendNext(): void {
    if (this.current !== null || this.closed) return;
    const queued = this.queue.shift();
    if (queued === undefined) return;
    try {
      const worker = (this.worker ??= this.start());
      const { timeLimitMs, name } = this.options;
      const deadline =
        timeLimitMs === undefined
          ? null
          : setTimeout(
              () => this.lose(worker, new JobTimedOut(`the ${name} took longer than the ${timeLimitMs / 1000} s it may take`)),
              timeLimitMs,
            );
      this.current = { queued, deadline, started: Date.now() };
      // A worker at work keeps the process alive; an idle one does not.
      worker.ref();
      worker.postMessage({ id: queued.id, job: queued.job } satisfies JobMessage<Job>, [...queued.transfer]);
    } catch (e) {
      // A job that cannot be sent (it cannot be copied, or no thread can be started) fails alone.
      const error = new Error(`the ${this.options.name} job could not be sent to its worker: ${(e as Error).message}`);
      if (this.current?.queued === queued) this.finish(queued).reject(error);
      else {
        queued.reject(error);
        queueMicrotask(() => this.sendNext());
      }
    }
  }

  /** The job is done: the worker is free for the next. */
  private finish(queued: Queued<Job, Result>): Queued<Job, Result> {
    if (this.current?.deadline) clearTimeout(this.current.deadline);
    this.current = null;
    this.worker?.unref();
    queueMicrotask(() => this.sendNext());
    return queued;
  }

  /** The worker is gone (it died, or was stopped for running too long): its job fails, the next goes to a new worker. */
  private lose(worker: Worker, error: Error): void {
    if (this.worker !== worker) return;
    this.worker = null;
    void worker.terminate();
    if (this.current) this.finish(this.current.queued).reject(error);
  }

  private start(): Worker {
    const { name, module, revive, resourceLimits } = this.options;
    const bound = resourceLimits?.maxOldGenerationSizeMb ? ` (${resourceLimits.maxOldGenerationSizeMb} MiB)` : "";
    const worker = new Worker(ENTRY, { workerData: { module: module.href }, ...(resourceLimits ? { resourceLimits } : {}) });
    worker.on("message", (answer: JobAnswer<Result, Failure>) => {
      if (this.worker !== worker || this.current?.queued.id !== answer.id) return;
      const queued = this.finish(this.current.queued);
      if (answer.ok) queued.resolve(answer.result);
      else queued.reject(revive(answer.failure));
    });
    worker.on("error", (e: Error & { code?: string }) =>
      this.lose(
        worker,
        e.code === "ERR_WORKER_OUT_OF_MEMORY"
          ? new WorkerOutOfMemory(`the ${name} needed more memory than its worker may use${bound}`)
          : new Error(`the ${name} worker failed: ${e.message}`),
      ),
    );
    worker.on("exit", (code) => this.lose(worker, new Error(`the ${name} worker stopped (exit code ${code})`)));
    worker.unref();
    return worker;
  }
}
