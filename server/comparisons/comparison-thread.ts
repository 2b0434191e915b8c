/*
 * The main thread's side of the comparison worker: hands it jobs, one at a time in the order
 * given, and turns its answers back into results and typed errors. A worker that dies fails the
 * jobs it had and is started again for the next one.
 */
import { Worker } from "node:worker_threads";
import { ComparisonError, type ComparisonErrorCode } from "../../shared/compare/comparison";
import type { ComparisonAnswer, ComparisonJob } from "./comparison-worker";

const WORKER = new URL("./worker-entry.js", import.meta.url);

export class ComparisonThread {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (a: { json: Buffer; gzipped: Buffer }) => void; reject: (e: Error) => void }>();

  private start(): Worker {
    const worker = new Worker(WORKER);
    worker.on("message", (answer: ComparisonAnswer) => {
      const job = this.pending.get(answer.id);
      if (!job) return;
      this.pending.delete(answer.id);
      if (answer.ok) job.resolve({ json: Buffer.from(answer.json), gzipped: Buffer.from(answer.gzipped) });
      else if (answer.error.comparison) job.reject(new ComparisonError(answer.error.code as ComparisonErrorCode, answer.error.message));
      else job.reject(new Error(`the comparison failed: ${answer.error.message}`));
    });
    const fail = (reason: string) => {
      for (const job of this.pending.values()) job.reject(new Error(reason));
      this.pending.clear();
      this.worker = null;
    };
    worker.on("error", (e) => fail(`the comparison worker failed: ${e.message}`));
    worker.on("exit", (code) => fail(`the comparison worker stopped (${code})`));
    worker.unref();
    return worker;
  }

  run(job: Omit<ComparisonJob, "id">): Promise<{ json: Buffer; gzipped: Buffer }> {
    this.worker ??= this.start();
    const id = this.nextId++;
    const worker = this.worker;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ ...job, id } satisfies ComparisonJob);
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }
}
