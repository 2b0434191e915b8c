/*
 * A service's method held at a gate, for tests of what happens meanwhile (a version removed
 * while corrections naming it are checked, a member removed while their file is read): each call
 * waits at the gate, before the real call or after it, until the test releases them all.
 */

export interface Held {
  /** Calls that have reached the gate so far. */
  readonly arrived: () => number;
  /** Calls that have gone through, the real call done. */
  readonly done: () => number;
  /** Resolves once `count` calls have reached the gate. */
  readonly reached: (count?: number) => Promise<void>;
  /** Lets every call waiting, and every call to come, through. */
  readonly release: () => void;
  /** Puts the method back as it was (and releases the gate). */
  readonly restore: () => void;
}

type AsyncMethod = (...args: never[]) => Promise<unknown>;

/** Holds `object[method]` at a gate, `before` the real call (the default) or `after` it. */
export function hold<T extends object, K extends keyof T>(object: T, method: K, when: "before" | "after" = "before"): Held {
  const real = object[method] as unknown as AsyncMethod;
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let arrived = 0;
  let done = 0;
  const held = async (...args: never[]) => {
    if (when === "before") {
      arrived++;
      await gate;
    }
    try {
      const answer = await real.apply(object, args);
      if (when === "after") {
        arrived++;
        await gate;
      }
      return answer;
    } finally {
      done++;
    }
  };
  object[method] = held as T[K];
  const until = async (met: () => boolean) => {
    while (!met()) await new Promise((r) => setTimeout(r, 5));
  };
  return {
    arrived: () => arrived,
    done: () => done,
    reached: (count = 1) => until(() => arrived >= count),
    release,
    restore: () => {
      object[method] = real as T[K];
      release();
    },
  };
}
