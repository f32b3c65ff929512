// The client's address, decided where the connection is still in sight: the apps' own
// HTTP server (serve.mjs) runs this before Next.js sees a request. Plain JavaScript, so the
// server runs with node alone; client-address.d.mts gives TypeScript its types.
import { randomBytes } from "node:crypto";
import proxyaddr from "proxy-addr";

/** The environment variable through which the server tells the apps its header's name. */
export const CLIENT_ADDRESS_HEADER_ENV = "TRUCE_CLIENT_ADDRESS_HEADER";

/**
 * A header name of this process alone. The apps read the client's address only from it, so
 * a client cannot send it (it does not know the name), and an app started some other way
 * than through serve.mjs (plain `next start`) has no name and trusts no header at all.
 */
export function newClientAddressHeader() {
  return `x-truce-client-address-${randomBytes(12).toString("hex")}`;
}

/**
 * The headers a reverse proxy sets about the original request. From anyone but a trusted
 * proxy they are the client's own claims: removed, so Next.js fills X-Forwarded-For, -Host
 * and -Proto in from the connection itself (the socket's address, Host, TLS or not).
 */
const FORWARDING_HEADERS = [
  "forwarded",
  "x-forwarded-for",
  "x-forwarded-host",
  "x-forwarded-proto",
  "x-forwarded-port",
  "x-real-ip",
];

/**
 * The proxies to trust, from TRUCE_TRUSTED_PROXIES: addresses, CIDR ranges and proxy-addr's
 * names (`loopback`, `linklocal`, `uniquelocal`), comma-separated. Empty (the default):
 * none, so the client's address is the connection's peer whatever the request says.
 */
export function compileTrust(setting) {
  const list = (setting ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  try {
    return proxyaddr.compile(list);
  } catch (error) {
    throw new Error(
      `TRUCE_TRUSTED_PROXIES is not a list of addresses, CIDR ranges or loopback/linklocal/uniquelocal: ${error.message}`,
      { cause: error },
    );
  }
}

/**
 * Readies an incoming request for the app: the forwarding headers stay only when the
 * connection comes from a trusted proxy, and the client's address (the peer, or with trusted
 * proxies the first address from the right of X-Forwarded-For that is not one of them) goes
 * in the header named `headerName`, replacing anything the request carried under it.
 */
export function prepareRequest(req, trust, headerName) {
  const peer = req.socket?.remoteAddress;
  const fromTrustedProxy = peer !== undefined && trust(peer, 0);
  if (!fromTrustedProxy) {
    for (const name of FORWARDING_HEADERS) delete req.headers[name];
  }
  delete req.headers[headerName];
  const found = peer === undefined ? undefined : proxyaddr(req, trust);
  // A server listening on "::" sees IPv4 clients as ::ffff:a.b.c.d: one client, one address.
  const address = found?.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, "$1");
  if (address) req.headers[headerName] = address;
  return address;
}
