/*
 * A relay between a browser and the test server that can be cut, as a network is: while cut, the
 * connections through it are closed and new ones refused; joined again, it passes them on. One
 * that refuses WebSockets stands for a proxy that lets only plain HTTP through.
 */
import { createServer, connect, type Socket } from "node:net";
import type { AddressInfo } from "node:net";

export interface Relay {
  /** The server's address through the relay. */
  readonly url: string;
  /** Closes every connection through the relay, and refuses new ones until `join`. */
  cut(): void;
  join(): void;
  /** How many WebSocket handshakes the relay answered with a refusal (when made to refuse them). */
  readonly webSocketsRefused: number;
  close(): Promise<void>;
}

/** A request's head that asks to become a WebSocket. */
const UPGRADE_TO_WEBSOCKET = /\r\nupgrade:\s*websocket\r\n/i;

export async function cuttableRelay(serverUrl: string, options: { readonly refuseWebSockets?: boolean } = {}): Promise<Relay> {
  let cut = false;
  let webSocketsRefused = 0;
  const open = new Set<Socket>();
  const relay = createServer((incoming) => {
    if (cut) return incoming.destroy();
    open.add(incoming);
    incoming.on("close", () => open.delete(incoming));
    // A browser opens a connection of its own for a WebSocket: its first bytes say whether it is one.
    incoming.once("data", (first: Buffer) => {
      // Nothing read on until it is passed on: `pipe` lets the rest through.
      incoming.pause();
      if (options.refuseWebSockets && UPGRADE_TO_WEBSOCKET.test(first.toString("latin1"))) {
        webSocketsRefused++;
        incoming.end("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        return;
      }
      const outgoing = connect(Number(new URL(serverUrl).port), "127.0.0.1");
      open.add(outgoing);
      outgoing.write(first);
      for (const [a, b] of [
        [incoming, outgoing],
        [outgoing, incoming],
      ] as const) {
        a.pipe(b);
        a.on("error", () => b.destroy());
        a.on("close", () => (b.destroy(), open.delete(a)));
      }
    });
    incoming.on("error", () => incoming.destroy());
  });
  await new Promise<void>((resolve) => relay.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(relay.address() as AddressInfo).port}`,
    cut() {
      cut = true;
      for (const socket of open) socket.destroy();
    },
    join() {
      cut = false;
    },
    get webSocketsRefused() {
      return webSocketsRefused;
    },
    close() {
      for (const socket of open) socket.destroy();
      return new Promise((resolve) => relay.close(() => resolve()));
    },
  };
}
