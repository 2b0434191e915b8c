import { execFile, spawn } from "node:child_process";
import { linkSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { FIXTURES } from "../support/fixtures";
import { cellText, readDocx } from "../support/docx-reader";

const run = promisify(execFile);
const BIN = join(import.meta.dirname, "../../bin/synopsis.js");

/** Runs the synopsis command; resolves with its exit status and output whatever the status. */
async function synopsis(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return synopsisWith({}, ...args);
}

/** `synopsis` with settings added to the environment. */
async function synopsisWith(env: NodeJS.ProcessEnv, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], {
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

const tmp = mkdtempSync(join(tmpdir(), "synopsis-cli-"));

describe("synopsis import", () => {
  it("prints the summary of an act and writes Akoma Ntoso", async () => {
    const out = join(tmp, "eprivacy.akn.xml");
    const { code, stdout } = await synopsis("import", join(FIXTURES, "eurlex/eprivacy-2002-58-cons-2009.fmx.xml"), "--out", out);
    expect(code).toBe(0);
    expect(stdout).toMatch(/format: formex/);
    expect(stdout).toMatch(/ {2}article: 23\n/);
    expect(stdout).toMatch(/words: \d+/);
    expect(readFileSync(out, "utf8")).toMatch(/<akomaNtoso xmlns="http:\/\/docs.oasis-open.org\/legaldocml\/ns\/akn\/3.0"/);
    expect(stdout).not.toMatch(/notice:/);
  });

  it("says under the title that a demonstration text is not the authentic one", async () => {
    const { code, stdout } = await synopsis("import", join(FIXTURES, "dual-use/commission-proposal-2016.akn.xml"));
    expect(code).toBe(0);
    expect(stdout.split("\n")[1]).toMatch(/^notice: Abridged demonstration .*; not the authentic text\./);
  });

  it("prints the document as JSON with each provision's own words", async () => {
    const { code, stdout } = await synopsis("import", join(FIXTURES, "dual-use/regulation-2021-821.akn.xml"), "--json");
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as {
      title: string;
      provisions: { type: string; eId: string; num: string; heading: string | null; text: string; children: unknown[] }[];
    };
    expect(json.title).toMatch(/^REGULATION \(EU\) 2021\/821/);
    expect((json as { notice?: string }).notice).toMatch(/not the authentic text/);
    const chapter = json.provisions.find((p) => p.type === "chapter")!;
    expect(Object.keys(chapter).sort()).toEqual(["children", "eId", "heading", "num", "text", "type"]);
    expect(json.provisions.filter((p) => p.type === "recital")).toHaveLength(8);
  });

  it("writes plain text and HTML as the --out ending says", async () => {
    const txt = join(tmp, "act.txt");
    const html = join(tmp, "act.html");
    expect((await synopsis("import", join(FIXTURES, "dual-use/council-mandate-2019.akn.xml"), "--out", txt)).code).toBe(0);
    expect((await synopsis("import", join(FIXTURES, "dual-use/council-mandate-2019.akn.xml"), "--out", html)).code).toBe(0);
    expect(readFileSync(txt, "utf8")).toMatch(/\nArticle 4a\n/);
    expect(readFileSync(html, "utf8")).toMatch(/<div class="notice" role="note">.*not the authentic text/);
  });

  it("exits 1 with the line and column for malformed XML", async () => {
    const bad = join(tmp, "broken.xml");
    writeFileSync(bad, '<?xml version="1.0"?>\n<ACT>\n  <TITLE><TI><P>Title</TI></TITLE>\n</ACT>\n');
    const { code, stderr } = await synopsis("import", bad);
    expect(code).toBe(1);
    expect(stderr).toMatch(/broken\.xml, line 3, column \d+: not well-formed XML/);
  });

  it("exits 1 refusing entity declarations, an empty file and a file of an unknown kind", async () => {
    const bomb = join(tmp, "bomb.xml");
    writeFileSync(bomb, '<?xml version="1.0"?><!DOCTYPE ACT [<!ENTITY x SYSTEM "file:///etc/passwd">]><ACT>&x;</ACT>');
    const empty = join(tmp, "empty.xml");
    writeFileSync(empty, "");
    const odd = join(tmp, "odd.xml");
    writeFileSync(odd, "<invoice><total>3</total></invoice>");
    const results = await Promise.all([synopsis("import", bomb), synopsis("import", empty), synopsis("import", odd)]);
    expect(results.map((r) => r.code)).toEqual([1, 1, 1]);
    expect(results[0]!.stderr).toMatch(/entity declarations are refused/);
    expect(results[0]!.stderr).not.toMatch(/root:/);
    expect(results[1]!.stderr).toMatch(/empty\.xml: the file is empty/);
    expect(results[2]!.stderr).toMatch(/root <invoice> is none of the known kinds: Formex.*EUR-Lex XHTML.*Akoma Ntoso.*plain text/);
  });

  it("exits 2 with the usage on wrong usage", async () => {
    const results = await Promise.all([
      synopsis("import"),
      synopsis("import", "a.xml", "--format", "pdf"),
      synopsis("import", "a.xml", "--out", "a.docx"),
      synopsis("frobnicate"),
      synopsis("import", "a.xml", "--bogus"),
    ]);
    expect(results.map((r) => r.code)).toEqual([2, 2, 2, 2, 2]);
    expect(results.every((r) => r.stderr.includes("Usage:"))).toBe(true);
  });
});

describe("synopsis compare", () => {
  it("prints per-column statistics and writes the HTML table", async () => {
    const html = join(tmp, "dual-use.html");
    const files = ["commission-proposal-2016", "parliament-position-2018", "council-mandate-2019", "regulation-2021-821"].map((f) =>
      join(FIXTURES, `dual-use/${f}.akn.xml`),
    );
    const { code, stdout } = await synopsis("compare", ...files, "--names", "Commission,Parliament,Council,Regulation", "--out", html);
    expect(code).toBe(0);
    // The demonstration texts' notice comes first, once.
    expect(stdout).toMatch(
      /^notice: Abridged demonstration [^\n]*not the authentic text[^\n]*\nCommission \(reference\): \d+ provisions, which the others are counted against\nParliament: \d+ unchanged, \d+ renumbered, \d+ changed, \d+ inserted, \d+ deleted, \d+ moved, \d+ split, \d+ merged\n/,
    );
    const page = readFileSync(html, "utf8");
    expect(page).toMatch(/<th scope="col">Council<\/th>/);
    expect(page).toMatch(/<ins>[^<]+<\/ins>/);
    expect(page).toMatch(/<del>[^<]+<\/del>/);
    expect(page).toMatch(/not the authentic text/);
    // Words keep their line breaks, and labels wrap rather than being cut.
    expect(page).toMatch(/\.words \{ white-space: pre-line; \}/);
    expect(page).toMatch(/<td><span class="num">[^<]*<\/span><span class="words">/);
    expect(page).not.toMatch(/text-overflow: ellipsis/);
  });

  it("writes the table as a Word document", async () => {
    const docx = join(tmp, "dual-use.docx");
    const files = ["commission-proposal-2016", "regulation-2021-821"].map((f) => join(FIXTURES, `dual-use/${f}.akn.xml`));
    const { code, stdout } = await synopsis("compare", ...files, "--names", "Commission,Regulation", "--out", docx);
    expect(code).toBe(0);
    expect(stdout).toMatch(/\nwritten: .*dual-use\.docx\n$/);
    const { tables } = readDocx(new Uint8Array(readFileSync(docx)));
    expect(tables[1]![0]!.cells.map(cellText)).toEqual(["Provision", "Commission (reference)", "Regulation"]);
    expect(tables[1]!.slice(1).some((row) => row.cells[2]!.some((p) => p.runs.some((r) => r.underlined)))).toBe(true);
    const wrong = await synopsis("compare", ...files, "--out", join(tmp, "dual-use.doc"));
    expect([wrong.code, wrong.stderr]).toEqual([2, expect.stringContaining('--out must end in .html, .docx or .json: "')]);
  });

  it("prints the comparison JSON with --json", async () => {
    const files = ["council-mandate-2019", "regulation-2021-821"].map((f) => join(FIXTURES, `dual-use/${f}.akn.xml`));
    const { code, stdout } = await synopsis("compare", ...files, "--ref", "1", "--json");
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as {
      versions: string[];
      ref: number;
      rows: {
        type: string;
        status: string;
        confidence: number;
        cells: ({ eId: string; label: string; text: string; diff: [string, string][] } | null)[];
      }[];
    };
    expect(json.versions).toEqual(["council-mandate-2019.akn.xml", "regulation-2021-821.akn.xml"]);
    expect(json.ref).toBe(1);
    const row = json.rows.find((r) => r.cells[0]?.label === "Article 4a")!;
    expect(row.cells[1]!.label).toBe("Article 5");
    expect(row.cells[1]!.diff).toEqual([["=", row.cells[1]!.text]]);
  });

  it("says in a sentence, with exit 1, that an input is missing or a folder, or that the output's folder does not exist", async () => {
    const act = join(FIXTURES, "dual-use/council-mandate-2019.akn.xml");
    const results = await Promise.all([
      synopsis("compare", act, join(tmp, "missing.xml")),
      synopsis("compare", act, tmp),
      synopsis("compare", act, act, "--out", join(tmp, "no-such-folder", "out.html")),
    ]);
    expect(results.map((r) => [r.code, r.stderr.trim()])).toEqual([
      [1, `synopsis: cannot read ${join(tmp, "missing.xml")}: no such file or folder`],
      [1, `synopsis: cannot read ${tmp}: it is a folder, not a file`],
      [1, `synopsis: cannot write ${join(tmp, "no-such-folder", "out.html")}: no such file or folder`],
    ]);
  });

  it("refuses an empty or repeated column name with exit 2", async () => {
    const act = join(FIXTURES, "dual-use/council-mandate-2019.akn.xml");
    const results = await Promise.all([
      synopsis("compare", act, act, "--names", "A,"),
      synopsis("compare", act, act, "--names", "A, A"),
      synopsis("compare", act, act, "--names", "Final,final"),
      synopsis("compare", act, act, "--names", "Final  text,final text"),
    ]);
    expect(results.map((r) => [r.code, r.stderr.split("\n")[0]])).toEqual([
      [2, 'synopsis: --names has an empty name: "A,"'],
      [2, 'synopsis: --names gives "A" twice: each column needs a name of its own'],
      [
        2,
        'synopsis: --names gives "Final" and "final", which differ only in capitals, spacing or characters of no width: each column needs a name of its own',
      ],
      [
        2,
        'synopsis: --names gives "Final  text" and "final text", which differ only in capitals, spacing or characters of no width: each column needs a name of its own',
      ],
    ]);
  });

  it("takes a comma inside a column name written \\, and a backslash before a comma written \\\\", async () => {
    const act = join(FIXTURES, "dual-use/council-mandate-2019.akn.xml");
    // As typed in a shell: --names 'Council\, general approach, A\\,B'
    const { code, stdout } = await synopsis("compare", act, act, act, "--names", "Council\\, general approach, A\\\\,B", "--json");
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as { versions: string[] }).versions).toEqual(["Council, general approach", "A\\", "B"]);
  });

  it("stops quietly when the reader of its output stops early (| head)", async () => {
    // Megabytes of JSON: far more than a pipe holds, so the writer meets the closed pipe.
    const act = join(FIXTURES, "eurlex/gdpr-2016-679.fmx.xml");
    const child = spawn(process.execPath, [BIN, "compare", act, act, "--json"]);
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    // Read the first chunk, then close the pipe as head does.
    await new Promise<void>((resolve) => child.stdout.once("data", () => resolve()));
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect([code, stderr]).toEqual([0, ""]);
  });

  it("refuses a single version and a reference out of range with exit 2", async () => {
    const one = join(FIXTURES, "dual-use/council-mandate-2019.akn.xml");
    const results = await Promise.all([synopsis("compare", one), synopsis("compare", one, one, "--ref", "2")]);
    expect(results.map((r) => r.code)).toEqual([2, 2]);
    expect(results[1]!.stderr).toMatch(/the reference column must be 0 to 1/);
  });

  it("refuses a negative reference and a count of names that does not fit, in its own words", async () => {
    const act = join(FIXTURES, "dual-use/council-mandate-2019.akn.xml");
    const results = await Promise.all([
      synopsis("compare", act, act, "--ref", "-1"),
      synopsis("compare", act, act, "--ref", "99999999999999999999"),
      synopsis("compare", act, act, "--names", "Council"),
    ]);
    expect(results.map((r) => [r.code, r.stderr.split("\n")[0]])).toEqual([
      [2, 'synopsis: --ref must be a column number counted from 0, not "-1"'],
      [2, 'synopsis: --ref must be a column number counted from 0, not "99999999999999999999"'],
      [2, "synopsis: --names gives 1 name for 2 files"],
    ]);
  });

  it("numbers a file name given twice, says how to get the table, and says a file without provisions was read as plain text", async () => {
    const act = join(FIXTURES, "dual-use/council-mandate-2019.akn.xml");
    const twice = await synopsis("compare", act, act);
    expect(twice.code).toBe(0);
    expect(twice.stdout).toMatch(/\ncouncil-mandate-2019\.akn\.xml \(2\): \d+ unchanged/);
    expect(twice.stdout).toMatch(/\nthe table itself: --out FILE\.html .* or --json\n$/);
    const prose = join(tmp, "prose.txt");
    writeFileSync(prose, "Some words about export controls, without a numbered provision.\n");
    const plain = await synopsis("compare", prose, act);
    expect([plain.code, plain.stderr.trim()]).toEqual([
      1,
      'synopsis: the version "prose.txt" has no provisions to compare (it was read as plain text, which needs lines such as "Article 1" or "1.")',
    ]);
    const headings = join(tmp, "headings.txt");
    writeFileSync(headings, "Article 1\n\nArticle 2\n");
    const wordless = await synopsis("compare", act, headings);
    expect([wordless.code, wordless.stderr.trim()]).toEqual([
      1,
      'synopsis: the version "headings.txt" has no words to compare: its 2 provisions have a number at most',
    ]);
  });

  it("corrects the alignment from an overrides file, and refuses one that is not JSON or names what a version lacks, with exit 1", async () => {
    const stages = ["commission-proposal-2016", "council-mandate-2019"].map((f) => join(FIXTURES, `dual-use/${f}.akn.xml`));
    const file = (name: string, text: string) => {
      writeFileSync(join(tmp, name), text);
      return join(tmp, name);
    };
    const pin = file(
      "pin.json",
      JSON.stringify({ overrides: [{ kind: "pin", a: { version: 0, eId: "rec_6" }, b: { version: 1, eId: "rec_5" } }] }),
    );
    const pinned = await synopsis("compare", ...stages, "--overrides", pin, "--json");
    expect(pinned.code).toBe(0);
    const rows = (JSON.parse(pinned.stdout) as { rows: { cells: ({ eId: string } | null)[] }[] }).rows;
    expect(rows.find((r) => r.cells[0]?.eId === "rec_6")!.cells[1]?.eId).toBe("rec_5");
    // Said in the summary too, with the columns' names.
    const said = await synopsis("compare", ...stages, "--names", "Commission,Council", "--overrides", pin);
    expect(said.stdout).toContain("correction: Commission's Recital 6 put in one row with Council's Recital 5\n");

    const notJson = await synopsis("compare", ...stages, "--overrides", file("broken.json", "{ overrides: "));
    expect(notJson.code).toBe(1);
    expect(notJson.stderr).toMatch(/^synopsis: broken\.json: the overrides are not JSON: /);
    const lacking = file(
      "lacking.json",
      JSON.stringify({ overrides: [{ kind: "separate", a: { version: 0, eId: "art_99" }, b: { version: 1, eId: "art_1" } }] }),
    );
    const refused = await synopsis("compare", ...stages, "--overrides", lacking);
    expect([refused.code, refused.stderr.trim()]).toEqual([
      1,
      "synopsis: lacking.json: override 1 names art_99, which column 0 does not have",
    ]);
    const beyond = file(
      "beyond.json",
      JSON.stringify({ overrides: [{ kind: "pin", a: { version: 0, eId: "rec_1" }, b: { version: 7, eId: "rec_1" } }] }),
    );
    const past = await synopsis("compare", ...stages, "--overrides", beyond);
    expect([past.code, past.stderr.trim()]).toEqual([
      1,
      "synopsis: beyond.json: override 1 names column 7, which is not among the versions",
    ]);
    const cut = await synopsis("compare", ...stages, "--overrides", file("cut.json", '{"overrides": ['));
    expect([cut.code, cut.stderr]).toEqual([1, "synopsis: cut.json: the overrides are not JSON: the file ends before its JSON does\n"]);
    const many = file(
      "many.json",
      JSON.stringify({
        overrides: Array.from({ length: 50 }, (_, k) => ({
          kind: "separate",
          a: { version: 0, eId: `art_${100 + k}` },
          b: { version: 1, eId: "art_1" },
        })),
      }),
    );
    const manyRefused = await synopsis("compare", ...stages, "--overrides", many);
    expect(manyRefused.code).toBe(1);
    expect(manyRefused.stderr).toMatch(
      /^synopsis: many\.json: override 1 names art_100, which column 0 does not have; .*; override 10 names art_109, which column 0 does not have; and 40 more\n$/,
    );
  });
});

