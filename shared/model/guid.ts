/*
 * Stable provision identities. A guid is given once, when a provision first enters a lineage of
 * texts, and then travels with it through edits, renumbering and Akoma Ntoso round trips.
 */

/** A new random guid (RFC 4122 version 4), from the platform's Web Crypto in Node and browsers. */
export function newGuid(): string {
  return globalThis.crypto.randomUUID();
}
