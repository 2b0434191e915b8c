/*
 * How many messages a user's sockets may send in a minute, together: a page sends one when it
 * opens a dossier and one when its connection comes back, so a budget of a few a second is
 * never met in use. A socket that goes past it is cut off before the message is looked at: each
 * message costs the main thread a session and a membership lookup, and a flood of them held up
 * every request of every user for seconds.
 */

/** Messages all of one user's sockets may send in a minute. */
export const MESSAGES_PER_MINUTE = 120;
const MINUTE_MS = 60_000;

export class MessageBudget {
  /** Per user, the minute counted (when it began) and the messages sent in it. */
  private readonly spent = new Map<number, { start: number; count: number }>();

  /** Counts a message of the user's; false when it is past the budget of the minute. */
  take(userId: number): boolean {
    const now = Date.now();
    let entry = this.spent.get(userId);
    if (entry === undefined || now - entry.start >= MINUTE_MS) {
      // Minutes long past are forgotten as they are met: the map holds the users of the last minute or so.
      if (this.spent.size > 10_000) for (const [id, e] of this.spent) if (now - e.start >= MINUTE_MS) this.spent.delete(id);
      entry = { start: now, count: 0 };
      this.spent.set(userId, entry);
    }
    entry.count++;
    return entry.count <= MESSAGES_PER_MINUTE;
  }
}
