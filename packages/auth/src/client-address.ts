import { authEnv } from "./env";

/**
 * The client's address for throttling sign-ins. Each reverse proxy appends the address it
 * received the request from to X-Forwarded-For, and Next.js sets it to the socket's address
 * when there is none; entries further left come from the client and can be forged, so the
 * address is read `hops` entries from the right.
 */
export function clientAddress(
  headers: Headers,
  hops: number = authEnv.TRUCE_PROXY_HOPS,
): string | null {
  const entries = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean);
  if (entries.length === 0) return null;
  return (entries[entries.length - hops] ?? entries[0])!.slice(0, 100);
}
