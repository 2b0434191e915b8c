/*
 * Measuring one thing in a child process of its own, so that its peak memory (max RSS) is its
 * own and not the benchmark runner's: the child runs a named task and prints its figures as JSON.
 */
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

export interface Figures {
  readonly [name: string]: number | string;
}

const TASKS = fileURLToPath(new URL("./tasks.ts", import.meta.url));

/** Runs `task` with `args` in a fresh Node process and returns what it printed. */
export function measure(task: string, ...args: string[]): Figures {
  const out = execFileSync(process.execPath, ["--import", "tsx", TASKS, task, ...args], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(out.trim().split("\n").pop()!) as Figures;
}

/**
 * Runs of the code before measuring: the first pays for compiling it, the next few for the
 * optimising compiler and the heap to settle (a comparison's fourth run often still takes
 * longer than its tenth: 195 against 180 ms, 256 against 202 ms in two series).
 */
export const WARM_UPS = 5;
/** Measured runs: more of them keep the median steadier on this shared machine. */
export const RUNS = 15;

/** Median of a list of numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
