/*
 * The server's log says what happened to each request, with its request id, and never carries
 * a session token.
 */
import { Writable } from "node:stream";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { configFrom } from "../../server/config";
import { startServer } from "../../server/main";
import { createLogger } from "../../server/logger";
import { ApiClient } from "../support/server";

describe("the request log", () => {
  it("logs requests with their ids and keeps session cookies out", async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(...String(chunk).split("\n").filter(Boolean));
        done();
      },
    });
    const config = configFrom({ DATA_DIR: mkdtempSync(join(tmpdir(), "synopsis-logs-")), PORT: "0", SESSION_SECRET: "logs" });
    const server = await startServer(config, createLogger("info", sink));
    try {
      const client = await new ApiClient(server.url).signIn("ngo");
      const answer = await client.request("GET", "/api/dossiers");
      const token = client.cookie.split("=")[1]!;
      const requestId = answer.headers.get("x-request-id");
      const log = lines.join("\n");
      expect(log).toContain(requestId);
      expect(log).not.toContain(token.slice(0, 20));
      expect(log).toContain("[redacted]");
    } finally {
      await server.close();
    }
  });
});
