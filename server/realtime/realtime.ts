/*
 * The Socket.IO side of the server: a socket is authenticated by its session cookie before it
 * connects, every event is validated against the protocol, and joining a dossier's room is
 * decided by the same policy as the REST routes.
 */
import type { Server as HttpServer } from "node:http";
import { Server } from "socket.io";
import { joinDossier, type ClientEvents, type ServerEvents, type SocketAnswer } from "../../shared/protocol/socket";
import { describeIssues } from "../../shared/protocol/api";
import { decide } from "../policies/dossier-policy";
import type { Sessions } from "../accounts/sessions";
import type { Store, UserRecord } from "../storage/store";

interface SocketData {
  user: UserRecord;
}

const room = (dossierId: number) => `dossier:${dossierId}`;

export class Realtime {
  private readonly io: Server<ClientEvents, ServerEvents, Record<string, never>, SocketData>;

  constructor(http: HttpServer, store: Store, sessions: Sessions) {
    this.io = new Server(http, { serveClient: false, maxHttpBufferSize: 1_000_000 });
    this.io.use((socket, next) => {
      sessions
        .user(socket.handshake.headers.cookie)
        .then((user) => {
          if (!user) return next(new Error("not signed in"));
          socket.data.user = user;
          next();
        })
        .catch(next);
    });
    this.io.on("connection", (socket) => {
      socket.on("dossier:join", (payload, ack) => {
        const answer = (a: SocketAnswer) => (typeof ack === "function" ? ack(a) : undefined);
        const parsed = joinDossier.safeParse(payload);
        if (!parsed.success) return answer({ ok: false, error: { code: "invalid-message", message: describeIssues(parsed.error) } });
        const { dossierId } = parsed.data;
        void (async () => {
          const dossier = await store.dossier(dossierId);
          const role = dossier ? await store.roleOf(dossierId, socket.data.user.id) : null;
          if (!dossier || decide(dossier, role, "read") !== "allowed") {
            return answer({ ok: false, error: { code: "not-found", message: `no dossier ${dossierId}` } });
          }
          await socket.join(room(dossierId));
          answer({ ok: true });
        })().catch(() => answer({ ok: false, error: { code: "internal", message: "could not join the dossier" } }));
      });
    });
  }

  versionAdded(dossierId: number, versionId: number, name: string): void {
    this.io.to(room(dossierId)).emit("dossier:version-added", { dossierId, versionId, name });
  }

  close(): Promise<void> {
    return this.io.close();
  }
}
