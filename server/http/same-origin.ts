/*
 * Whether a request comes from a page of this server. SameSite=Strict cookies keep other sites
 * out, but not sibling subdomains; a browser says where a request comes from in Origin and
 * Sec-Fetch-Site, and a request that says it comes from elsewhere is refused. Requests that say
 * nothing (command-line clients, tests) carry no browser's cookies and pass.
 */
import type { IncomingHttpHeaders } from "node:http";

export function isSameOrigin(headers: IncomingHttpHeaders): boolean {
  const site = headers["sec-fetch-site"];
  if (site !== undefined && site !== "same-origin" && site !== "none") return false;
  const origin = headers.origin;
  if (origin === undefined || origin === "null") return origin === undefined;
  try {
    return new URL(origin).host === headers.host;
  } catch {
    return false;
  }
}
