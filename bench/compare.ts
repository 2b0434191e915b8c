/*
 * The comparison of four versions of a 100,000-word act with seeded edits: time and peak memory
 * of alignment plus word diff, the share of provisions aligned correctly, and jsdiff's diffWords
 * of the whole texts as the baseline, measured in the same run. Aims: at most 200 ms, at least
 * 20 times faster than the baseline, at least 99 % aligned correctly.
 */
import { fileURLToPath } from "node:url";
import { measure, RUNS, WARM_UPS } from "./measure";

const CORPUS = fileURLToPath(new URL("../fixtures/eurlex/", import.meta.url));

export function benchCompare(): void {
  console.log("\nComparison of four versions (DSA + GDPR recitals and articles, renumbered; seeded edits: 3 % of words reworded");
  console.log("per version, articles and paragraphs inserted and deleted, renumbering, a moved article)");
  const f = measure("compare", `${CORPUS}dsa-2022-2065.fmx.zip`, `${CORPUS}gdpr-2016-679.fmx.xml`);
  const ms = Number(f.ms);
  const baseline = Number(f.baselineMs);
  console.log(`words per version:        ${f.words}`);
  console.log(`rows:                     ${f.rows}`);
  console.log(`align + diff (median):    ${ms.toFixed(0)} ms   (aim: at most 200 ms; median of ${RUNS} runs after ${WARM_UPS} warm-ups)`);
  console.log(`  middle half of runs:    ${Number(f.q1).toFixed(0)} to ${Number(f.q3).toFixed(0)} ms`);
  console.log(`  fastest run:            ${Number(f.fastest).toFixed(0)} ms`);
  console.log(`  first run, compiling:   ${Number(f.first).toFixed(0)} ms`);
  console.log(
    `machine check:            ${Number(f.checkMs).toFixed(1)} ms median, ${Number(f.checkFastestMs).toFixed(1)} ms fastest   (a fixed loop over 2 MB, timed 10 times before the runs and 10 after: the lower, the quieter the machine was)`,
  );
  console.log(`peak memory:              ${f.peakMiB} MiB`);
  console.log(`aligned correctly:        ${f.correct} of ${f.provisions} provisions, ${f.accuracy} %   (aim: at least 99 %)`);
  console.log(`baseline, diffWords:      ${baseline.toFixed(0)} ms for the three whole-text diffs`);
  console.log(`ratio baseline / ours:    ${(baseline / ms).toFixed(1)}x   (aim: at least 20x)`);
}
