/*
 * Validation of Akoma Ntoso against the OASIS schema with xmllint (Debian's libxml2-utils).
 * Without xmllint the tests that need it are skipped with a reason, but never under CI.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const SCHEMA = join(import.meta.dirname, "../../fixtures/schemas/akomantoso30.xsd");

export const hasXmllint = spawnSync("xmllint", ["--version"]).status === 0;
if (!hasXmllint) {
  if (process.env.CI) throw new Error("xmllint is required under CI: apt-get install libxml2-utils");
  console.warn("xmllint not found: schema validation tests are skipped (apt-get install libxml2-utils)");
}

/** Validates XML against the Akoma Ntoso 3.0 schema; returns xmllint's complaints, "" when valid. */
export function validateAkn(xml: string): string {
  const dir = mkdtempSync(join(tmpdir(), "akn-"));
  const file = join(dir, "doc.akn.xml");
  writeFileSync(file, xml);
  try {
    execFileSync("xmllint", ["--noout", "--schema", SCHEMA, file], { stdio: "pipe" });
    return "";
  } catch (e) {
    return String((e as { stderr?: Buffer }).stderr ?? e);
  }
}
