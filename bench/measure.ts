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

/** Median of a list of numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
