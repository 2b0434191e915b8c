/*
 * `synopsis compare`: align two to six versions of an act and write the comparison table as a
 * printable HTML page, a Word document or JSON, or print the JSON to stdout with --json;
 * --overrides corrects the alignment from a file.
 */
import { basename } from "node:path";
import { parseArgs } from "node:util";
import { readDocument } from "../../shared/formats/read";
import { FormatError } from "../../shared/formats/errors";
import { compareVersions, ComparisonError, referenceWords, STATISTICS } from "../../shared/compare/comparison";
import { provisionsOf } from "../../shared/model/walk";
import { versionNameKey } from "../../shared/protocol/api";
import { comparisonHtml } from "../../shared/compare/comparison-html";
import { comparisonDocx } from "../../shared/compare/comparison-docx";
import { readInput, refuseOverwritingInput, writeOutput } from "./files";
import { Progress } from "./progress";
import { UsageError } from "./usage";
import { readOverridesFile } from "./overrides-file";
import { namesOption } from "./names-option";

/** The column names a comparison's files give when --names does not: their file names, a repeated one numbered ("act.xml (2)"). */
function namesOfFiles(paths: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return paths.map((path) => {
    const name = basename(path);
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    return count === 1 ? name : `${name} (${count})`;
  });
}

/**
 * The arguments with "--ref -1" written "--ref=-1": parseArgs would take "-1" for an option of
 * its own and refuse it in words of its own; joined, it gets the message any wrong --ref gets.
 */
function negativeRefJoined(args: readonly string[]): string[] {
  const joined: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--ref" && /^-\d+$/.test(args[i + 1] ?? "")) joined.push(`--ref=${args[++i]!}`);
    else joined.push(args[i]!);
  }
  return joined;
}

/** "1 name", "3 names". */
const counted = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

export async function compareCommand(args: string[], out: NodeJS.WritableStream): Promise<number> {
  const { values, positionals } = parseArgs({
    args: negativeRefJoined(args),
    allowPositionals: true,
    options: {
      names: { type: "string" },
      ref: { type: "string", default: "0" },
      out: { type: "string" },
      json: { type: "boolean", default: false },
      overrides: { type: "string" },
    },
  });
  if (positionals.length < 2) throw new UsageError("compare needs at least two files");
  const names = values.names !== undefined ? namesOption(values.names) : namesOfFiles(positionals);
  if (names.length !== positionals.length)
    throw new UsageError(`--names gives ${counted(names.length, "name")} for ${counted(positionals.length, "file")}`);
  if (names.some((n) => n === "")) throw new UsageError(`--names has an empty name: "${values.names}"`);
  // Told apart as the server tells versions' names apart: not by capitals or spacing alone.
  const fold = versionNameKey;
  const folded = names.map(fold);
  const repeated = names.find((_, i) => folded.indexOf(folded[i]!) !== i);
  if (repeated !== undefined && values.names !== undefined) {
    const first = names[folded.indexOf(fold(repeated))]!;
    throw new UsageError(
      first === repeated
        ? `--names gives "${repeated}" twice: each column needs a name of its own`
        : `--names gives "${first}" and "${repeated}", which differ only in capitals, spacing or characters of no width: each column needs a name of its own`,
    );
  }
  // Digits beyond a safe integer would be rounded, and the error would quote another number.
  if (!/^\d+$/.test(values.ref) || !Number.isSafeInteger(Number(values.ref)))
    throw new UsageError(`--ref must be a column number counted from 0, not "${values.ref}"`);
  const output = values.out;
  if (output !== undefined && !/\.(html?|docx|json)$/i.test(output))
    throw new UsageError(`--out must end in .html, .docx or .json: "${output}"`);
  if (output !== undefined)
    await refuseOverwritingInput(output, [...positionals, ...(values.overrides !== undefined ? [values.overrides] : [])]);

  const progress = new Progress();
  const docs = [];
  const formats: string[] = [];
  for (const path of positionals) {
    progress.step(`Reading ${basename(path)}`);
    const { doc, format } = readDocument({ bytes: await readInput(path), file: basename(path) });
    docs.push(doc);
    formats.push(format);
  }
  const overrides = values.overrides === undefined ? [] : await readOverridesFile(values.overrides, docs);
  progress.step("Aligning and comparing");
  let comparison;
  try {
    comparison = compareVersions(docs, { names, ref: Number(values.ref), overrides });
  } catch (e) {
    // An empty version is bad input; the other refusals are about how the command was called.
    if (e instanceof ComparisonError && e.code === "empty-version") {
      // A file of no known markup is read as plain text, one provision a numbered line: say so when none was found.
      const asText =
        e.version !== null && formats[e.version] === "text" && provisionsOf(docs[e.version]!).length === 0
          ? ' (it was read as plain text, which needs lines such as "Article 1" or "1.")'
          : "";
      throw new FormatError("structure", e.message + asText);
    }
    if (e instanceof ComparisonError) throw new UsageError(e.message);
    throw e;
  }
  progress.done();
  const json = JSON.stringify(comparison);
  if (output !== undefined) {
    const title = `Comparison: ${names.join(" | ")}`;
    await writeOutput(
      output,
      /\.json$/i.test(output)
        ? json + "\n"
        : /\.docx$/i.test(output)
          ? await comparisonDocx(comparison, comparison.rows, title)
          : comparisonHtml(comparison, comparison.rows, title),
    );
  }
  if (values.json) out.write(json + "\n");
  else {
    for (const notice of comparison.notices) out.write(`notice: ${notice}\n`);
    for (const [v, s] of comparison.statistics.entries()) {
      const said = v === comparison.ref ? `(reference): ${referenceWords(s)}` : STATISTICS.map((name) => `${s[name]} ${name}`).join(", ");
      out.write(`${names[v]}${v === comparison.ref ? " " : ": "}${said}\n`);
    }
    for (const c of comparison.corrections) out.write(`correction: ${c}\n`);
    for (const w of comparison.warnings) out.write(`warning: ${w}\n`);
    if (output !== undefined) out.write(`written: ${output}\n`);
    else
      out.write(
        "the table itself: --out FILE.html (a page to read and print), --out FILE.docx (a Word document), --out FILE.json, or --json\n",
      );
  }
  return 0;
}
