/*
 * Settings from the environment: the memory an import or a comparison may use follows the
 * machine unless IMPORT_MEMORY_MB or COMPARISON_MEMORY_MB says otherwise, and a value the worker
 * could not live with is refused at start.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { configFrom } from "../../server/config";
import { availableMemoryMiB, defaultWorkerMemoryMiB } from "../../server/workers/worker-memory";

const dataDir = mkdtempSync(join(tmpdir(), "synopsis-config-"));
const config = (env: Record<string, string> = {}) => configFrom({ DATA_DIR: dataDir, SESSION_SECRET: "test", ...env });

describe.each([
  ["IMPORT_MEMORY_MB", "importMemoryMiB"],
  ["COMPARISON_MEMORY_MB", "comparisonMemoryMiB"],
] as const)("%s", (setting, field) => {
  it("defaults to a quarter of the memory the process may have, from 256 to 2048 MiB", () => {
    const memory = defaultWorkerMemoryMiB();
    expect(memory).toBeGreaterThanOrEqual(256);
    expect(memory).toBeLessThanOrEqual(2048);
    expect(config()[field]).toBe(memory);
  });

  it("takes a whole number of megabytes", () => {
    expect(config({ [setting]: "512" })[field]).toBe(512);
  });

  it.each(["63", "0", "-100", "1.5", "lots", "", String(availableMemoryMiB() + 1), "99999999"])(
    "refuses %j, saying what it must be",
    (value) => {
      expect(() => config({ [setting]: value })).toThrow(
        `${setting} must be a whole number of megabytes from 64 to ${availableMemoryMiB()} (the memory this process may have), not "${value}"`,
      );
    },
  );

  it("takes all the memory the process may have, at most", () => {
    expect(config({ [setting]: String(availableMemoryMiB()) })[field]).toBe(availableMemoryMiB());
  });
});

describe("the other settings", () => {
  it.each([
    ["SYNOPSIS_DEMO", "false", 'SYNOPSIS_DEMO must be 1 (on) or 0 (off), not "false"'],
    ["SECURE_COOKIES", "true", 'SECURE_COOKIES must be 1 (on) or 0 (off), not "true"'],
    ["LOG_LEVEL", "loud", 'LOG_LEVEL must be one of trace, debug, info, warn, error, fatal, silent, not "loud"'],
    ["PORT", "", 'PORT must be a port number from 0 to 65535, not ""'],
  ])("refuses %s=%j, saying what it must be, rather than guess", (setting, value, message) => {
    expect(() => config({ [setting]: value })).toThrow(message);
  });

  it("takes the switches as 1 and 0", () => {
    expect([config({ SYNOPSIS_DEMO: "0" }).demo, config({ SECURE_COOKIES: "1" }).secureCookies, config().demo]).toEqual([
      false,
      true,
      true,
    ]);
  });

  it("answers to this machine's names alone when it listens on this machine alone, unless ALLOWED_HOSTS says more", () => {
    expect(config().allowedHosts).toEqual([]);
    expect(config({ HOST: "0.0.0.0" }).allowedHosts).toBeNull();
    expect(config({ ALLOWED_HOSTS: "*" }).allowedHosts).toBeNull();
    expect(config({ ALLOWED_HOSTS: "Synopsis.example.org, [2001:db8::1]" }).allowedHosts).toEqual([
      "synopsis.example.org",
      "[2001:db8::1]",
    ]);
    // A fully qualified name's dot, a container's service name, a comma at the end.
    expect(config({ ALLOWED_HOSTS: "example.org., synopsis_web," }).allowedHosts).toEqual(["example.org", "synopsis_web"]);
    expect(() => config({ ALLOWED_HOSTS: "synopsis.example.org:443" })).toThrow(
      'ALLOWED_HOSTS must be host names (no port) separated by commas, or *, not "synopsis.example.org:443": "synopsis.example.org:443" is no host name',
    );
  });

  it("names DATA_DIR when it cannot be a folder", () => {
    expect(() => configFrom({ DATA_DIR: "/etc/passwd", SESSION_SECRET: "test" })).toThrow(
      /^DATA_DIR \/etc\/passwd cannot be used as the data folder: EEXIST/,
    );
  });
});
