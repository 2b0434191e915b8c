/*
 * Reader speed and memory on the largest corpus files: words per second, peak memory of the
 * process, and the ratio to parsing the same XML with saxes alone (the baseline, measured in the
 * same run). Aim: an act of 100,000 words read in well under a second.
 */
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { measure, RUNS, WARM_UPS } from "./measure";

const CORPUS = fileURLToPath(new URL("../fixtures/eurlex/", import.meta.url));
const FILES = [
  ["Formex 4 ACT", "gdpr-2016-679.fmx.xml"],
  ["Formex 4 package", "dsa-2022-2065.fmx.zip"],
  ["Formex 3 CONS.ACT", "eprivacy-2002-58-cons-2006.fmx.xml"],
  ["EUR-Lex XHTML", "dsa-2022-2065.xhtml"],
  ["EUR-Lex XHTML", "gdpr-2016-679.xhtml"],
  ["Akoma Ntoso", "../dual-use/regulation-2021-821.akn.xml"],
] as const;

export function benchReaders(): void {
  console.log(`\nReaders (median of ${RUNS} runs after ${WARM_UPS} warm-ups; baseline: saxes parse of the same file)`);
  console.log("reader              file                                   words     ms   words/s  baseline ms  ratio  peak MiB");
  for (const [reader, file] of FILES) {
    const f = measure("read", join(CORPUS, file));
    const ms = Number(f.ms);
    const words = Number(f.words);
    // A zip has no XML to parse on its own: no baseline.
    const baseline = f.baselineMs === null ? Number.NaN : Number(f.baselineMs);
    const ratio = Number.isNaN(baseline) ? "   -" : (ms / baseline).toFixed(1).padStart(5);
    console.log(
      `${reader.padEnd(19)} ${file.padEnd(38)} ${String(words).padStart(6)} ${ms.toFixed(0).padStart(6)} ${Math.round((words / ms) * 1000)
        .toString()
        .padStart(
          9,
        )} ${Number.isNaN(baseline) ? "           -" : baseline.toFixed(0).padStart(12)} ${ratio} ${String(f.peakMiB).padStart(9)}`,
    );
  }
}
