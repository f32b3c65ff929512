import type { NextRequest } from "next/server";
import { securityProxy } from "@truce/ui/security-headers";

/** Security headers and the per-request CSP nonce; no authorization (the API decides). */
export function proxy(request: NextRequest) {
  return securityProxy(request);
}

export const config = {
  // Everything but the hashed build assets, which next.config.ts headers() covers: pages,
  // prefetches, route handlers, server actions and metadata files all get the headers.
  matcher: ["/((?!_next/static/).*)"],
};
