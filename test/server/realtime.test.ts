/*
 * Socket.IO on the same port: a socket without a session is refused before it connects, a join
 * message is validated, the policy decides who may join a dossier's room, and the room hears of
 * versions added and removed.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { io, type Socket } from "socket.io-client";
import type { ClientEvents, ServerEvents, SocketAnswer } from "../../shared/protocol/socket";
import { addTextVersion, ApiClient, dossierId, testServer, type TestServer } from "../support/server";
import { MESSAGES_PER_MINUTE } from "../../server/realtime/message-budget";

let server: TestServer;
const sockets: Socket[] = [];

function connect(cookie: string): Promise<Socket<ServerEvents, ClientEvents>> {
  const socket: Socket<ServerEvents, ClientEvents> = io(server.url, {
    transports: ["websocket"],
    extraHeaders: cookie ? { cookie } : {},
    reconnection: false,
  });
  sockets.push(socket);
  return new Promise((resolve, reject) => {
    socket.on("connect", () => resolve(socket));
    socket.on("connect_error", reject);
  });
}

const join = (socket: Socket<ServerEvents, ClientEvents>, payload: unknown) =>
  new Promise<SocketAnswer>((resolve) => socket.emit("dossier:join", payload as { dossierId: number }, resolve));

beforeAll(async () => {
  server = await testServer();
});

afterAll(async () => {
  for (const s of sockets) s.close();
  await server.close();
});

describe("the realtime channel", () => {
  it("refuses a socket without a session", async () => {
    await expect(connect("")).rejects.toThrow(/not signed in/);
  });

  it("validates messages and lets the policy decide who joins a dossier", async () => {
    const ngo = await new ApiClient(server.url).signIn("ngo");
    const council = await new ApiClient(server.url).signIn("council");
    const socket = await connect(ngo.cookie);
    expect(await join(socket, { dossierId: "one" })).toMatchObject({ ok: false, error: { code: "invalid-message" } });
    expect(await join(socket, { dossierId: await dossierId(ngo, "Dual-use") })).toEqual({ ok: true });
    const limite = await dossierId(council, "Council working party");
    expect(await join(socket, { dossierId: limite })).toEqual({ ok: false, error: { code: "not-found", message: `no dossier ${limite}` } });
  });

  it("tells the members in a dossier's room of a new version", async () => {
    const ngo = await new ApiClient(server.url).signIn("ngo");
    const owner = await new ApiClient(server.url).signIn("commission");
    const dualUse = await dossierId(ngo, "Dual-use");
    const socket = await connect(ngo.cookie);
    expect(await join(socket, { dossierId: dualUse })).toEqual({ ok: true });
    const heard = new Promise((resolve) => socket.on("dossier:version-added", resolve));
    const added = await addTextVersion(owner, dualUse, "Compromise text", "Article 1\nThis Regulation applies.\n", "compromise");
    expect(await heard).toEqual({ dossierId: dualUse, versionId: added.body.version.id, name: "Compromise text" });
  });

  it("tells the members in a dossier's room that its alignment corrections changed, and who changed them", async () => {
    const ngo = await new ApiClient(server.url).signIn("ngo");
    const owner = await new ApiClient(server.url).signIn("commission");
    const dualUse = await dossierId(ngo, "Dual-use");
    const socket = await connect(ngo.cookie);
    expect(await join(socket, { dossierId: dualUse })).toEqual({ ok: true });
    const heard = new Promise((resolve) => socket.on("dossier:overrides-changed", resolve));
    const pin = { kind: "pin", a: { version: 1, eId: "rec_1" }, b: { version: 2, eId: "rec_1" } };
    expect((await owner.request("PUT", `/api/dossiers/${dualUse}/overrides`, { overrides: [pin] })).status).toBe(200);
    const me = await owner.request<{ user: { id: number; displayName: string } }>("GET", "/api/session");
    // With the list as it now is, so that a page that shows it already need say nothing.
    expect(await heard).toEqual({ dossierId: dualUse, userId: me.body.user.id, by: me.body.user.displayName, overrides: [pin] });
  });

  it("tells the members that the corrections changed when a version removed takes some with it", async () => {
    const ngo = await new ApiClient(server.url).signIn("ngo");
    const owner = await new ApiClient(server.url).signIn("commission");
    const dualUse = await dossierId(ngo, "Dual-use");
    const added = await addTextVersion(owner, dualUse, "Draft with a pin", "Article 1\nThis Regulation applies.\n");
    const pin = { kind: "pin", a: { version: 1, eId: "art_1" }, b: { version: added.body.version.id, eId: "art_1" } };
    expect((await owner.request("PUT", `/api/dossiers/${dualUse}/overrides`, { overrides: [pin] })).status).toBe(200);
    const socket = await connect(ngo.cookie);
    expect(await join(socket, { dossierId: dualUse })).toEqual({ ok: true });
    const heard = new Promise((resolve) => socket.on("dossier:overrides-changed", resolve));
    expect((await owner.request("DELETE", `/api/dossiers/${dualUse}/versions/${added.body.version.id}`)).status).toBe(204);
    expect(await heard).toMatchObject({ dossierId: dualUse, by: "Commission policy officer", overrides: [] });
  });

  it("tells the members in a dossier's room of a version removed", async () => {
    const ngo = await new ApiClient(server.url).signIn("ngo");
    const owner = await new ApiClient(server.url).signIn("commission");
    const dualUse = await dossierId(ngo, "Dual-use");
    const added = await addTextVersion(owner, dualUse, "Uploaded by mistake", "Article 1\nA wrong file.\n");
    const socket = await connect(ngo.cookie);
    expect(await join(socket, { dossierId: dualUse })).toEqual({ ok: true });
    const heard = new Promise((resolve) => socket.on("dossier:version-removed", resolve));
    expect((await owner.request("DELETE", `/api/dossiers/${dualUse}/versions/${added.body.version.id}`)).status).toBe(204);
    expect(await heard).toEqual({ dossierId: dualUse, versionId: added.body.version.id, name: "Uploaded by mistake" });
  });
});

describe("the realtime channel over long polling, Socket.IO's default", () => {
  it("connects, joins and hears news without disturbing the HTTP routes", async () => {
    const ngo = await new ApiClient(server.url).signIn("ngo");
    const owner = await new ApiClient(server.url).signIn("commission");
    const socket: Socket<ServerEvents, ClientEvents> = io(server.url, {
      transports: ["polling"],
      extraHeaders: { cookie: ngo.cookie },
      reconnection: false,
    });
    sockets.push(socket);
    await new Promise<void>((resolve, reject) => {
      socket.on("connect", resolve);
      socket.on("connect_error", reject);
    });
    const dualUse = await dossierId(ngo, "Dual-use");
    expect(await join(socket, { dossierId: dualUse })).toEqual({ ok: true });
    const heard = new Promise((resolve) => socket.on("dossier:version-added", resolve));
    expect((await addTextVersion(owner, dualUse, "Polled", "Article 1\nPolling works.\n")).status).toBe(201);
    expect(await heard).toMatchObject({ name: "Polled" });
    expect((await ngo.request("GET", "/api/session")).status).toBe(200);
  });
});

describe("news of a restricted dossier", () => {
  it("tells a member removed from it at once that they left, before any other news", async () => {
    const council = await new ApiClient(server.url).signIn("council");
    const commission = await new ApiClient(server.url).signIn("commission");
    const limite = await dossierId(council, "Council working party");
    await council.request("PUT", `/api/dossiers/${limite}/members`, { username: "commission", role: "reader" });
    const socket = await connect(commission.cookie);
    expect(await join(socket, { dossierId: limite })).toEqual({ ok: true });
    const left = new Promise((resolve) => socket.on("dossier:left", resolve));
    expect((await council.request("DELETE", `/api/dossiers/${limite}/members/commission`)).status).toBe(204);
    expect(await left).toEqual({ dossierId: limite, reason: "you may no longer read this dossier" });
  });

  it("stops for a member who is removed, and for one who signs out", async () => {
    const council = await new ApiClient(server.url).signIn("council");
    const ngo = await new ApiClient(server.url).signIn("ngo");
    const parliament = await new ApiClient(server.url).signIn("parliament");
    const limite = await dossierId(council, "Council working party");
    await council.request("PUT", `/api/dossiers/${limite}/members`, { username: "ngo", role: "reader" });
    await council.request("PUT", `/api/dossiers/${limite}/members`, { username: "parliament", role: "reader" });
    const ngoSocket = await connect(ngo.cookie);
    const parliamentSocket = await connect(parliament.cookie);
    expect(await join(ngoSocket, { dossierId: limite })).toEqual({ ok: true });
    expect(await join(parliamentSocket, { dossierId: limite })).toEqual({ ok: true });
    // Told that they left the room, without the news itself.
    const left = [ngoSocket, parliamentSocket].map((s) => new Promise((resolve) => s.on("dossier:left", resolve)));
    await council.request("DELETE", `/api/dossiers/${limite}/members/ngo`);
    await parliament.request("DELETE", "/api/session");
    const leaked: unknown[] = [];
    ngoSocket.on("dossier:version-added", (e) => leaked.push(e));
    parliamentSocket.on("dossier:version-added", (e) => leaked.push(e));
    const councilSocket = await connect(council.cookie);
    expect(await join(councilSocket, { dossierId: limite })).toEqual({ ok: true });
    const heard = new Promise((resolve) => councilSocket.on("dossier:version-added", resolve));
    expect((await addTextVersion(council, limite, "Secret compromise text", "Article 1\nSecret compromise.\n")).status).toBe(201);
    expect(await heard).toMatchObject({ name: "Secret compromise text" });
    expect(await Promise.all(left)).toEqual([
      { dossierId: limite, reason: "you may no longer read this dossier" },
      { dossierId: limite, reason: "your session has ended" },
    ]);
    await new Promise((r) => setTimeout(r, 200));
    expect(leaked).toEqual([]);
    // Asking to join again, the signed-out socket is told why, apart from a dossier that is none of its user's.
    expect(await join(parliamentSocket, { dossierId: limite })).toEqual({
      ok: false,
      error: { code: "signed-out", message: "your session has ended" },
    });
    expect(await join(ngoSocket, { dossierId: limite })).toEqual({
      ok: false,
      error: { code: "not-found", message: `no dossier ${limite}` },
    });
  });

  it("tells a socket whose session ended that it did, and not who removed its dossier", async () => {
    const commission = await new ApiClient(server.url).signIn("commission");
    const parliament = await new ApiClient(server.url).signIn("parliament");
    const council = await new ApiClient(server.url).signIn("council");
    const id = (await commission.request<{ dossier: { id: number } }>("POST", "/api/dossiers", { title: "Removed while signed out" })).body
      .dossier.id;
    for (const username of ["parliament", "council"])
      await commission.request("PUT", `/api/dossiers/${id}/members`, { username, role: "reader" });
    const parliamentSocket = await connect(parliament.cookie);
    const councilSocket = await connect(council.cookie);
    expect(await join(parliamentSocket, { dossierId: id })).toEqual({ ok: true });
    expect(await join(councilSocket, { dossierId: id })).toEqual({ ok: true });
    const heard: [string, unknown][] = [];
    for (const event of ["dossier:removed", "dossier:left"] as const)
      parliamentSocket.on(event, (news: unknown) => heard.push([event, news]));
    const councilHeard = new Promise((resolve) => councilSocket.on("dossier:removed", resolve));
    await parliament.request("DELETE", "/api/session");
    expect((await commission.request("DELETE", `/api/dossiers/${id}`)).status).toBe(204);
    expect(await councilHeard).toMatchObject({ dossierId: id });
    await new Promise((r) => setTimeout(r, 200));
    expect(heard).toEqual([["dossier:left", { dossierId: id, reason: "your session has ended" }]]);
  });
});

describe("requests from another origin", () => {
  it("are refused for sockets and for requests that change data", async () => {
    const ngo = await new ApiClient(server.url).signIn("ngo");
    const socket = io(server.url, {
      transports: ["polling"],
      extraHeaders: { cookie: ngo.cookie, origin: "http://evil.example" },
      reconnection: false,
    });
    sockets.push(socket);
    await expect(
      new Promise<void>((resolve, reject) => {
        socket.on("connect", () => resolve());
        socket.on("connect_error", reject);
      }),
    ).rejects.toThrow();
    const post = await ngo.request("POST", "/api/dossiers", { title: "From elsewhere" }, { origin: "http://evil.example" });
    expect(post.status).toBe(403);
    expect((await ngo.request("POST", "/api/dossiers", { title: "From here" }, { origin: server.url })).status).toBe(201);
  });
});

describe("a socket that floods the server with messages", () => {
  it("is cut off once its user's sockets have sent more than a page ever does in a minute, and the server goes on answering", async () => {
    const flooder = await new ApiClient(server.url).signIn("parliament");
    const dualUse = await dossierId(flooder, "Dual-use");
    const socket = await connect(flooder.cookie);
    const cut = new Promise<string>((resolve) => socket.on("disconnect", resolve));
    let answered = 0;
    for (let k = 0; k < 5_000; k++) socket.emit("dossier:join", { dossierId: dualUse }, () => answered++);
    expect(await cut).toBe("io server disconnect");
    expect(answered).toBeLessThanOrEqual(MESSAGES_PER_MINUTE);
    // Others are answered as before.
    const ngo = await new ApiClient(server.url).signIn("ngo");
    expect(await join(await connect(ngo.cookie), { dossierId: dualUse })).toEqual({ ok: true });
  });
});
