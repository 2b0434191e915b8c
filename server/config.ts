/*
 * Settings from the environment, with defaults that make `npm start` work on a new machine:
 * PORT (4321), HOST (127.0.0.1), DATA_DIR (./data), SESSION_SECRET (generated once and kept in
 * the data folder), SYNOPSIS_DEMO (1: demo data on first start), LOG_LEVEL (info), MAX_UPLOAD_MB
 * (64, the readers' own limit; lower it to refuse large files sooner), IMPORT_MEMORY_MB and
 * COMPARISON_MEMORY_MB (the most memory reading one upload or stored version, or making one
 * comparison, may take: a quarter of what the process may have, from 256 to 2048), and
 * ALLOWED_HOSTS (the host names answered besides this machine's).
 */
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { MAX_INPUT_BYTES } from "../shared/formats/input";
import { workerMemoryFrom } from "./workers/worker-memory";
import { SettingError } from "./setting-error";
import { isLoopback } from "./http/loopback";

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly sessionSecret: string;
  readonly demo: boolean;
  readonly logLevel: string;
  /** Set the Secure flag on cookies: behind HTTPS. */
  readonly secureCookies: boolean;
  /** The largest file an upload may carry, in bytes. */
  readonly maxUploadBytes: number;
  /** The most memory the import worker may use to read one file, and the version view worker one stored version, in MiB. */
  readonly importMemoryMiB: number;
  /** The most memory the comparison worker may use to make one comparison, in MiB. */
  readonly comparisonMemoryMiB: number;
  /** The host names requests may name besides this machine's, or null for any (see http/loopback.ts). */
  readonly allowedHosts: readonly string[] | null;
}

function sessionSecret(dataDir: string, given: string | undefined): string {
  if (given) return given;
  const file = join(dataDir, "session-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret + "\n", { mode: 0o600 });
  return secret;
}

/** The levels pino logs at, from the most to the least said. */
const LOG_LEVELS = ["trace", "debug", "info", "warn", "error", "fatal", "silent"];

/** A switch: "1" on, "0" off, unset its default; anything else is refused rather than guessed. */
function switchFrom(setting: string, value: string | undefined, byDefault: boolean): boolean {
  if (value === undefined) return byDefault;
  if (value === "1" || value === "0") return value === "1";
  throw new SettingError(`${setting} must be 1 (on) or 0 (off), not "${value}"`);
}

/** The database's file in the data folder. */
export const DATABASE_FILE = "synopsis.db";

/** The data folder the settings name, as a full path: made nowhere, unlike by `configFrom`. */
export function dataDirFrom(env: NodeJS.ProcessEnv): string {
  return resolve(env.DATA_DIR ?? "data");
}

export function configFrom(env: NodeJS.ProcessEnv): Config {
  const dataDir = dataDirFrom(env);
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (e) {
    throw new SettingError(`DATA_DIR ${dataDir} cannot be used as the data folder: ${(e as Error).message}`);
  }
  const port = env.PORT === undefined ? 4321 : env.PORT.trim() === "" ? NaN : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new SettingError(`PORT must be a port number from 0 to 65535, not "${env.PORT}"`);
  const logLevel = env.LOG_LEVEL ?? "info";
  if (!LOG_LEVELS.includes(logLevel)) throw new SettingError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}, not "${logLevel}"`);
  return {
    port,
    host: env.HOST ?? "127.0.0.1",
    dataDir,
    sessionSecret: sessionSecret(dataDir, env.SESSION_SECRET),
    demo: switchFrom("SYNOPSIS_DEMO", env.SYNOPSIS_DEMO, true),
    logLevel,
    secureCookies: switchFrom("SECURE_COOKIES", env.SECURE_COOKIES, false),
    maxUploadBytes: maxUpload(env.MAX_UPLOAD_MB),
    importMemoryMiB: workerMemoryFrom("IMPORT_MEMORY_MB", env.IMPORT_MEMORY_MB),
    comparisonMemoryMiB: workerMemoryFrom("COMPARISON_MEMORY_MB", env.COMPARISON_MEMORY_MB),
    allowedHosts: allowedHostsFrom(env.ALLOWED_HOSTS, env.HOST ?? "127.0.0.1"),
  };
}

/**
 * ALLOWED_HOSTS: host names, separated by commas, that requests may name besides this
 * machine's; "*" for any. Unset, a server listening on this machine alone answers to its names
 * only, and one listening beyond it to any.
 */
function allowedHostsFrom(setting: string | undefined, host: string): readonly string[] | null {
  if (setting === undefined) return isLoopback(host) ? [] : null;
  if (setting.trim() === "*") return null;
  // Empty entries (a comma at the end) are nothing; a name may end with the dot of a fully qualified one.
  const names = setting
    .split(",")
    .map((n) => n.trim().toLowerCase().replace(/\.$/, ""))
    .filter((n) => n !== "");
  // Underscores too, as in the service names of containers ("synopsis_web").
  const wrong = names.find((n) => !/^[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?(\.[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?)*$|^\[[0-9a-f:.]+\]$/.test(n));
  if (wrong !== undefined)
    throw new SettingError(
      `ALLOWED_HOSTS must be host names (no port) separated by commas, or *, not "${setting}": "${wrong}" is no host name`,
    );
  return names;
}

function maxUpload(megabytes: string | undefined): number {
  if (megabytes === undefined) return MAX_INPUT_BYTES;
  const mb = Number(megabytes);
  if (!(mb > 0)) throw new SettingError(`MAX_UPLOAD_MB must be a positive number of megabytes, not "${megabytes}"`);
  return Math.min(Math.round(mb * 1024 * 1024), MAX_INPUT_BYTES);
}
