/*
 * A Formex package as EUR-Lex hands it out: a zip holding the act, its annexes in files of their
 * own, and a manifest (.doc.xml) listing them. The files are read in the manifest's order into
 * one document. The zip's declared sizes are checked before anything is unpacked, and no file is
 * unpacked beyond its declared size.
 */
import { FormatError, type SourceLocation } from "../errors";
import { checkSize, decodeText, isZip, MAX_INPUT_BYTES } from "../input";
import type { ReadResult } from "../reader";
import { child, elements, parseXml, textOf, type XmlElement } from "../xml";
import { assemble, parseFormex, readAct } from "./act";
import { readAnnex } from "./annex";
import { Reading } from "./reading";
import { directoryFiles, ZipDirectoryError, type DirectoryFile } from "./zip-directory";
import { unpackFile, ZipFileError } from "./zip-files";

const MANIFEST_SUFFIX = ".doc.xml";
const MiB = 1024 * 1024;

function where(file: string | undefined): SourceLocation {
  return file ? { file } : {};
}

/**
 * The package's files by name, unpacked only once their declared sizes add up to no more than
 * the limit, and each no further than its declared size. fflate inflates; the directory is read
 * here (see zip-directory.ts), as fflate's unzipper bounds neither what a file inflates to nor
 * how often one stream is inflated.
 */
function unpack(bytes: Uint8Array, file: string | undefined): Record<string, Uint8Array> {
  const broken = (reason: string) => new FormatError("malformed", `the zip package is broken: ${reason}`, where(file));
  let files: DirectoryFile[];
  try {
    files = directoryFiles(bytes);
  } catch (err) {
    if (!(err instanceof ZipDirectoryError)) throw err;
    // Archivers give a size in a ZIP64 record for files of 2 or 4 GiB and more, not for an act's.
    if (err.sizedElsewhere) {
      throw new FormatError(
        "too-large",
        `the package holds a file of a size given only in a ZIP64 record, as for files of gigabytes; the limit is ${MAX_INPUT_BYTES / MiB} MiB`,
        where(file),
      );
    }
    throw broken(err.message);
  }
  const declared = files.reduce((sum, entry) => sum + entry.size, 0);
  if (declared > MAX_INPUT_BYTES) {
    throw new FormatError(
      "too-large",
      `the package's files would unpack to ${(declared / MiB).toFixed(1)} MiB; the limit is ${MAX_INPUT_BYTES / MiB} MiB`,
      where(file),
    );
  }
  const unpacked: Record<string, Uint8Array> = {};
  for (const entry of files) {
    if (entry.name.endsWith("/")) continue;
    try {
      unpacked[entry.name] = unpackFile(entry);
    } catch (err) {
      if (err instanceof ZipFileError && err.outgrown)
        throw new FormatError("too-large", `the zip package is refused: ${err.message}`, where(file));
      throw broken(err instanceof Error ? err.message : String(err));
    }
  }
  return unpacked;
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

/** The XML files the manifest lists: the main publication first, then the sub-publications in order. */
function listedFiles(manifest: XmlElement, reading: Reading): { main: string; subs: string[]; legalValue?: string } {
  const fmx = child(manifest, "FMX");
  const publications = fmx ? elements(fmx) : [];
  const fileOf = (publication: XmlElement) =>
    elements(publication).find((e) => e.name === "REF.PHYS" && (e.attrs.TYPE === "DOC.XML" || e.attrs.FILE?.endsWith(".xml")))?.attrs.FILE;
  const mainPublication = publications.find((e) => e.name === "DOC.MAIN.PUB");
  const main = mainPublication && fileOf(mainPublication);
  if (!main) return reading.fail(manifest, "the manifest names no act: no <DOC.MAIN.PUB> with a <REF.PHYS> XML file");
  const listed = publications.filter((e) => e.name === "DOC.SUB.PUB").flatMap((e) => fileOf(e) ?? []);
  // A file is one part of the act, however often it is listed: read once, in its first place.
  const subs = [...new Set(listed)].filter((name) => name !== main);
  if (subs.length < listed.length) {
    const repeated = listed.length - subs.length;
    reading.warn(
      manifest,
      `the manifest lists ${repeated === 1 ? "a file" : `${repeated} files`} again (or the act among its annexes); each is read once`,
    );
  }
  const legalValue = child(mainPublication, "LEGAL.VALUE");
  return { main, subs, ...(legalValue ? { legalValue: textOf(legalValue).trim() } : {}) };
}

/** Reads a EUR-Lex Formex zip: the act and its annexes, in the order its manifest lists them. */
export function readFormexPackage(bytes: Uint8Array, file?: string): ReadResult {
  checkSize(bytes, file);
  if (!isZip(bytes)) throw new FormatError("malformed", "not a zip package: a Formex package is the zip EUR-Lex hands out", where(file));
  const entries = unpack(bytes, file);
  const byName = new Map(Object.entries(entries).map(([name, data]) => [baseName(name), data] as const));
  const manifestName = [...byName.keys()].find((name) => name.endsWith(MANIFEST_SUFFIX));
  if (!manifestName) {
    throw new FormatError(
      "structure",
      `the package holds no manifest (a ${MANIFEST_SUFFIX} file listing the act and its annexes)`,
      where(file),
    );
  }
  const inPackage = (name: string) => (file ? `${file}/${name}` : name);
  const manifestReading = Reading.start(inPackage(manifestName));
  const manifest = parseXml(decodeText(byName.get(manifestName)!, inPackage(manifestName)), inPackage(manifestName));
  if (manifest.name !== "DOC") manifestReading.fail(manifest, `the manifest's root is <${manifest.name}>, not <DOC>`);
  const { main, subs, legalValue } = listedFiles(manifest, manifestReading);

  const open = (name: string): { root: XmlElement; reading: Reading } => {
    const data = byName.get(name);
    if (!data)
      throw new FormatError("structure", `the manifest lists ${name}, which the package does not hold`, where(inPackage(manifestName)));
    const reading = manifestReading.inFile(inPackage(name));
    return { root: parseFormex(decodeText(data, reading.file), reading.file), reading };
  };
  const act = open(main);
  const parts = readAct(act.root, act.reading, legalValue);
  const annexes = [...parts.annexes];
  for (const name of subs) {
    const sub = open(name);
    if (sub.root.name !== "ANNEX") sub.reading.warn(sub.root, `<${sub.root.name}> listed by the manifest is read as an annex`);
    annexes.push(readAnnex(sub.root, sub.reading));
  }
  const listed = new Set([manifestName, main, ...subs]);
  for (const name of byName.keys()) {
    if (name.endsWith(".xml") && !listed.has(name))
      manifestReading.warn(manifest, `${name} is in the package but not in its manifest; left out`);
  }
  return assemble({ ...parts, annexes }, manifestReading);
}
