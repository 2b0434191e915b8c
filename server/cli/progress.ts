/*
 * Progress of a long command on a terminal: one status line on stderr, rewritten in place, with
 * the time spent. Silent when stderr is not a terminal, so pipes and logs stay clean.
 */

export class Progress {
  private readonly started = performance.now();
  private readonly live: boolean;

  constructor(private readonly stream: NodeJS.WriteStream = process.stderr) {
    this.live = stream.isTTY === true;
  }

  step(message: string): void {
    if (!this.live) return;
    const seconds = ((performance.now() - this.started) / 1000).toFixed(1);
    this.stream.write(`\r\x1b[K${message} (${seconds} s)`);
  }

  done(): void {
    if (this.live) this.stream.write("\r\x1b[K");
  }
}
