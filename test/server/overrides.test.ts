/*
 * Saving alignment overrides: a list the alignment could not follow is refused whole, with what
 * is wrong with each override, and the list saved before stays as it was.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addTextVersion, ApiClient, testServer, type TestServer } from "../support/server";

let server: TestServer;
let owner: ApiClient;
let dossier: number;
const versions: number[] = [];

const TEXT = "Article 1\nSubject matter\nThis Regulation lays down rules.\n\nArticle 2\nThis Regulation enters into force.\n";

beforeAll(async () => {
  server = await testServer();
  owner = await new ApiClient(server.url).signIn("commission");
  dossier = (await owner.request<{ dossier: { id: number } }>("POST", "/api/dossiers", { title: "Overrides test" })).body.dossier.id;
  for (const name of ["Proposal", "Mandate"]) versions.push((await addTextVersion(owner, dossier, name, TEXT)).body.version.id);
});

afterAll(() => server.close());

const saved = async () =>
  (await owner.request<{ dossier: { overrides: unknown[] } }>("GET", `/api/dossiers/${dossier}`)).body.dossier.overrides;

describe("saving overrides", () => {
  it("keeps a sound list, and refuses one naming missing provisions or one version twice, keeping the list before", async () => {
    const [a, b] = versions as [number, number];
    const sound = [{ kind: "pin", a: { version: a, eId: "art_1" }, b: { version: b, eId: "art_2" } }];
    expect((await owner.request("PUT", `/api/dossiers/${dossier}/overrides`, { overrides: sound })).status).toBe(200);

    const hostile = [
      { kind: "pin", a: { version: a, eId: "art_999" }, b: { version: b, eId: "<script>alert(1)</script>" } },
      { kind: "separate", a: { version: a, eId: "art_1" }, b: { version: a, eId: "art_2" } },
    ];
    const refused = await owner.request("PUT", `/api/dossiers/${dossier}/overrides`, { overrides: hostile });
    expect([refused.status, refused.body]).toEqual([
      400,
      {
        error: {
          code: "invalid-request",
          message:
            "the overrides were not saved: override 1 names art_999, which Proposal does not have, and <script>alert(1)</script>, " +
            "which Mandate does not have; override 2 names two provisions of Proposal: an override joins or separates provisions of two versions",
        },
      },
    ]);
    expect(await saved()).toEqual(sound);
  });

  it("refuses pins that put two provisions of one version in one row", async () => {
    const [a, b] = versions as [number, number];
    const pins = [
      { kind: "pin", a: { version: a, eId: "art_1" }, b: { version: b, eId: "art_1" } },
      { kind: "pin", a: { version: a, eId: "art_1" }, b: { version: b, eId: "art_2" } },
    ];
    const refused = await owner.request<{ error: { message: string } }>("PUT", `/api/dossiers/${dossier}/overrides`, { overrides: pins });
    expect([refused.status, refused.body.error.message]).toEqual([
      400,
      "the overrides were not saved: pins 1 and 2 put Article 1 and Article 2 of Mandate in one row: a row holds one provision of each version",
    ]);
  });

  it("keeps a change made to the list the sender loaded, and refuses one made to a list someone else has changed since", async () => {
    const [a, b] = versions as [number, number];
    const first = { kind: "pin", a: { version: a, eId: "art_1" }, b: { version: b, eId: "art_1" } };
    const second = { kind: "separate", a: { version: a, eId: "art_2" }, b: { version: b, eId: "art_2" } };
    expect((await owner.request("PUT", `/api/dossiers/${dossier}/overrides`, { overrides: [] })).status).toBe(200);
    // Two people load the empty list; the first saves a pin.
    const put = (overrides: unknown[], expected: unknown[]) =>
      owner.request("PUT", `/api/dossiers/${dossier}/overrides`, { overrides, expected });
    expect((await put([first], [])).status).toBe(200);
    // The second, still working from the empty list, would undo it.
    const late = await put([second], []);
    expect([late.status, late.body]).toEqual([
      409,
      {
        error: {
          code: "overrides-changed",
          message:
            "the alignment corrections were changed since you loaded them (by another member, or by you elsewhere); nothing was saved: load them again and redo your change",
        },
      },
    ]);
    expect(await saved()).toEqual([first]);
    expect((await put([first, second], [first])).status).toBe(200);
    expect(await saved()).toEqual([first, second]);
  });

  it("keeps one of two saves sent at once from the same list, and refuses the other", async () => {
    const [a, b] = versions as [number, number];
    expect((await owner.request("PUT", `/api/dossiers/${dossier}/overrides`, { overrides: [] })).status).toBe(200);
    const pin = (eId: string) => ({ kind: "pin", a: { version: a, eId }, b: { version: b, eId } });
    const answers = await Promise.all(
      ["art_1", "art_2"].map((eId) => owner.request("PUT", `/api/dossiers/${dossier}/overrides`, { overrides: [pin(eId)], expected: [] })),
    );
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await saved()).toHaveLength(1);
  });

  it("sends a comparison with the corrections it was made with: those between two of its versions, not those of another table", async () => {
    const [a, b] = versions as [number, number];
    const c = (await addTextVersion(owner, dossier, "Compromise", TEXT)).body.version.id;
    const between = { kind: "pin", a: { version: a, eId: "art_1" }, b: { version: b, eId: "art_2" } };
    const elsewhere = { kind: "separate", a: { version: a, eId: "art_1" }, b: { version: c, eId: "art_1" } };
    expect((await owner.request("PUT", `/api/dossiers/${dossier}/overrides`, { overrides: [between, elsewhere] })).status).toBe(200);
    const table = async (ids: number[]) =>
      (
        await owner.request<{ versionIds: number[]; overrides: unknown[]; rows: { cells: ({ eId: string } | null)[] }[] }>(
          "GET",
          `/api/dossiers/${dossier}/compare?versions=${ids.join(",")}`,
        )
      ).body;
    const ab = await table([a, b]);
    expect(ab.overrides).toEqual([between]);
    // The pin is followed: Article 1 of the one beside Article 2 of the other.
    expect(ab.rows.some((row) => row.cells[0]?.eId === "art_1" && row.cells[1]?.eId === "art_2")).toBe(true);
    expect((await table([b, c])).overrides).toEqual([]);
    expect((await table([c, a])).overrides).toEqual([elsewhere]);
  });
});
