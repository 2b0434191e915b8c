/*
 * The Socket.IO side of the server: a socket from another origin is refused, a socket is
 * authenticated by its session cookie before it connects, every event is validated against the
 * protocol, and joining a dossier's room is decided by the same policy as the REST routes. News
 * is sent only after the policy is asked again for each socket, so a member removed from a
 * restricted dossier, or signed out, hears nothing more of it.
 */
import type { Server as HttpServer, IncomingMessage } from "node:http";
import type { Logger } from "pino";
import { Server } from "socket.io";
import {
  joinDossier,
  type ClientEvents,
  type ConnectionRefusal,
  type DossierRemovedNews,
  type ServerEvents,
  type SocketAnswer,
} from "../../shared/protocol/socket";
import { describeIssues } from "../../shared/protocol/api";
import { decide } from "../policies/dossier-policy";
import type { Sessions } from "../accounts/sessions";
import type { Store, UserRecord } from "../storage/store";
import type { DossierEvents } from "./dossier-events";
import { isSameOrigin } from "../http/same-origin";
import { answersTo } from "../http/loopback";
import { MessageBudget } from "./message-budget";

interface SocketData {
  user: UserRecord;
  /** The Cookie header the socket connected with: its session, checked again before news is sent. */
  cookie: string | undefined;
}

const room = (dossierId: number) => `dossier:${dossierId}`;

/** The error a refused connection is told of: its message, and its code in `data`. */
function refused(message: string, code: ConnectionRefusal["code"]): Error & { data: ConnectionRefusal } {
  return Object.assign(new Error(message), { data: { code } });
}

/** A socket in a dossier's room, as fetched to be told its news. */
type RoomSocket = Awaited<ReturnType<Server<ClientEvents, ServerEvents, Record<string, never>, SocketData>["fetchSockets"]>>[number];

export class Realtime {
  private readonly io: Server<ClientEvents, ServerEvents, Record<string, never>, SocketData>;
  private readonly budget = new MessageBudget();

  constructor(
    http: HttpServer,
    private readonly store: Store,
    private readonly sessions: Sessions,
    events: DossierEvents,
    logger: Logger,
    allowedHosts: readonly string[] | null = null,
  ) {
    this.io = new Server(http, {
      serveClient: false,
      maxHttpBufferSize: 1_000_000,
      allowRequest: (req: IncomingMessage, callback) =>
        callback(null, isSameOrigin(req.headers) && answersTo(req.headers.host, allowedHosts)),
    });
    this.io.use((socket, next) => {
      sessions
        .user(socket.handshake.headers.cookie)
        .then((user) => {
          if (!user) return next(refused("not signed in", "signed-out"));
          socket.data.user = user;
          socket.data.cookie = socket.handshake.headers.cookie;
          next();
        })
        .catch(() => next(refused("could not check the session", "internal")));
    });
    this.io.on("connection", (socket) => {
      // Counted before anything is looked up: past the budget, the socket is cut off, and the messages behind go unread.
      socket.use((_message, next) => {
        if (this.budget.take(socket.data.user.id)) return next();
        if (socket.connected) {
          logger.warn({ userId: socket.data.user.id }, "a socket sent more messages than a page ever does, and was disconnected");
          socket.disconnect(true);
        }
      });
      socket.on("dossier:join", (payload, ack) => {
        const answer = (a: SocketAnswer) => (typeof ack === "function" ? ack(a) : undefined);
        const parsed = joinDossier.safeParse(payload);
        if (!parsed.success) return answer({ ok: false, error: { code: "invalid-message", message: describeIssues(parsed.error) } });
        const { dossierId } = parsed.data;
        void (async () => {
          const access = await this.access(socket.data, dossierId);
          if (access === "signed-out") return answer({ ok: false, error: { code: "signed-out", message: "your session has ended" } });
          if (access === "not-found") return answer({ ok: false, error: { code: "not-found", message: `no dossier ${dossierId}` } });
          await socket.join(room(dossierId));
          answer({ ok: true });
        })().catch(() => answer({ ok: false, error: { code: "internal", message: "could not join the dossier" } }));
      });
    });
    events.on("version-added", (news) => void this.tell(news.dossierId, (socket) => socket.emit("dossier:version-added", news)));
    events.on("version-removed", (news) => void this.tell(news.dossierId, (socket) => socket.emit("dossier:version-removed", news)));
    events.on("overrides-changed", (news) => void this.tell(news.dossierId, (socket) => socket.emit("dossier:overrides-changed", news)));
    // No news for those who may still read it; those who may not are told they left, at once.
    events.on("members-changed", (news) => void this.tell(news.dossierId, () => undefined));
    // Everyone on its pages is told why they are live no more.
    events.on("dossier-removed", (news) => void this.removed(news));
  }

  /**
   * Whether the socket's user may still read the dossier; if not, whether its session has ended,
   * or the dossier is none of theirs (there is none, or they may not read it).
   */
  private async access(data: SocketData, dossierId: number): Promise<"read" | "signed-out" | "not-found"> {
    const user = await this.sessions.user(data.cookie);
    if (!user) return "signed-out";
    const dossier = await this.store.dossier(dossierId);
    const role = dossier ? await this.store.roleOf(dossierId, user.id) : null;
    return dossier !== null && decide(dossier, role, "read") === "allowed" ? "read" : "not-found";
  }

  /** Sends news of a dossier to each socket in its room that may still read it. */
  private async tell(dossierId: number, send: (socket: RoomSocket) => void): Promise<void> {
    for (const socket of await this.io.in(room(dossierId)).fetchSockets()) {
      const access = await this.access(socket.data, dossierId);
      if (access === "read") send(socket);
      else {
        // Told without the news: the page says it is live no more instead of going quietly stale.
        socket.emit("dossier:left", {
          dossierId,
          reason: access === "signed-out" ? "your session has ended" : "you may no longer read this dossier",
        });
        socket.leave(room(dossierId));
      }
    }
  }

  /**
   * Tells each socket in a removed dossier's room that it is gone, and by whom, and empties the
   * room. A socket whose session has ended (signed out, or its password set anew) is told only that.
   */
  private async removed(news: DossierRemovedNews): Promise<void> {
    for (const socket of await this.io.in(room(news.dossierId)).fetchSockets()) {
      if ((await this.sessions.user(socket.data.cookie)) === null)
        socket.emit("dossier:left", { dossierId: news.dossierId, reason: "your session has ended" });
      else socket.emit("dossier:removed", news);
      socket.leave(room(news.dossierId));
    }
  }

  close(): Promise<void> {
    return this.io.close();
  }
}
