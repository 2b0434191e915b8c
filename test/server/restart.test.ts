/*
 * What is stored survives a restart: the server stops cleanly (SIGTERM's path), starts again on
 * the same data folder, does not load the demonstration data twice, and serves the same answers.
 */
import { chmodSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { addTextVersion, ApiClient, dossierId, testServer } from "../support/server";

describe("a restart", () => {
  it("keeps users, sessions, dossiers, members, versions and overrides", async () => {
    const first = await testServer();
    const owner = await new ApiClient(first.url).signIn("commission");
    const created = await owner.request<{ dossier: { id: number } }>("POST", "/api/dossiers", {
      title: "Kept across restarts",
      restricted: true,
    });
    const id = created.body.dossier.id;
    await owner.request("PUT", `/api/dossiers/${id}/members`, { username: "ngo", role: "commenter" });
    const version = (
      await addTextVersion(
        owner,
        id,
        "Plain text",
        "Article 1\nSubject matter\nThis Regulation lays down rules.\n\nArticle 2\nThis Regulation enters into force.\n",
        "compromise",
      )
    ).body.version.id;
    const dualUse = await dossierId(owner, "Dual-use");
    const before = await owner.request("GET", `/api/dossiers/${id}`);
    const listBefore = await owner.request("GET", "/api/dossiers");
    await first.close();

    const second = await testServer({ dataDir: first.dataDir });
    try {
      const again = new ApiClient(second.url);
      again.cookie = owner.cookie;
      expect((await again.request("GET", "/api/session")).status).toBe(200);
      expect((await again.request("GET", `/api/dossiers/${id}`)).text).toBe(before.text);
      expect((await again.request("GET", "/api/dossiers")).text).toBe(listBefore.text);
      const outline = await again.request<{ provisions: { eId: string }[] }>("GET", `/api/dossiers/${id}/versions/${version}`);
      expect(outline.body.provisions.map((p) => p.eId)).toEqual(["art_1", "art_2"]);
      const compare = await again.request("GET", `/api/dossiers/${dualUse}/compare?versions=1,2,3,4`);
      expect(compare.status).toBe(200);
    } finally {
      await second.close();
    }
  });
});

describe("the data folder", () => {
  it("makes a database made before readable by its owner alone too", async () => {
    const first = await testServer();
    await first.close();
    chmodSync(join(first.dataDir, "synopsis.db"), 0o644);
    const second = await testServer({ dataDir: first.dataDir });
    try {
      expect(statSync(join(first.dataDir, "synopsis.db")).mode & 0o777).toBe(0o600);
    } finally {
      await second.close();
    }
  });

  it("keeps the database, its journal and the session secret readable by their owner alone", async () => {
    const server = await testServer({ env: { SESSION_SECRET: "" } });
    try {
      // A write, for the journal to be there.
      await new ApiClient(server.url).signIn("commission");
      const modes = ["synopsis.db", "synopsis.db-wal", "session-secret"].map((f) => statSync(join(server.dataDir, f)).mode & 0o777);
      expect(modes).toEqual([0o600, 0o600, 0o600]);
    } finally {
      await server.close();
    }
  });
});
