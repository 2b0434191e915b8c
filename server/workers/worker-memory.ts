/*
 * How much memory a worker thread may use: a bound of its own, so that one upload or comparison
 * that needs too much is refused alone instead of taking the server down with it.
 */
import { totalmem } from "node:os";
import { SettingError } from "../setting-error";

/** What a job worker may take: memory, and time for one job. */
export interface WorkerLimits {
  readonly memoryMiB: number;
  readonly timeLimitMs: number;
}

/** The least memory a worker is given: it needs about 10 MiB to load its code. */
export const MIN_WORKER_MEMORY_MIB = 64;

/** The memory this process may have, in MiB: its cgroup's limit, else the machine's. */
export function availableMemoryMiB(): number {
  return Math.floor(Math.min(process.constrainedMemory() || Infinity, totalmem()) / 2 ** 20);
}

/** A quarter of the memory this process may have, from 256 MiB to 2 GiB. */
export function defaultWorkerMemoryMiB(): number {
  return Math.max(256, Math.min(2048, Math.floor(availableMemoryMiB() / 4)));
}

/**
 * A worker's memory from a setting: the default when it is not set; an error naming the setting
 * when it is not a whole number from the minimum to the memory the process may have (a bound
 * beyond it bounds nothing: the machine runs out first).
 */
export function workerMemoryFrom(setting: string, megabytes: string | undefined): number {
  if (megabytes === undefined) return defaultWorkerMemoryMiB();
  const mb = Number(megabytes);
  const most = availableMemoryMiB();
  if (!Number.isInteger(mb) || mb < MIN_WORKER_MEMORY_MIB || mb > most) {
    throw new SettingError(
      `${setting} must be a whole number of megabytes from ${MIN_WORKER_MEMORY_MIB} to ${most} (the memory this process may have), not "${megabytes}"`,
    );
  }
  return mb;
}
