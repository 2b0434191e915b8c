/*
 * The host names a server answers to. A page of another site whose name is made to point at
 * this server's address (DNS rebinding) is, to the browser, a page of that site: it may sign in
 * (with the demonstration users' known password) and read every answer, as the same-origin check
 * compares the page's origin with a Host header that names that site too. A server listening on
 * this machine alone answers to this machine's names only, unless told others (ALLOWED_HOSTS,
 * for a proxy that passes the public name on); one listening beyond it, to any name.
 */

/** IPv6's loopback written out ("0:0:0:0:0:0:0:1"), and IPv4's within IPv6 ("::ffff:127.0.0.1"). */
const IPV6_LOOPBACK = /^(0{0,4}:){1,7}0{0,3}1$|^::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;

/** Whether an address or name is this machine's alone: localhost, 127.x.x.x or ::1, however written. */
export function isLoopback(host: string): boolean {
  const name = host.startsWith("[") && host.endsWith("]") ? host.slice(1, -1) : host;
  return name === "localhost" || name === "::1" || IPV6_LOOPBACK.test(name) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name);
}

/**
 * The name a Host header gives, without its port, in lower case and without the dot a fully
 * qualified name may end with: "[::1]", "localhost", "synopsis.example.org".
 */
function hostName(hostHeader: string): string {
  const name = hostHeader.startsWith("[") ? hostHeader.slice(0, hostHeader.indexOf("]") + 1) : hostHeader.replace(/:\d*$/, "");
  return name.toLowerCase().replace(/\.$/, "");
}

/**
 * Whether a request naming `hostHeader` is answered: `allowed` null answers every name; else
 * this machine's names and those listed.
 */
export function answersTo(hostHeader: string | undefined, allowed: readonly string[] | null): boolean {
  if (allowed === null) return true;
  if (hostHeader === undefined) return false;
  const name = hostName(hostHeader);
  return isLoopback(name) || allowed.includes(name);
}
