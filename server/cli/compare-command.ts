/*
 * `synopsis compare`: align two to six versions of an act and write the comparison table as a
 * printable HTML page or JSON, or print the JSON to stdout with --json.
 */
import { basename } from "node:path";
import { parseArgs } from "node:util";
import { readDocument } from "../../shared/formats/read";
import { FormatError } from "../../shared/formats/errors";
import { compareVersions, ComparisonError } from "../../shared/compare/comparison";
import { comparisonHtml } from "../../shared/compare/comparison-html";
import { readInput, writeOutput } from "./files";
import { Progress } from "./progress";
import { UsageError } from "./usage";

export async function compareCommand(args: string[], out: NodeJS.WritableStream): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      names: { type: "string" },
      ref: { type: "string", default: "0" },
      out: { type: "string" },
      json: { type: "boolean", default: false },
    },
  });
  if (positionals.length < 2) throw new UsageError("compare needs at least two files");
  const names = values.names !== undefined ? values.names.split(",").map((n) => n.trim()) : positionals.map((p) => basename(p));
  if (names.length !== positionals.length) throw new UsageError(`--names gives ${names.length} names for ${positionals.length} files`);
  if (names.some((n) => n === "")) throw new UsageError(`--names has an empty name: "${values.names}"`);
  const repeated = names.find((n, i) => names.indexOf(n) !== i);
  if (repeated !== undefined && values.names !== undefined)
    throw new UsageError(`--names gives "${repeated}" twice: each column needs a name of its own`);
  if (!/^\d+$/.test(values.ref)) throw new UsageError(`--ref must be a column number counted from 0, not "${values.ref}"`);
  const output = values.out;
  if (output !== undefined && !/\.(html?|json)$/i.test(output)) throw new UsageError(`--out must end in .html or .json: "${output}"`);

  const progress = new Progress();
  const docs = [];
  for (const path of positionals) {
    progress.step(`Reading ${basename(path)}`);
    docs.push(readDocument({ bytes: await readInput(path), file: basename(path) }).doc);
  }
  progress.step("Aligning and comparing");
  let comparison;
  try {
    comparison = compareVersions(docs, { names, ref: Number(values.ref) });
  } catch (e) {
    // An empty version is bad input; the other refusals are about how the command was called.
    if (e instanceof ComparisonError)
      throw e.code === "empty-version" ? new FormatError("structure", e.message) : new UsageError(e.message);
    throw e;
  }
  progress.done();
  const json = JSON.stringify(comparison);
  if (output !== undefined) {
    const title = `Comparison: ${names.join(" | ")}`;
    await writeOutput(output, /\.json$/i.test(output) ? json + "\n" : comparisonHtml(comparison, comparison.rows, title));
  }
  if (values.json) out.write(json + "\n");
  else {
    for (const notice of comparison.notices) out.write(`notice: ${notice}\n`);
    for (const [v, s] of comparison.statistics.entries()) {
      const role = v === comparison.ref ? " (reference)" : "";
      out.write(
        `${names[v]}${role}: ${s.unchanged} unchanged, ${s.changed} changed, ${s.inserted} inserted, ${s.deleted} deleted, ${s.moved} moved\n`,
      );
    }
    for (const w of comparison.warnings) out.write(`warning: ${w}\n`);
    if (output !== undefined) out.write(`written: ${output}\n`);
  }
  return 0;
}
