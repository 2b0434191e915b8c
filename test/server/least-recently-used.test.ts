/*
 * The server's caches keep what was used last, up to a total weight: a few large documents give
 * way to each other, and one larger than the whole cache is not kept at all.
 */
import { describe, expect, it } from "vitest";
import { LeastRecentlyUsed } from "../../server/least-recently-used";

describe("a cache kept up to a weight", () => {
  it("gives up the least recently used to make room for a heavy value", () => {
    const cache = new LeastRecentlyUsed<string>(10);
    cache.set("a", "A", 4);
    cache.set("b", "B", 4);
    expect(cache.get("a")).toBe("A");
    cache.set("c", "C", 4);
    expect([cache.get("a"), cache.get("b"), cache.get("c")]).toEqual(["A", undefined, "C"]);
  });

  it("keeps nothing heavier than itself, and loses nothing for it", () => {
    const cache = new LeastRecentlyUsed<string>(10);
    cache.set("a", "A", 4);
    cache.set("huge", "H", 11);
    expect([cache.get("a"), cache.get("huge")]).toEqual(["A", undefined]);
  });

  it("counts a value set again at its new weight, and a dropped one not at all", () => {
    const cache = new LeastRecentlyUsed<string>(10);
    cache.set("a", "A", 6);
    cache.set("a", "A2", 2);
    cache.set("b", "B", 8);
    expect([cache.get("a"), cache.get("b")]).toEqual(["A2", "B"]);
    cache.dropWhere((key) => key === "b");
    cache.set("c", "C", 8);
    expect([cache.get("a"), cache.get("c")]).toEqual(["A2", "C"]);
  });

  it("counts values one each unless weighed", () => {
    const cache = new LeastRecentlyUsed<number>(2);
    cache.set("a", 1);
    cache.set("b", 2);
    cache.set("c", 3);
    expect([cache.get("a"), cache.get("b"), cache.get("c")]).toEqual([undefined, 2, 3]);
  });
});
