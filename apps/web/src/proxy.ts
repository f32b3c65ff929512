import type { NextRequest } from "next/server";
import { securityProxy } from "@truce/ui/security-headers";

/** Security headers and the per-request CSP nonce; no authorization (the API decides). */
export function proxy(request: NextRequest) {
  return securityProxy(request);
}

export const config = {
  // Everything but the hashed build assets, which next.config.ts headers() covers, and the
  // API (/api/trpc/…, /api/health, /api/reports/… for the evaluators' extract), whose route
  // handlers set their own headers (withApiSecurityHeaders): pages, prefetches, next-auth's
  // routes, server actions and metadata files all get the headers here.
  // e2e/tests/http-security.spec.ts checks both, e2e/tests/extract.spec.ts the extract's.
  matcher: ["/((?!_next/static/|api/trpc/|api/reports/|api/health$).*)"],
};