describe("synopsis import of a text that is no act", () => {
  it("reads it all the same, and warns that no provision was found", async () => {
    const notes = join(tmp, "notes.txt");
    writeFileSync(notes, "Notes of the meeting\nWe talked about exports.\n");
    const { code, stderr } = await synopsis("import", notes);
    expect(code).toBe(0);
    expect(stderr).toBe(
      'warning: notes.txt: no provisions were found (no citation, recital, article or annex): is it the text of an act? In plain text, an act has lines such as "Article 1", "(1)" or "ANNEX".\n',
    );
  });
});

describe("what the command line cannot use", () => {
  it("refuses to write its output over one of its inputs, and leaves the input as it was", async () => {
    const act = join(tmp, "act.txt");
    writeFileSync(act, "Regulation X\nArticle 1\nWords.\n");
    const imported = await synopsis("import", act, "--out", act);
    expect([imported.code, imported.stderr]).toEqual([
      1,
      `synopsis: cannot write ${act}: it is the input ${act}, which it would overwrite\n`,
    ]);
    const page = join(tmp, "page.html");
    writeFileSync(page, readFileSync(join(FIXTURES, "eurlex/eprivacy-2002-58-cons-2006.fmx.xml")));
    const other = join(FIXTURES, "eurlex/eprivacy-2002-58-cons-2009.fmx.xml");
    const compared = await synopsis("compare", page, other, "--out", join(tmp, ".", "page.html"));
    expect(compared.code).toBe(1);
    expect(compared.stderr).toBe(
      `synopsis: cannot write ${join(tmp, ".", "page.html")}: it is the input ${page}, which it would overwrite\n`,
    );
    const link = join(tmp, "link.txt");
    linkSync(act, link);
    const linked = await synopsis("import", act, "--out", link);
    expect([linked.code, linked.stderr]).toEqual([1, `synopsis: cannot write ${link}: it is the input ${act}, which it would overwrite\n`]);
    expect(readFileSync(act, "utf8")).toBe("Regulation X\nArticle 1\nWords.\n");
    expect(readFileSync(page, "utf8")).toBe(readFileSync(join(FIXTURES, "eurlex/eprivacy-2002-58-cons-2006.fmx.xml"), "utf8"));
  });

  it("reads a device or a pipe up to the readers' limit and no further", async () => {
    const { code, stderr } = await synopsis("import", "/dev/zero", "--format", "text");
    expect([code, stderr]).toEqual([1, "synopsis: zero: more than 64 MiB came from it, the limit; the rest was not read\n"]);
  });

  it("says in a line a folder it cannot make or a setting it cannot use", async () => {
    const file = join(tmp, "a-file");
    writeFileSync(file, "x");
    const demo = await synopsis("demo", "--out", file);
    expect([demo.code, demo.stderr]).toEqual([1, `synopsis: EEXIST: file already exists, mkdir '${file}'\n`]);
    const port = await synopsisWith({ PORT: "abc", DATA_DIR: join(tmp, "data") }, "serve");
    expect([port.code, port.stderr]).toEqual([1, 'synopsis: PORT must be a port number from 0 to 65535, not "abc"\n']);
  });
});
