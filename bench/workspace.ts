/*
 * The workspace under load: a dossier of four 100,000-word versions served by a real server.
 * Prints the time from server start to the first comparison served, comparison latency p50 and
 * p95 (cold: first request for an ordering of the columns; cached: 100 repeats), server memory,
 * the longest the server's event loop stood still while the versions were uploaded (every other
 * user waits that long), and the browser's time from navigation to the first rows painted.
 * Baselines, measured in the same run: reading one version in-process, aligning in-process
 * without the server, and Chromium painting the static HTML table of the same comparison. Aims:
 * cached p95 under 50 ms; first rows painted under 1.5 s.
 */
import { mkdtempSync } from "node:fs";
import { get as httpGet } from "node:http";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { readFileSync } from "node:fs";
import { configFrom } from "../server/config";
import { startServer } from "../server/main";
import { readDocument } from "../shared/formats/read";
import { writeAkn } from "../shared/formats/akn/write-akn";
import { compareVersions } from "../shared/compare/comparison";
import { comparisonHtml } from "../shared/compare/comparison-html";
import { longAct, seededVersions } from "./seeded-edits";
import { buildClient, hasChromium, launchChromium } from "../test/support/browser";

const CORPUS = join(import.meta.dirname, "../fixtures/eurlex");

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export async function benchWorkspace(): Promise<void> {
  console.log("\nWorkspace: a dossier of four versions of the 100,000-word act, served by a real server");
  const read = (f: string) => readDocument({ bytes: new Uint8Array(readFileSync(join(CORPUS, f))), file: f }).doc;
  const versions = seededVersions(longAct(read("dsa-2022-2065.fmx.zip"), read("gdpr-2016-679.fmx.xml")));
  const files = versions.map((v) => writeAkn(v));
  await buildClient();

  const dataDir = mkdtempSync(join(tmpdir(), "synopsis-bench-"));
  const started = performance.now();
  const server = await startServer(configFrom({ DATA_DIR: dataDir, PORT: "0", SESSION_SECRET: "bench" }), pino({ level: "silent" }));
  const listening = performance.now() - started;
  const post = (path: string, body: unknown, cookie = "") =>
    fetch(server.url + path, { method: "POST", headers: { "content-type": "application/json", cookie }, body: JSON.stringify(body) });
  const login = await post("/api/session", { username: "commission", password: "demo" });
  const cookie = login.headers.get("set-cookie")!.split(";")[0]!;
  const dossier = ((await (await post("/api/dossiers", { title: "Bench" }, cookie)).json()) as { dossier: { id: number } }).dossier.id;
  const ids: number[] = [];
  // The server runs in this process: its event loop is this one.
  const stalls = monitorEventLoopDelay({ resolution: 5 });
  stalls.enable();
  const uploadStarted = performance.now();
  for (const [i, xml] of files.entries()) {
    const form = new FormData();
    form.set("file", new Blob([xml]), `v${i}.akn.xml`);
    form.set("name", ["Commission", "Parliament", "Council", "Compromise"][i]!);
    const answer = await fetch(`${server.url}/api/dossiers/${dossier}/versions`, { method: "POST", headers: { cookie }, body: form });
    ids.push(((await answer.json()) as { version: { id: number } }).version.id);
  }
  const uploadMs = performance.now() - uploadStarted;
  stalls.disable();
  const longestStall = stalls.max / 1e6;
  const readStarted = performance.now();
  readDocument({ bytes: new TextEncoder().encode(files[0]!), file: "v0.akn.xml" });
  const readMs = performance.now() - readStarted;
  // Latency is the time to receive the whole answer, as a browser asks for it (gzip accepted);
  // decompressing and parsing it is the client's work and is measured in the browser below.
  const get = (order: number[]) =>
    new Promise<number>((resolve, reject) => {
      const t = performance.now();
      const request = httpGet(
        `${server.url}/api/dossiers/${dossier}/compare?versions=${order.join(",")}`,
        { headers: { cookie, "accept-encoding": "gzip" } },
        (response) => {
          if (response.statusCode !== 200) reject(new Error(`compare answered ${response.statusCode}`));
          response.on("data", () => undefined);
          response.on("end", () => resolve(performance.now() - t));
        },
      );
      request.on("error", reject);
    });
  const first = await get(ids);
  const startToFirst = listening + uploadMs + first;
  const orders = [
    ids,
    [ids[1]!, ids[0]!, ids[2]!, ids[3]!],
    [ids[2]!, ids[1]!, ids[0]!, ids[3]!],
    [ids[3]!, ids[2]!, ids[1]!, ids[0]!],
    [ids[0]!, ids[2]!, ids[1]!, ids[3]!],
  ];
  const cold = [first];
  for (const order of orders.slice(1)) cold.push(await get(order));
  const cached: number[] = [];
  for (let i = 0; i < 100; i++) cached.push(await get(ids));
  const memory = process.memoryUsage();
  const inProcess = performance.now();
  const comparison = compareVersions(versions);
  const inProcessMs = performance.now() - inProcess;

  console.log(`server listening after:       ${listening.toFixed(0)} ms (demo data loaded into the new data folder)`);
  console.log(`four uploads (115k words each): ${uploadMs.toFixed(0)} ms`);
  console.log(
    `longest event-loop stall:     ${longestStall.toFixed(0)} ms during the uploads; baseline, reading one version in-process ${readMs.toFixed(0)} ms`,
  );
  console.log(
    `start to first comparison:    ${startToFirst.toFixed(0)} ms (listening + uploads + first comparison ${first.toFixed(0)} ms)`,
  );
  console.log(
    `cold comparison:              p50 ${percentile(cold, 50).toFixed(0)} ms, p95 ${percentile(cold, 95).toFixed(0)} ms over ${cold.length} column orders`,
  );
  console.log(
    `cached comparison:            p50 ${percentile(cached, 50).toFixed(1)} ms, p95 ${percentile(cached, 95).toFixed(1)} ms over 100 requests   (aim: p95 under 50 ms)`,
  );
  console.log(
    `baseline, in-process compare: ${inProcessMs.toFixed(0)} ms; ratio to cached p95 ${(inProcessMs / percentile(cached, 95)).toFixed(0)}x`,
  );
  console.log(
    `server memory:                rss ${(memory.rss / 1048576).toFixed(0)} MiB, heap used ${(memory.heapUsed / 1048576).toFixed(0)} MiB`,
  );

  if (!hasChromium) {
    console.log("browser: Chromium not found at /usr/bin/chromium; not measured");
  } else {
    const browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    await context.addCookies([{ name: cookie.split("=")[0]!, value: cookie.slice(cookie.indexOf("=") + 1), url: server.url }]);
    const page = await context.newPage();
    const painted: number[] = [];
    const received: number[] = [];
    for (let i = 0; i < 3; i++) {
      await page.goto(`${server.url}/#/dossiers/${dossier}/compare?versions=${ids.join(",")}`);
      await page.waitForFunction(() => performance.getEntriesByName("comparison:first-rows-painted").length > 0);
      const [got, paint] = await page.evaluate(() => [
        performance.getEntriesByName("comparison:received")[0]!.startTime,
        performance.getEntriesByName("comparison:first-rows-painted")[0]!.startTime,
      ]);
      received.push(got);
      painted.push(paint);
      await page.waitForSelector(".rows[data-complete=true]", { timeout: 120_000 });
    }
    const complete = await page.evaluate(() => performance.now());
    const staticPage = join(dataDir, "comparison.html");
    const { writeFileSync } = await import("node:fs");
    writeFileSync(staticPage, comparisonHtml(comparison));
    const baseline: number[] = [];
    for (let i = 0; i < 3; i++) {
      await page.goto(`file://${staticPage}`);
      await page.waitForSelector("table.comparison tbody tr");
      baseline.push(await page.evaluate(() => performance.now()));
    }
    await browser.close();
    console.log(
      `browser, first rows painted:  median ${percentile(painted, 50).toFixed(0)} ms from navigation (comparison received and parsed at ${percentile(received, 50).toFixed(0)} ms), of ${comparison.rows.length} rows (aim: under 1.5 s); all rows after ${complete.toFixed(0)} ms`,
    );
    console.log(
      `baseline, static HTML table:  median ${percentile(baseline, 50).toFixed(0)} ms to its first row; ratio ${(percentile(baseline, 50) / percentile(painted, 50)).toFixed(1)}x`,
    );
  }
  await server.close();
}
