/*
 * `synopsis demo`: the shipped texts without a server. Reads the demonstration dual-use dossier
 * and the ePrivacy consolidated texts and writes each as a printable HTML page and as Akoma
 * Ntoso, then prints where they are.
 */
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { basename, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { readDocument } from "../../shared/formats/read";
import { writeAkn } from "../../shared/formats/akn/write-akn";
import { writeHtml } from "../../shared/formats/html/write-html";
import { summarize } from "../../shared/model/summary";

const FIXTURES = fileURLToPath(new URL("../../fixtures/", import.meta.url));

async function demoFiles(): Promise<string[]> {
  const dualUse = (await readdir(join(FIXTURES, "dual-use")))
    .filter((f) => f.endsWith(".akn.xml"))
    .sort()
    .map((f) => join(FIXTURES, "dual-use", f));
  const ePrivacy = ["eprivacy-2002-58-cons-2006.fmx.xml", "eprivacy-2002-58-cons-2009.fmx.xml"].map((f) => join(FIXTURES, "eurlex", f));
  return [...dualUse, ...ePrivacy];
}

export async function demoCommand(args: string[], out: NodeJS.WritableStream): Promise<number> {
  const { values } = parseArgs({ args, options: { out: { type: "string", default: "data/demo" } } });
  const dir = resolve(values.out);
  await mkdir(dir, { recursive: true });
  for (const path of await demoFiles()) {
    const { doc } = readDocument({ bytes: new Uint8Array(await readFile(path)), file: basename(path) });
    const stem = basename(path).replace(/\.(akn|fmx)\.xml$/, "");
    await writeFile(join(dir, `${stem}.html`), writeHtml(doc));
    await writeFile(join(dir, `${stem}.akn.xml`), writeAkn(doc));
    const { title, counts, words } = summarize(doc);
    const notice = doc.attrs.notice ? "  [demonstration, not the authentic text]" : "";
    out.write(
      `${stem}${notice}\n  ${title.slice(0, 110)}\n  ${counts.recital ?? 0} recital${counts.recital === 1 ? "" : "s"}, ${counts.article ?? 0} article${counts.article === 1 ? "" : "s"}, ${words} words\n  ${join(dir, `${stem}.html`)}\n`,
    );
  }
  out.write(`\nOpen the .html files in a browser; the .akn.xml files are Akoma Ntoso 3.0.\n`);
  return 0;
}
