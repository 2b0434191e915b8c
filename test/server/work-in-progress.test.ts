/*
 * Bounds on the requests of one kind in progress at once: a user past theirs is refused with
 * 429 and told why, everyone past the server's with 503, and a request done makes room again.
 */
import { describe, expect, it } from "vitest";
import { WorkInProgress } from "../../server/http/work-in-progress";

describe("work in progress", () => {
  it("takes a user's requests up to their bound, then refuses theirs alone, until one is done", () => {
    const uploads = new WorkInProgress({ what: "uploads", perUser: 2, inAll: 10 });
    const first = uploads.enter(1);
    uploads.enter(1);
    expect(() => uploads.enter(1)).toThrow(expect.objectContaining({ status: 429, code: "too-many-at-once" }));
    expect(() => uploads.enter(1)).toThrow("you have 2 uploads in progress, the most one may: wait for one to finish");
    uploads.enter(2);
    first();
    // Counted out once, however often it is said to be done.
    first();
    uploads.enter(1);
    expect(() => uploads.enter(1)).toThrow(expect.objectContaining({ status: 429 }));
  });

  it("refuses everyone past the server's bound with 503, and takes them again as requests are done", () => {
    const comparisons = new WorkInProgress({ what: "comparisons", perUser: 5, inAll: 3 });
    const done = [comparisons.enter(1), comparisons.enter(2), comparisons.enter(3)];
    expect(() => comparisons.enter(4)).toThrow(
      expect.objectContaining({
        status: 503,
        code: "server-busy",
        message: "the server has 3 comparisons in progress, the most it takes at once: try again in a moment",
      }),
    );
    done[0]!();
    expect(() => comparisons.enter(4)).not.toThrow();
  });
});
