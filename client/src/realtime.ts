/*
 * The browser's end of the real-time channel: one Socket.IO connection, carrying the session
 * cookie, that joins the room of the dossier on screen and hands its events to that page. A page
 * that is left stops hearing them; signing out closes the connection.
 */
import { io, type Socket } from "socket.io-client";
import type {
  ClientEvents,
  ConnectionRefusal,
  DossierRemovedNews,
  OverridesNews,
  ServerEvents,
  VersionNews,
} from "../../shared/protocol/socket";

/** What a page does with the news of its dossier. */
export interface DossierListener {
  /** Left out by a page that has nothing to do with new versions (a comparison). */
  readonly versionAdded?: (news: VersionNews) => void;
  readonly versionRemoved: (news: VersionNews) => void;
  /** Left out by a page that shows no alignment (the dossier's page). */
  readonly overridesChanged?: (news: OverridesNews) => void;
  /** The dossier was removed, with its versions and corrections: there is no more news of it. */
  readonly dossierRemoved: (news: DossierRemovedNews) => void;
  /**
   * The server knows no such dossier, or none this user may read, when the page joins it (as it
   * does again when its connection comes back): it was removed, or the user's access was, while
   * the page could not hear of it. The server's words.
   */
  readonly missing: (message: string) => void;
  /** The server would not send this dossier's news: why. */
  readonly notLive: (reason: string) => void;
  /**
   * The connection was lost and is back, and the dossier's news heard again: what was sent
   * meanwhile was missed, and the page brings itself up to date from the server.
   */
  readonly rejoined: () => void;
  /**
   * The page's first join is acknowledged: news from now on reaches it. What was sent before
   * did not: a page that read the dossier (or asked for its table) before looks again for what
   * came in between.
   */
  readonly joined?: () => void;
}

/** The session is over: the header says so, and offers to sign in again (see main.ts). */
function sessionEnded(): void {
  window.dispatchEvent(new Event("session-ended"));
}

interface Watcher {
  readonly dossierId: number;
  readonly listener: DossierListener;
}

let socket: Socket<ServerEvents, ClientEvents> | null = null;
let watcher: Watcher | null = null;

/** Joins the dossier's room; `again`: after a reconnection, when the page has news to catch up on. */
function join(s: Socket<ServerEvents, ClientEvents>, dossierId: number, again = false): void {
  s.emit("dossier:join", { dossierId }, (answer) => {
    if (watcher === null || watcher.dossierId !== dossierId) return;
    // A refusal leaves the page as it is: it says the dossier is gone, or that it is live no more.
    if (answer.ok) {
      if (again) watcher.listener.rejoined();
      else watcher.listener.joined?.();
    } else if (answer.error.code === "not-found") watcher.listener.missing(answer.error.message);
    else {
      watcher.listener.notLive(answer.error.message);
      if (answer.error.code === "signed-out") sessionEnded();
    }
  });
}

function connection(): Socket<ServerEvents, ClientEvents> {
  if (socket === null) {
    // A WebSocket from the start, and long-polling only where one cannot be opened: a connection
    // that starts by polling and is cut while it upgrades can stay silent until its ping timeout
    // (25 s + 20 s) before it tries again, a page deaf to its dossier's news all that while.
    const s: Socket<ServerEvents, ClientEvents> = io({
      withCredentials: true,
      transports: ["websocket", "polling"],
      tryAllTransports: true,
    });
    s.on("dossier:version-added", (news) => {
      if (watcher !== null && news.dossierId === watcher.dossierId) watcher.listener.versionAdded?.(news);
    });
    s.on("dossier:version-removed", (news) => {
      if (watcher !== null && news.dossierId === watcher.dossierId) watcher.listener.versionRemoved(news);
    });
    s.on("dossier:overrides-changed", (news) => {
      if (watcher !== null && news.dossierId === watcher.dossierId) watcher.listener.overridesChanged?.(news);
    });
    s.on("dossier:removed", (news) => {
      if (watcher !== null && news.dossierId === watcher.dossierId) watcher.listener.dossierRemoved(news);
    });
    s.on("dossier:left", ({ dossierId, reason }) => {
      if (watcher !== null && dossierId === watcher.dossierId) watcher.listener.notLive(reason);
    });
    // Cut off by the server (which a page's few messages never make it do): not reconnected by
    // Socket.IO, so the page says it is live no more, and the next page opens a new connection.
    s.on("disconnect", (reason) => {
      if (reason !== "io server disconnect") return;
      if (socket === s) socket = null;
      watcher?.listener.notLive("the server closed the live connection");
    });
    // Refused as it connected (its session ended while it was away, say): Socket.IO tries no more
    // when the server said no, and the page says it is live no more instead of going quietly stale.
    // A server that could not be reached is tried again, and the socket stays active.
    s.on("connect_error", (err: Error & { data?: Partial<ConnectionRefusal> }) => {
      if (s.active) return;
      if (socket === s) socket = null;
      watcher?.listener.notLive(`the server refused the live connection: ${err.message}`);
      if (err.data?.code === "signed-out") sessionEnded();
    });
    // After a reconnection the server has forgotten the rooms: join again, and catch up on the news missed.
    s.io.on("reconnect", () => {
      if (watcher !== null) join(s, watcher.dossierId, true);
    });
    socket = s;
  }
  return socket;
}

/** Hears the events of one dossier, in place of whatever was heard before. */
export function watchDossier(dossierId: number, listener: DossierListener): void {
  watcher = { dossierId, listener };
  join(connection(), dossierId);
}

/** Stops handing events to the page that was watching. */
export function stopWatching(): void {
  watcher = null;
}

/**
 * The session is a new one (signed in again, here or in another tab): the connection carries the
 * cookie it was opened with, whose session may be over, so it is opened anew, and the page
 * watching joins again and catches up on what it may have missed meanwhile.
 */
export function renewRealtime(): void {
  socket?.disconnect();
  socket = null;
  if (watcher !== null) join(connection(), watcher.dossierId, true);
}

/** Closes the connection, as its session has ended; the next watch opens a new one with the new cookie. */
export function closeRealtime(): void {
  watcher = null;
  socket?.disconnect();
  socket = null;
}
