import { isIP } from "node:net";
import { authEnv } from "./env";

/**
 * The client's address, for throttling sign-ins and for the access log. The apps' own HTTP
 * server (packages/ui/src/server/serve.mjs) decides it from the connection, trusting
 * X-Forwarded-For only from the proxies the operator named (TRUCE_TRUSTED_PROXIES), and
 * passes it on under a header name of that process alone (TRUCE_CLIENT_ADDRESS_HEADER). No
 * header a client can name is read: without that server (plain `next start`, a test) the
 * address is unknown, null, and only the per-account limits apply.
 */
export function clientAddress(
  headers: Headers,
  headerName: string | undefined = authEnv.TRUCE_CLIENT_ADDRESS_HEADER,
): string | null {
  if (!headerName) return null;
  const value = headers.get(headerName)?.trim() ?? "";
  return isIP(value) ? value : null;
}
