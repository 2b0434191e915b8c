/*
 * How many requests of one kind (uploads, comparisons) may be in progress at once, per user and
 * in all: each upload holds its file in memory until it is read, and each comparison waits for
 * the one worker that makes them, so that one user sending many at once could exhaust the
 * server's memory, or queue hours of work before everyone else's.
 */
import { HttpError } from "./errors";

export interface WorkBounds {
  /** What is counted, in the plural, for messages: "uploads". */
  readonly what: string;
  readonly perUser: number;
  readonly inAll: number;
}

export class WorkInProgress {
  private readonly byUser = new Map<number, number>();
  private total = 0;

  constructor(private readonly bounds: WorkBounds) {}

  /** Counts one more for the user, or refuses it; the function returned counts it out, once. */
  enter(userId: number): () => void {
    const { what, perUser, inAll } = this.bounds;
    const mine = this.byUser.get(userId) ?? 0;
    if (mine >= perUser)
      throw new HttpError(429, "too-many-at-once", `you have ${mine} ${what} in progress, the most one may: wait for one to finish`);
    if (this.total >= inAll)
      throw new HttpError(
        503,
        "server-busy",
        `the server has ${this.total} ${what} in progress, the most it takes at once: try again in a moment`,
      );
    this.byUser.set(userId, mine + 1);
    this.total++;
    let left = false;
    return () => {
      if (left) return;
      left = true;
      this.total--;
      const now = (this.byUser.get(userId) ?? 1) - 1;
      if (now === 0) this.byUser.delete(userId);
      else this.byUser.set(userId, now);
    };
  }
}

/** Uploads: a file of up to 64 MiB each is held in memory until read. */
export const UPLOADS: WorkBounds = { what: "uploads", perUser: 4, inAll: 16 };
/** Comparisons asked for and not yet answered (answers kept from before come at once). */
export const COMPARISONS: WorkBounds = { what: "comparisons", perUser: 6, inAll: 64 };
