/*
 * `synopsis compare --overrides FILE.json`: alignment corrections from a file, as the server
 * keeps them for a dossier but naming versions by column, counted from 0 as --ref counts:
 * {"overrides": [{"kind": "pin", "a": {"version": 0, "eId": "rec_6"}, "b": {"version": 2, "eId": "rec_5"}}]}.
 * A file that is not such JSON, or corrections the alignment could not follow, are bad input,
 * said with what is wrong.
 */
import { basename } from "node:path";
import type { Node } from "prosemirror-model";
import { z } from "zod";
import type { AlignmentOverride } from "../../shared/compare/alignment";
import { alignableProvisions, overrideProblems } from "../../shared/compare/override-check";
import { FormatError } from "../../shared/formats/errors";
import { decodeText } from "../../shared/formats/input";
import { describeIssues } from "../../shared/protocol/api";
import { readInput } from "./files";

const side = z.object({
  version: z.number({ error: "a version is a column number" }).int("a version is a whole column number").min(0, "columns count from 0"),
  eId: z.string({ error: "an eId is text" }).min(1, "an eId must not be empty"),
});
const overridesFile = z.object({
  overrides: z.array(z.object({ kind: z.enum(["pin", "separate"], { error: "an override is a pin or a separate" }), a: side, b: side })),
});

/** How many of an overrides file's problems are said. */
const MAX_PROBLEMS_SHOWN = 10;

/** The corrections in the file at `path`, checked against the documents compared, in column order. */
export async function readOverridesFile(path: string, docs: readonly Node[]): Promise<AlignmentOverride[]> {
  const file = basename(path);
  let json: unknown;
  try {
    json = JSON.parse(decodeText(await readInput(path)));
  } catch (e) {
    if (e instanceof SyntaxError)
      throw new FormatError(
        "malformed",
        /end of JSON input/.test(e.message)
          ? "the overrides are not JSON: the file ends before its JSON does"
          : `the overrides are not JSON: ${e.message}`,
        { file },
      );
    throw e;
  }
  const parsed = overridesFile.safeParse(json);
  if (!parsed.success)
    throw new FormatError("structure", `the overrides are not as --overrides needs them: ${describeIssues(parsed.error)}`, { file });
  const { overrides } = parsed.data;
  const provisions = docs.map(alignableProvisions);
  const problems = overrideProblems(
    overrides,
    (v) => provisions[v],
    (v) => `column ${v}`,
  );
  // A long file's problems are many of a few kinds: the first are enough to say what is wrong.
  if (problems.length > 0) {
    const shown = problems.slice(0, MAX_PROBLEMS_SHOWN).join("; ");
    const more = problems.length > MAX_PROBLEMS_SHOWN ? `; and ${problems.length - MAX_PROBLEMS_SHOWN} more` : "";
    throw new FormatError("structure", shown + more, { file });
  }
  return overrides;
}
