/*
 * Starting and stopping the server: opens the store (migrations run), loads the demonstration
 * data into a new data folder, serves the API, the browser app and Socket.IO on one port, and on
 * close stops taking requests, lets those in flight finish and closes the database cleanly.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Logger } from "pino";
import { createLogger } from "./logger";
import { DATABASE_FILE, type Config } from "./config";
import type { Services } from "./http/context";
import { SqliteStore } from "./storage/sqlite-store";
import { Sessions } from "./accounts/sessions";
import { KnownBrowsers } from "./accounts/known-browsers";
import { ComparisonService } from "./comparisons/comparison-service";
import { ImportThread } from "./imports/import-thread";
import { VersionViews } from "./versions/version-views";
import { Realtime } from "./realtime/realtime";
import { DossierEvents } from "./realtime/dossier-events";
import { createApp } from "./http/app";
import { DEMO_PASSWORD, loadDemoData } from "./demo/demo-data";
import { SettingError } from "./setting-error";
import { isLoopback } from "./http/loopback";

/** How long requests in flight may take to finish once the server is told to stop. */
const SHUTDOWN_GRACE_MS = 10_000;

export const CLIENT_DIR = fileURLToPath(new URL("../dist/client/", import.meta.url));

export interface RunningServer {
  readonly url: string;
  readonly logger: Logger;
  /** What the routes use: the store and the worker threads, for a program that embeds the server, and for tests. */
  readonly services: Services;
  /** Stops taking requests, waits for those in flight, closes sockets and the database. */
  close(): Promise<void>;
}

export async function startServer(config: Config, logger: Logger = createLogger(config.logLevel)): Promise<RunningServer> {
  const store = new SqliteStore(join(config.dataDir, DATABASE_FILE));
  if (config.demo && (await store.isEmpty())) {
    const users = await loadDemoData(store);
    logger.info({ users }, "demonstration data loaded into a new data folder");
    console.log(`Demonstration data loaded. Users: ${users.join(", ")} (password "${DEMO_PASSWORD}").`);
  }
  const sessions = new Sessions(store, config.sessionSecret, config.secureCookies);
  const events = new DossierEvents();
  const services: Services = {
    store,
    sessions,
    knownBrowsers: new KnownBrowsers(config.sessionSecret, config.secureCookies),
    comparisons: new ComparisonService(store, { memoryMiB: config.comparisonMemoryMiB }),
    imports: new ImportThread({ memoryMiB: config.importMemoryMiB }),
    // A stored version is read within the same bound as the file it came from.
    versionViews: new VersionViews(store, { memoryMiB: config.importMemoryMiB }),
    events,
    maxUploadBytes: config.maxUploadBytes,
  };
  // The app must handle requests before Socket.IO attaches: Socket.IO passes on to the handlers
  // it finds, and answers its own requests (/socket.io/) itself.
  const http = createServer(createApp(services, logger, CLIENT_DIR, config.secureCookies, config.allowedHosts));
  const realtime = new Realtime(http, store, sessions, events, logger, config.allowedHosts);
  try {
    await new Promise<void>((resolve, reject) => {
      http.once("error", reject);
      http.listen(config.port, config.host, resolve);
    });
  } catch (e) {
    await realtime.close();
    await services.comparisons.close();
    await services.imports.close();
    await services.versionViews.close();
    store.close();
    // An address that cannot be listened on is a setting's fault: said with the settings' names.
    throw new SettingError(`cannot listen on ${config.host} port ${config.port} (HOST, PORT): ${(e as Error).message}`);
  }
  if (config.demo && !isLoopback(config.host)) {
    logger.warn(
      { host: config.host },
      "listening beyond this machine with the demonstration users and their known password; set SYNOPSIS_DEMO=0 for real use",
    );
  }
  // The workers load while the first requests are answered: the first upload, comparison or
  // version read need not wait for them to start.
  services.imports.prepare();
  services.comparisons.prepare();
  services.versionViews.prepare();
  const { port } = http.address() as AddressInfo;
  const url = `http://${config.host.includes(":") ? `[${config.host}]` : config.host}:${port}`;
  logger.info({ url, dataDir: config.dataDir }, "Synopsis is listening");

  let closing: Promise<void> | null = null;
  const close = () => {
    closing ??= (async () => {
      const stopped = new Promise<void>((resolve) => http.close(() => resolve()));
      http.closeIdleConnections();
      // Requests in flight get a grace period; a client that stalls does not keep the server up.
      const deadline = setTimeout(() => http.closeAllConnections(), SHUTDOWN_GRACE_MS);
      await realtime.close();
      await stopped;
      await services.comparisons.close();
      await services.imports.close();
      await services.versionViews.close();
      clearTimeout(deadline);
      store.close();
      logger.info("Synopsis stopped");
    })();
    return closing;
  };
  return { url, logger, services, close };
}
