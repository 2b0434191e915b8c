/*
 * `npm run bench`: every benchmark, one after the other, each printing its figures and its
 * ratio to a baseline measured in the same run. `npm run bench -- compare` (or readers,
 * workspace) runs only the ones named.
 */
import { benchCompare } from "./compare";
import { benchReaders } from "./readers";
import { benchWorkspace } from "./workspace";

const BENCHMARKS: Record<string, () => void | Promise<void>> = {
  readers: benchReaders,
  workspace: benchWorkspace,
  compare: benchCompare,
};

const named = process.argv.slice(2);
const unknown = named.filter((name) => !(name in BENCHMARKS));
if (unknown.length > 0) {
  console.error(`unknown benchmark ${unknown.join(", ")}: the benchmarks are ${Object.keys(BENCHMARKS).join(", ")}`);
  process.exit(2);
}
for (const name of named.length > 0 ? named : Object.keys(BENCHMARKS)) await BENCHMARKS[name]!();
