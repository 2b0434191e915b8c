/*
 * Uploaded files are read on the import worker: a real act comes back read and summarised, a bad
 * file comes back as the same FormatError the readers throw, and a file whose reading needs more
 * memory or time than an import may use is refused as too large while the server, and the
 * import sent behind it, live on. (The limits here are small so that a few megabytes reach them.)
 * Small files have a worker of their own, so a large file does not hold them up.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { FormatError } from "../../shared/formats/errors";
import { ImportThread } from "../../server/imports/import-thread";
import { readUpload } from "../../server/imports/read-upload";
import { FIXTURES } from "../support/fixtures";

const imports = new ImportThread({ memoryMiB: 32 });
afterAll(() => imports.close());

const realAct = () => ({
  bytes: new Uint8Array(readFileSync(join(FIXTURES, "eurlex", "eprivacy-2002-58-cons-2009.fmx.xml"))),
  file: "eprivacy-2002-58-cons-2009.fmx.xml",
});

/** A real act read on the worker of the larger files, as a zip archive always is: the worker a failure stopped. */
const zippedAct = () => ({
  bytes: new Uint8Array(readFileSync(join(FIXTURES, "eurlex", "dma-2022-1925.fmx.zip"))),
  file: "dma-2022-1925.fmx.zip",
});

/** A plain-text act of so many articles: 40,000 make about 6 MB, well under the upload limit. */
function hugeAct(count = 40_000): Uint8Array {
  const articles = Array.from(
    { length: count },
    (_, i) =>
      `Article ${i + 1}\n\n1. The exporter shall apply for an authorisation for the items of list ${i} before they leave the Union.\n\n`,
  );
  return new TextEncoder().encode(`REGULATION ON TESTS\n\n${articles.join("")}`);
}

describe("the import worker", () => {
  it("reads a real act into its stored document and summary", async () => {
    const read = await imports.read(realAct());
    expect(read.format).toBe("formex");
    expect(read.summary.counts.article).toBe(23);
    expect(read.summary.words).toBeGreaterThan(9000);
    expect(JSON.parse(read.document).type).toBe("doc");
  });

  it("gives back a bad file's FormatError as reading it in-process throws it: code, where, and message", async () => {
    const broken = { bytes: new TextEncoder().encode("<ACT>\n<BROKEN></ACT>"), file: "broken.fmx.xml" };
    let inProcess: unknown;
    try {
      readUpload(broken);
    } catch (e) {
      inProcess = e;
    }
    expect(inProcess).toBeInstanceOf(FormatError);
    const { code, location, reason, message } = inProcess as FormatError;
    expect(code).toBe("malformed");
    expect(location).toMatchObject({ file: "broken.fmx.xml", line: 2 });
    const failure = imports.read(broken);
    await expect(failure).rejects.toBeInstanceOf(FormatError);
    await expect(failure).rejects.toMatchObject({ code, location, reason, message });
  });

  it("refuses a file that needs more memory than an import may use, and reads the file sent behind it", async () => {
    const failure = imports.read({ bytes: hugeAct(), file: "huge.txt" });
    const behind = imports.read(zippedAct());
    await expect(failure).rejects.toMatchObject({
      code: "too-large",
      message: "huge.txt: reading this file needs more than the 32 MiB of memory an import may use",
    });
    expect((await behind).summary.counts.article).toBe(54);
  }, 60_000);

  it("refuses a file that takes longer to read than an import may take, and reads the file sent behind it", async () => {
    const patient = new ImportThread({ timeLimitMs: 3_000 });
    try {
      // About 24 MB of text: some ten seconds of reading.
      const failure = patient.read({ bytes: hugeAct(160_000), file: "long.txt" });
      const behind = patient.read(zippedAct());
      await expect(failure).rejects.toMatchObject({
        code: "too-large",
        message: "long.txt: reading this file takes longer than the 3 s an import may take",
      });
      expect((await behind).summary.counts.article).toBe(54);
    } finally {
      await patient.close();
    }
  }, 60_000);

  it("leaves the caller's bytes as they were, a Node Buffer included", async () => {
    const bytes = readFileSync(join(FIXTURES, "eurlex", "eprivacy-2002-58-cons-2009.fmx.xml"));
    const before = bytes.byteLength;
    await imports.read({ bytes, file: "eprivacy-2002-58-cons-2009.fmx.xml" });
    expect(bytes.byteLength).toBe(before);
    expect(bytes.subarray(0, 5).toString()).toBe("<?xml");
  });

  it("reads a small file sent behind a large one at once, on the small files' own worker", async () => {
    const lanes = new ImportThread();
    try {
      lanes.prepare();
      const finished: string[] = [];
      // About 2.4 MB of plain text: a second or so to read.
      const large = lanes.read({ bytes: hugeAct(20_000), file: "large.txt" }).then(() => finished.push("large"));
      const small = lanes
        .read({ bytes: new TextEncoder().encode("A COMPROMISE\n\nArticle 1\n\nThis Regulation applies.\n"), file: "small.txt" })
        .then((read) => {
          finished.push("small");
          return read;
        });
      expect((await small).summary.counts.article).toBe(1);
      await large;
      expect(finished).toEqual(["small", "large"]);
    } finally {
      await lanes.close();
    }
  });

  it("reads a small file that outgrows the small files' worker again on the other, with all the memory an import may use", async () => {
    const lanes = new ImportThread({ memoryMiB: 256, smallFileMemoryMiB: 8 });
    try {
      // About 240 KB of text: under the small files' bound of size, over the 8 MiB given to their worker here.
      const read = await lanes.read({ bytes: hugeAct(1_600), file: "small-but-heavy.txt" });
      expect(read.summary.counts.article).toBe(1_600);
    } finally {
      await lanes.close();
    }
  }, 60_000);
});
