/*
 * Socket.IO on the same port: a socket without a session is refused before it connects, a join
 * message is validated, the policy decides who may join a dossier's room, and the room hears of
 * new versions.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { io, type Socket } from "socket.io-client";
import type { ClientEvents, ServerEvents, SocketAnswer } from "../../shared/protocol/socket";
import { ApiClient, dossierId, testServer, type TestServer } from "../support/server";

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
    const form = new FormData();
    form.set("file", new Blob(["Article 1\nThis Regulation applies.\n"]), "compromise.txt");
    form.set("name", "Compromise text");
    form.set("stage", "compromise");
    const added = await owner.request<{ version: { id: number } }>("POST", `/api/dossiers/${dualUse}/versions`, form);
    expect(await heard).toEqual({ dossierId: dualUse, versionId: added.body.version.id, name: "Compromise text" });
  });
});
