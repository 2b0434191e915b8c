/*
 * The life of the page on screen. What a page hooks onto the document (a key that works
 * anywhere on it) is hooked with the page's signal, and comes off when the router shows another
 * page: nothing of a page that is gone, its table included, is kept alive by a listener.
 */

let life = new AbortController();

/** Ends the page on screen, taking off what it hooked with its signal; the next page has a new one. */
export function endPage(): void {
  life.abort();
  life = new AbortController();
}

/** The signal of the page on screen, for `addEventListener(…, { signal })`. */
export function pageSignal(): AbortSignal {
  return life.signal;
}

/** Shows the page on screen anew, as the router does on arriving at it: after a change that remakes it. */
export function showAgain(): void {
  window.dispatchEvent(new HashChangeEvent("hashchange"));
}
