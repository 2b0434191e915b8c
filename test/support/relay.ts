/*
 * A relay between a browser and the test server that can be cut, as a network is: while cut, the
 * connections through it are closed and new ones refused; joined again, it passes them on.
 */
import { createServer, connect, type Socket } from "node:net";
import type { AddressInfo } from "node:net";

export interface Relay {
  /** The server's address through the relay. */
  readonly url: string;
  /** Closes every connection through the relay, and refuses new ones until `join`. */
  cut(): void;
  join(): void;
  close(): Promise<void>;
}

export async function cuttableRelay(serverUrl: string): Promise<Relay> {
  let cut = false;
  const open = new Set<Socket>();
  const relay = createServer((incoming) => {
    if (cut) return incoming.destroy();
    const outgoing = connect(Number(new URL(serverUrl).port), "127.0.0.1");
    for (const [a, b] of [
      [incoming, outgoing],
      [outgoing, incoming],
    ] as const) {
      open.add(a);
      a.pipe(b);
      a.on("error", () => b.destroy());
      a.on("close", () => (b.destroy(), open.delete(a)));
    }
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
    close() {
      for (const socket of open) socket.destroy();
      return new Promise((resolve) => relay.close(() => resolve()));
    },
  };
}
