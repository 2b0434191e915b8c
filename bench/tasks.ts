/*
 * The tasks a benchmark child process can run (see measure.ts). Each prints one line of JSON
 * with its figures, peak memory included, measured after a warm-up run.
 */
import { readFileSync } from "node:fs";
import { SaxesParser } from "saxes";
import { readDocument } from "../shared/formats/read";
import { decodeText, isZip } from "../shared/formats/input";
import { countWords } from "../shared/model/walk";
import { median } from "./measure";

const RUNS = 5;

function time(run: () => void): number {
  const times: number[] = [];
  run(); // warm-up: the first run pays for compiling the reader
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return median(times);
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
    });
    // Baseline: parsing the same XML with saxes alone, doing nothing with it.
    const baselineMs = isZip(bytes)
      ? Number.NaN
      : time(() => {
          const parser = new SaxesParser({ xmlns: true, position: true });
          parser.write(decodeText(bytes)).close();
        });
    console.log(JSON.stringify({ ms, words, baselineMs, peakMiB: peakMiB() }));
    break;
  }
  default:
    throw new Error(`unknown task ${task}`);
}
