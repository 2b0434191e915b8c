/*
 * `synopsis import`: read a file of any known kind, print its summary (or the JSON outline with
 * --json), and write the output that --out names.
 */
import { parseArgs } from "node:util";
import { basename } from "node:path";
import { FORMATS, type FormatName } from "../../shared/formats/input";
import { locatedMessage } from "../../shared/formats/errors";
import { readDocument } from "../../shared/formats/read";
import { outputForFile, writeDocument } from "../../shared/formats/write";
import { outline } from "../../shared/model/outline";
import { provisionsOf } from "../../shared/model/walk";
import { summarize } from "../../shared/model/summary";
import { readInput, refuseOverwritingInput, writeOutput } from "./files";
import { Progress } from "./progress";
import { UsageError } from "./usage";

export async function importCommand(args: string[], out: NodeJS.WritableStream): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { format: { type: "string" }, out: { type: "string" }, json: { type: "boolean", default: false } },
  });
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? "import needs a FILE" : "import takes one FILE");
  const file = positionals[0]!;
  const format = values.format as FormatName | undefined;
  if (format !== undefined && !FORMATS.includes(format))
    throw new UsageError(`--format must be one of ${FORMATS.join(", ")}, not "${format}"`);
  const output = values.out !== undefined ? outputForFile(values.out) : null;
  if (values.out !== undefined && output === null)
    throw new UsageError(`--out must end in .akn.xml, .txt, .html or .json: "${values.out}"`);

  if (values.out !== undefined) await refuseOverwritingInput(values.out, [file]);
  const progress = new Progress();
  progress.step(`Reading ${basename(file)}`);
  const bytes = await readInput(file);
  const { doc, warnings, format: detected } = readDocument({ bytes, file: basename(file), ...(format ? { format } : {}) });
  if (values.out !== undefined && output !== null) {
    progress.step(`Writing ${values.out}`);
    await writeOutput(values.out, writeDocument(doc, output));
  }
  progress.done();

  if (values.json) {
    out.write(JSON.stringify(outline(doc)) + "\n");
  } else {
    const summary = summarize(doc);
    out.write(`${summary.title}\n`);
    // A demonstration text says so wherever it is shown.
    const notice = doc.attrs.notice as string | null;
    if (notice !== null) out.write(`notice: ${notice}\n`);
    out.write(`format: ${detected}\n`);
    for (const [type, count] of Object.entries(summary.counts)) out.write(`  ${type}: ${count}\n`);
    out.write(`words: ${summary.words}\n`);
    if (values.out !== undefined) out.write(`written: ${values.out}\n`);
  }
  for (const w of warnings) {
    process.stderr.write(`warning: ${locatedMessage(w.message, w.location)}\n`);
  }
  // The server refuses such a file as a version; here it is read all the same, and said.
  if (provisionsOf(doc).length === 0) {
    const hint = detected === "text" ? ' In plain text, an act has lines such as "Article 1", "(1)" or "ANNEX".' : "";
    process.stderr.write(
      `warning: ${basename(file)}: no provisions were found (no citation, recital, article or annex): is it the text of an act?${hint}\n`,
    );
  }
  return 0;
}
