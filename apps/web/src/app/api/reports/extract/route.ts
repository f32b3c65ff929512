import { createExtractHandler } from "@truce/api";
import { readSessionClaims } from "@truce/auth/session-cookie";
import { withApiSecurityHeaders } from "@truce/ui/security-headers";

// The evaluators' extract, a zip archive streamed as it is made (packages/api
// src/extract-http.ts decides everything: origin, session, policy, input, the access log). A
// POST only: a GET is answered 405 by Next.js. It sets its own security headers, as the tRPC
// route does: src/proxy.ts does not run for the API.
const handler = withApiSecurityHeaders(
  createExtractHandler((req) => readSessionClaims("web", req.headers)),
);

export { handler as POST };
// Made for each request, never cached or prerendered.
export const dynamic = "force-dynamic";
