/*
 * The comparison worker: a comparison is made there and comes back as JSON, and one that takes
 * longer, or needs more memory, than a comparison may is refused with a clear 422 instead of
 * holding up the queue or taking the server down.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ComparisonThread, comparisonMemoryMiB } from "../../server/comparisons/comparison-thread";
import { readDocument } from "../../shared/formats/read";
import { FIXTURES } from "../support/fixtures";

const stored = (file: string) =>
  JSON.stringify(readDocument({ bytes: new Uint8Array(readFileSync(join(FIXTURES, "eurlex", file))), file }).doc.toJSON());
const documents = ["eprivacy-2002-58-cons-2006.fmx.xml", "eprivacy-2002-58-cons-2009.fmx.xml"].map(stored);
const job = { documents, options: { names: ["2006", "2009"] }, versionIds: [1, 2], overrides: [] };

const threads: ComparisonThread[] = [];
afterAll(() => Promise.all(threads.map((t) => t.close())));

describe("the comparison worker", () => {
  it("makes the comparison and answers with its JSON, plain and compressed", async () => {
    const thread = new ComparisonThread();
    threads.push(thread);
    const { json, gzipped } = await thread.run(job);
    const comparison = JSON.parse(json.toString("utf8")) as { versions: string[]; versionIds: number[]; rows: unknown[] };
    expect(comparison.versions).toEqual(["2006", "2009"]);
    expect(comparison.versionIds).toEqual([1, 2]);
    expect(comparison.rows.length).toBeGreaterThan(100);
    expect(gzipped.length).toBeLessThan(json.length);
  });

  it("cancels a comparison nobody waits for any more, waiting or at work, and makes the next one", async () => {
    // Stopped at once once cancelled, rather than after the second a job at work is given first.
    const thread = new ComparisonThread({ stopCancelledAfterMs: 0 });
    threads.push(thread);
    // Six versions of the GDPR: long enough to be at work when cancelled.
    const gdpr = stored("gdpr-2016-679.fmx.xml");
    const long = { documents: Array(6).fill(gdpr), options: {}, versionIds: [1, 2, 3, 4, 5, 6], overrides: [] };
    const atWork = new AbortController();
    const waiting = new AbortController();
    const first = thread.run(long, atWork.signal);
    const second = thread.run(job, waiting.signal);
    const third = thread.run(job);
    waiting.abort();
    const abandoned = { status: 499, code: "abandoned" };
    // Out of the queue at once, while the first is still being made.
    expect(await Promise.race([second.catch((e: unknown) => e), first.then(() => "the first was done before")])).toMatchObject(abandoned);
    atWork.abort();
    await expect(first).rejects.toMatchObject({
      ...abandoned,
      message: "the comparison was cancelled: every request for it was abandoned",
    });
    expect((JSON.parse((await third).json.toString("utf8")) as { versions: string[] }).versions).toEqual(["2006", "2009"]);
  }, 60_000);

  it("refuses a comparison that takes longer than it may, with a 422 that says so", async () => {
    const hasty = new ComparisonThread({ timeLimitMs: 1 });
    threads.push(hasty);
    await expect(hasty.run(job)).rejects.toMatchObject({
      status: 422,
      code: "comparison-too-large",
      message: "the comparison took longer than the 0.001 s it may take: compare fewer or shorter versions at once",
    });
  });

  it("refuses a comparison its documents are too large for before it is sent, with a 422 that says how much it needs", async () => {
    // Six versions of the GDPR are 3.3 MB of JSON: 76 MiB, taken at 24 times that.
    const gdpr = stored("gdpr-2016-679.fmx.xml");
    const six = { documents: Array(6).fill(gdpr), options: {}, versionIds: [1, 2, 3, 4, 5, 6], overrides: [] };
    expect(comparisonMemoryMiB(six.documents)).toBe(Math.ceil((24 * 6 * gdpr.length) / 2 ** 20));
    const frugal = new ComparisonThread({ memoryMiB: 64 });
    threads.push(frugal);
    await expect(frugal.run(six)).rejects.toMatchObject({
      status: 422,
      code: "comparison-too-large",
      message: `comparing these versions would need about ${comparisonMemoryMiB(six.documents)} MiB of memory, more than the 64 MiB a comparison may use: compare fewer or shorter versions at once`,
    });
    // Two of them are taken to need 26 MiB, and are made.
    const { json } = await frugal.run({ ...six, documents: [gdpr, gdpr], versionIds: [1, 2] });
    expect((JSON.parse(json.toString("utf8")) as { rows: unknown[] }).rows.length).toBeGreaterThan(100);
  });

  it("refuses a comparison that outgrows the worker all the same, with a 422 that names the bound, and makes the next one", async () => {
    // Six versions of the GDPR need about 30 MiB; two of the ePrivacy Directive fit in 16.
    const gdpr = stored("gdpr-2016-679.fmx.xml");
    const frugal = new ComparisonThread({ memoryMiB: 16 }, () => 0);
    threads.push(frugal);
    await expect(
      frugal.run({ documents: Array(6).fill(gdpr), options: {}, versionIds: [1, 2, 3, 4, 5, 6], overrides: [] }),
    ).rejects.toMatchObject({
      status: 422,
      code: "comparison-too-large",
      message: "the comparison needed more memory than its worker may use (16 MiB): compare fewer or shorter versions at once",
    });
    const { json } = await frugal.run(job);
    expect((JSON.parse(json.toString("utf8")) as { versions: string[] }).versions).toEqual(["2006", "2009"]);
  });
});
