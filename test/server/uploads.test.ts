/*
 * Uploading versions to a real server: every real act in the corpus is imported with its counts;
 * broken, hostile and oversized files are answered 4xx with the reason and nothing is stored.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIXTURES } from "../support/fixtures";
import { ApiClient, testServer, type TestServer } from "../support/server";
import { hold } from "../support/held";
import { MulterError } from "multer";
import { unreadableUpload } from "../../server/http/routes/versions";
import { HttpError } from "../../server/http/errors";
import { knownBrowserCookie } from "../../server/accounts/known-browsers";

let server: TestServer;
let owner: ApiClient;
let dossier: number;

function form(
  bytes: Uint8Array<ArrayBuffer> | string,
  file: string,
  fields: Record<string, string> = { name: file, stage: "other" },
): FormData {
  const data = new FormData();
  data.set("file", new Blob([bytes]), file);
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
}

async function versionNames(): Promise<string[]> {
  const { body } = await owner.request<{ dossier: { versions: { name: string }[] } }>("GET", `/api/dossiers/${dossier}`);
  return body.dossier.versions.map((v) => v.name);
}

async function versionCount(): Promise<number> {
  const { body } = await owner.request<{ dossier: { versions: unknown[] } }>("GET", `/api/dossiers/${dossier}`);
  return body.dossier.versions.length;
}

beforeAll(async () => {
  server = await testServer({ env: { SYNOPSIS_DEMO: "1", MAX_UPLOAD_MB: "2" } });
  owner = await new ApiClient(server.url).signIn("commission");
  dossier = (await owner.request<{ dossier: { id: number } }>("POST", "/api/dossiers", { title: "Uploads" })).body.dossier.id;
});

afterAll(() => server.close());

const CORPUS = readdirSync(join(FIXTURES, "eurlex")).filter((f) => /\.(xml|xhtml|zip)$/.test(f));

describe("uploading the real acts of the corpus", () => {
  it.each(CORPUS)("imports %s and answers with its summary", async (file) => {
    const answer = await owner.request<{ version: { id: number; counts: Record<string, number>; words: number; format: string } }>(
      "POST",
      `/api/dossiers/${dossier}/versions`,
      form(new Uint8Array(readFileSync(join(FIXTURES, "eurlex", file))), file),
    );
    expect(answer.status).toBe(201);
    expect(answer.body.version.counts.article).toBeGreaterThan(20);
    expect(answer.body.version.words).toBeGreaterThan(8000);
    const outline = await owner.request<{ provisions: { type: string }[] }>(
      "GET",
      `/api/dossiers/${dossier}/versions/${answer.body.version.id}`,
    );
    expect(outline.status).toBe(200);
    expect(outline.body.provisions.filter((p) => p.type === "article" || p.type === "chapter").length).toBeGreaterThan(0);
  });
});

describe("bad uploads store nothing and say why", () => {
  const cases: [string, () => FormData, number, RegExp][] = [
    [
      "an empty file, named beyond ASCII as browsers send it (UTF-8)",
      () => form("", "Verordnung-ä€.xml", { name: "Verordnung", stage: "other" }),
      422,
      /^Verordnung-ä€\.xml: the file is empty/,
    ],
    [
      "malformed XML",
      () => form('<?xml version="1.0"?>\n<ACT><TITLE></ACT>', "broken.xml"),
      422,
      /broken\.xml, line 2, column \d+: not well-formed XML/,
    ],
    [
      "entity expansion (billion laughs)",
      () =>
        form(
          `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><akomaNtoso>&lol1;</akomaNtoso>`,
          "lolz.xml",
        ),
      422,
      /entity declarations are refused/,
    ],
    [
      "an external entity",
      () => form('<?xml version="1.0"?><!DOCTYPE ACT [<!ENTITY x SYSTEM "file:///etc/passwd">]><ACT>&x;</ACT>', "xxe.xml"),
      422,
      /entity declarations are refused/,
    ],
    [
      "elements nested 200,000 deep (which once kept the parser busy for minutes)",
      () => form(`<?xml version="1.0"?>\n<ACT>${"<P>".repeat(200_000)}${"</P>".repeat(200_000)}</ACT>`, "deep.fmx.xml"),
      422,
      /^deep\.fmx\.xml, line 2, column \d+: elements are nested more than 256 deep/,
    ],
    ["a file of an unknown kind", () => form("<invoice><total>1</total></invoice>", "invoice.xml"), 422, /none of the known kinds/],
    ["an empty file", () => form("", "empty.txt"), 422, /empty/],
    ["a version without a name", () => form("Article 1\nWords.\n", "nameless.txt", { stage: "other" }), 400, /^name: name is missing$/],
    [
      "a name with control characters",
      () => form("Article 1\nWords.\n", "bell.txt", { name: "Council\u0007 text", stage: "other" }),
      400,
      /^name: name must not hold control characters/,
    ],
    [
      "a name that turns its text right to left",
      () => form("Article 1\nWords.\n", "rtl.txt", { name: "Council \u202etxet", stage: "other" }),
      400,
      /^name: name must not hold control characters/,
    ],
    [
      "a file over the upload limit",
      () => form(new Uint8Array(3 * 1024 * 1024).fill(65), "huge.txt"),
      413,
      /^the file is over the upload limit of 2 MiB; nothing was stored$/,
    ],
    [
      "no file at all",
      () => {
        const f = new FormData();
        f.set("name", "nothing");
        return f;
      },
      400,
      /no file/,
    ],
    [
      "a stage that does not exist",
      () => form("Article 1\nText.\n", "act.txt", { name: "x", stage: "wishful" }),
      400,
      /stage must be one of/,
    ],
    ["a broken zip", () => form(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), "broken.zip"), 422, /zip/i],
    [
      "a text with no provisions: notes, not an act",
      () => form("Notes of the meeting\nWe talked about exports of surveillance items.\n", "notes.txt"),
      422,
      /^notes\.txt: no provisions were found in this text file .*"Article 1"/,
    ],
    [
      "an act whose provisions are numbers alone, which no comparison could take",
      () => form("(1)\n(1)\nArticle 1a\nArticle 1a\n", "numbers.txt"),
      422,
      /^numbers\.txt: the act in this text file has no words to compare: its \d+ provisions have a number at most, so it could not be compared with any version$/,
    ],
  ];

  it.each(cases)("refuses %s", async (_, make, status, message) => {
    const before = await versionCount();
    const answer = await owner.request<{ error: { code: string; message: string } }>("POST", `/api/dossiers/${dossier}/versions`, make());
    expect(answer.status).toBe(status);
    expect(answer.body.error.message).toMatch(message);
    expect(await versionCount()).toBe(before);
  });

  it("keeps a page of words standing where the title should be cut short, with a warning, so that listings stay light", async () => {
    const text = `${"WORDS ".repeat(2000)}\nArticle 1\nThe Member States shall ensure things.\n`;
    const answer = await owner.request<{ version: { title: string; warnings: string[] } }>(
      "POST",
      `/api/dossiers/${dossier}/versions`,
      form(text, "long-title.txt"),
    );
    expect(answer.status).toBe(201);
    expect(answer.body.version.title).toHaveLength(400);
    expect(answer.body.version.warnings).toContain("long-title.txt: the title is 11999 characters long; it is kept cut to 400");
  });

  it.each([
    ["a short one", "Article 1\nWords.\n"],
    ["one longer than a field may be", "Article 1\nWords.\n".repeat(400)],
  ])("tells a sender whose file part has no filename to send it as a file: %s", async (_, words) => {
    const before = await versionCount();
    // A string is sent as a field, without a filename.
    const body = new FormData();
    body.set("name", "no filename");
    body.set("file", words);
    const answer = await owner.request<{ error: { code: string; message: string } }>("POST", `/api/dossiers/${dossier}/versions`, body);
    expect([answer.status, answer.body.error]).toEqual([
      400,
      { code: "invalid-upload", message: 'the field "file" was sent without a filename: send the file as a file, with its name' },
    ]);
    expect(await versionCount()).toBe(before);
  });

  it("refuses a multipart body cut short, or without a boundary, with a 400 that says so", async () => {
    const before = await versionCount();
    const path = `/api/dossiers/${dossier}/versions`;
    const cut = '--x\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\nArticle 1';
    const answers = [
      await owner.request<{ error: { code: string; message: string } }>("POST", path, cut, {
        "content-type": "multipart/form-data; boundary=x",
      }),
      await owner.request<{ error: { code: string; message: string } }>("POST", path, "Article 1", {
        "content-type": "multipart/form-data",
      }),
    ];
    expect(answers.map((a) => [a.status, a.body.error.code])).toEqual([
      [400, "invalid-upload"],
      [400, "invalid-upload"],
    ]);
    expect(answers[0]!.body.error.message).toBe("the upload could not be read as multipart form data: Unexpected end of form");
    expect(answers[1]!.body.error.message).toBe("the upload could not be read as multipart form data: Multipart: Boundary not found");
    expect(await versionCount()).toBe(before);
  });

  it("refuses a second version of the same name in a dossier, whatever its case, before reading the file", async () => {
    const act = "Article 1\nThis Regulation applies.\n";
    expect((await owner.request("POST", `/api/dossiers/${dossier}/versions`, form(act, "a.txt", { name: "Compromise A" }))).status).toBe(
      201,
    );
    const before = await versionCount();
    // A file that could not be read at all: refused for its name, so before it was read.
    const again = await owner.request<{ error: { code: string; message: string } }>(
      "POST",
      `/api/dossiers/${dossier}/versions`,
      form("Some notes without any article.", "b.txt", { name: "compromise a" }),
    );
    expect([again.status, again.body.error]).toEqual([
      409,
      {
        code: "name-taken",
        message:
          'the dossier already has a version named "Compromise A", which "compromise a" differs from only in capitals, spacing or characters of no width; give this one another name',
      },
    ]);
    // Nor one that differs only in spacing, which reads the same in the list.
    const spaced = await owner.request<{ error: { message: string } }>(
      "POST",
      `/api/dossiers/${dossier}/versions`,
      form(act, "c.txt", { name: "Compromise  A" }),
    );
    expect([spaced.status, spaced.body.error.message]).toEqual([
      409,
      'the dossier already has a version named "Compromise A", which "Compromise  A" differs from only in capitals, spacing or characters of no width; give this one another name',
    ]);
    // Nor two sent at once whose names differ in the kind of space, or a character of no width: one is kept.
    const atOnce = await Promise.all(
      ["Draft\u00a0B", "Draft B", "Draft \u200bB"].map((name, k) =>
        owner.request("POST", `/api/dossiers/${dossier}/versions`, form(act, `d${k}.txt`, { name })),
      ),
    );
    expect(atOnce.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    expect(await versionCount()).toBe(before + 1);
  });

  it("answers as the sender's fault only what the multipart parser says of the body, not a fault of the server's", () => {
    const unreadable = unreadableUpload(new Error("Malformed part header"));
    expect(unreadable).toBeInstanceOf(HttpError);
    expect([(unreadable as HttpError).status, (unreadable as HttpError).message]).toEqual([
      400,
      "the upload could not be read as multipart form data: Malformed part header",
    ]);
    const fault = new TypeError("Cannot read properties of undefined (reading 'pipe')");
    expect(unreadableUpload(fault)).toBe(fault);
    const tooLarge = new MulterError("LIMIT_FILE_SIZE", "file");
    expect(unreadableUpload(tooLarge)).toBe(tooLarge);
  });

  it("refuses a missing body, or one that is not JSON, as such rather than as a body with every field missing", async () => {
    const missing = await owner.request<{ error: { message: string } }>("POST", "/api/dossiers");
    const text = await owner.request<{ error: { message: string } }>("POST", "/api/dossiers", "title=Uploads", {
      "content-type": "application/x-www-form-urlencoded",
    });
    expect([missing.status, text.status]).toEqual([400, 415]);
    for (const answer of [missing, text])
      expect(answer.body.error.message).toBe("the request needs a JSON object as its body, sent with Content-Type: application/json");
  });

  it("refuses a JSON body over the limit and malformed JSON", async () => {
    const big = await owner.request<{ error: unknown }>("POST", "/api/dossiers", { title: "x".repeat(300 * 1024) });
    expect([big.status, big.body.error]).toEqual([
      413,
      { code: "body-too-large", message: "the request body is over the limit of 256 KiB; nothing was stored" },
    ]);
    for (const body of ["{not json", "null", "123", '"title"']) {
      const bad = await owner.request("POST", "/api/dossiers", body, { "content-type": "application/json" });
      expect([bad.status, bad.body]).toEqual([
        400,
        { error: { code: "invalid-json", message: "the request body is not a JSON object: it is not JSON, or JSON of another kind" } },
      ]);
    }
  });

  it("refuses an upload sent as JSON, saying how an upload is sent", async () => {
    const sent = await owner.request("POST", `/api/dossiers/${dossier}/versions`, { name: "x", file: "Article 1" });
    expect([sent.status, sent.body]).toEqual([
      415,
      {
        error: {
          code: "invalid-upload",
          message: 'an upload is sent as multipart form data (Content-Type: multipart/form-data), the file in the field "file"',
        },
      },
    ]);
  });
});

describe("the cookies and the headers", () => {
  it("are httpOnly and SameSite=Strict, the session's and the known browser's, and pages carry a policy that allows no inline script", async () => {
    const response = await fetch(`${server.url}/api/session`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "ngo", password: "demo" }),
    });
    const cookies = response.headers.getSetCookie();
    expect(cookies.map((c) => c.slice(0, c.indexOf("=")))).toEqual(["synopsis_session", knownBrowserCookie("ngo")]);
    for (const cookie of cookies) {
      expect(cookie).toMatch(/; HttpOnly/i);
      expect(cookie).toMatch(/; SameSite=Strict/i);
    }
    const csp = response.headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(/script-src 'self'/);
    expect(csp).not.toMatch(/unsafe-inline/);
    expect(response.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("many uploads at once", () => {
  it("takes four of one sender's at a time, refuses a fifth with 429 before taking its file, and takes one again once one is done", async () => {
    // The files' reading is held, for the uploads to stay in progress.
    const reading = hold(server.services.imports, "read");
    try {
      const text = "Article 1\nThe exporter shall apply.\n";
      const send = (k: number) =>
        owner.request<{ error?: { code: string; message: string } }>(
          "POST",
          `/api/dossiers/${dossier}/versions`,
          form(text, `held-${k}.txt`),
        );
      const four = [1, 2, 3, 4].map(send);
      await reading.reached(4);
      const fifth = await send(5);
      expect([fifth.status, fifth.body.error]).toEqual([
        429,
        { code: "too-many-at-once", message: "you have 4 uploads in progress, the most one may: wait for one to finish" },
      ]);
      reading.release();
      expect((await Promise.all(four)).map((a) => a.status)).toEqual([201, 201, 201, 201]);
      expect((await send(5)).status).toBe(201);
    } finally {
      reading.restore();
    }
  });

  it("counts an upload whose sender hung up until the server is done with it, and stores none of it", async () => {
    const reading = hold(server.services.imports, "read");
    try {
      const text = "Article 1\nThe exporter shall apply.\n";
      const senders = [1, 2, 3, 4].map(() => new AbortController());
      const sent = senders.map((sender, k) =>
        fetch(`${server.url}/api/dossiers/${dossier}/versions`, {
          method: "POST",
          headers: { cookie: owner.cookie },
          body: form(text, `gone-${k}.txt`),
          signal: sender.signal,
        }).catch(() => "hung up"),
      );
      await reading.reached(4);
      for (const sender of senders) sender.abort();
      expect(await Promise.all(sent)).toEqual(["hung up", "hung up", "hung up", "hung up"]);
      // Time for the server to hear that they hung up (which is not to make room).
      await new Promise((r) => setTimeout(r, 200));
      const fifth = await owner.request("POST", `/api/dossiers/${dossier}/versions`, form(text, "fifth.txt"));
      expect(fifth.status).toBe(429);
      reading.release();
      while (reading.done() < 4) await new Promise((r) => setTimeout(r, 10));
      // The slots are given back once the handlers are done with the files, which they give up without storing them.
      let sixth = 429;
      for (let tries = 0; sixth === 429 && tries < 100; tries++) {
        sixth = (await owner.request("POST", `/api/dossiers/${dossier}/versions`, form(text, `sixth-${tries}.txt`))).status;
        if (sixth === 429) await new Promise((r) => setTimeout(r, 20));
      }
      expect(sixth).toBe(201);
      expect(await versionNames()).not.toContainEqual(expect.stringMatching(/^gone-/));
    } finally {
      reading.restore();
    }
  });

  it("does not store a file whose sender hung up while it was read", async () => {
    // Held once read, as the sender hangs up: the version would be stored next.
    const read = hold(server.services.imports, "read", "after");
    try {
      const sender = new AbortController();
      const sent = fetch(`${server.url}/api/dossiers/${dossier}/versions`, {
        method: "POST",
        headers: { cookie: owner.cookie },
        body: form("Article 1\nThe exporter shall apply.\n", "read-then-gone.txt"),
        signal: sender.signal,
      }).catch(() => "hung up");
      await read.reached();
      sender.abort();
      expect(await sent).toBe("hung up");
      // Time for the server to hear that the sender hung up.
      await new Promise((r) => setTimeout(r, 200));
      read.release();
      while (read.done() < 1) await new Promise((r) => setTimeout(r, 10));
      await new Promise((r) => setTimeout(r, 200));
      expect(await versionNames()).not.toContain("read-then-gone.txt");
    } finally {
      read.restore();
    }
  });
});
