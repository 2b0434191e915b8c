/*
 * The tasks a benchmark child process can run (see measure.ts). Each prints one line of JSON
 * with its figures, peak memory included, measured after a warm-up run.
 */
import { readFileSync } from "node:fs";
import { SaxesParser } from "saxes";
import { readDocument } from "../shared/formats/read";
import { decodeText, isZip } from "../shared/formats/input";
import { countWords } from "../shared/model/walk";
import { diffWords } from "diff";
import { compareVersions, type Comparison } from "../shared/compare/comparison";
import { median, RUNS, WARM_UPS } from "./measure";
import { longAct, seededVersions } from "./seeded-edits";
import { alignmentAccuracy } from "./alignment-accuracy";
import { machineCheck } from "./machine-check";

interface Timing {
  /** The first run, which compiles the code as it goes. */
  readonly first: number;
  /** Median, fastest, and the middle half (first to third quartile) of the runs after the warm-ups. */
  readonly median: number;
  readonly fastest: number;
  readonly quartiles: readonly [number, number];
  /** The machine check's median and fastest, timed before the first run and after the last. */
  readonly check: { readonly median: number; readonly fastest: number };
}

/** Machine checks before the first run, and as many after the last. */
const MACHINE_CHECKS = 10;

function time(run: () => void): Timing {
  const times: number[] = [];
  // Not between runs: the collector's threads, still busy with a run's garbage, would slow the check.
  const checks = Array.from({ length: MACHINE_CHECKS }, machineCheck);
  let first = 0;
  for (let i = 0; i < WARM_UPS + RUNS; i++) {
    const start = performance.now();
    run();
    const ms = performance.now() - start;
    if (i === 0) first = ms;
    if (i >= WARM_UPS) times.push(ms);
  }
  // A pause first, for the collector to finish with the last run's garbage.
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 300);
  for (let i = 0; i < MACHINE_CHECKS; i++) checks.push(machineCheck());
  const sorted = [...times].sort((a, b) => a - b);
  const quartile = (q: number) => sorted[Math.round(q * (sorted.length - 1))]!;
  return {
    first,
    median: median(times),
    fastest: sorted[0]!,
    quartiles: [quartile(0.25), quartile(0.75)],
    check: { median: median(checks), fastest: Math.min(...checks) },
  };
}

function peakMiB(): number {
  return Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10;
}

const [task, ...args] = process.argv.slice(2);

switch (task) {
  case "read": {
    const file = args[0]!;
    const bytes = new Uint8Array(readFileSync(file));
    let words = 0;
    const ms = time(() => {
      const { doc } = readDocument({ bytes, file });
      words = countWords(doc.textBetween(0, doc.content.size, " ", " "));
    }).median;
    // Baseline: parsing the same XML with saxes alone, doing nothing with it.
    const baselineMs = isZip(bytes)
      ? Number.NaN
      : time(() => {
          const parser = new SaxesParser({ xmlns: true, position: true });
          parser.write(decodeText(bytes)).close();
        }).median;
    console.log(JSON.stringify({ ms, words, baselineMs, peakMiB: peakMiB() }));
    break;
  }
  case "compare": {
    const [dsaFile, gdprFile] = args as [string, string];
    const read = (f: string) => readDocument({ bytes: new Uint8Array(readFileSync(f)), file: f }).doc;
    const versions = seededVersions(longAct(read(dsaFile), read(gdprFile)));
    const texts = versions.map((v) => v.textBetween(0, v.content.size, " ", " "));
    let comparison: Comparison | undefined;
    const {
      first,
      median: ms,
      fastest,
      quartiles: [q1, q3],
      check,
    } = time(() => {
      comparison = compareVersions(versions);
    });
    if (comparison === undefined) throw new Error("no comparison was made");
    const peak = peakMiB();
    const accuracy = alignmentAccuracy(comparison, versions);
    // Baseline: jsdiff's diffWords of each version's whole text against the first, as a naive
    // tool would; run once, as it takes minutes.
    const started = performance.now();
    for (let v = 1; v < texts.length; v++) diffWords(texts[0]!, texts[v]!);
    const baselineMs = performance.now() - started;
    console.log(
      JSON.stringify({
        ms,
        fastest,
        q1,
        q3,
        first,
        checkMs: check.median,
        checkFastestMs: check.fastest,
        peakMiB: peak,
        words: texts.map(countWords).join("/"),
        rows: comparison.rows.length,
        ...accuracy,
        baselineMs,
      }),
    );
    break;
  }
  default:
    throw new Error(`unknown task ${task}`);
}
