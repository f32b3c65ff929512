import { adminRouter, createTRPCFetchHandler } from "@truce/api";
import { readSessionClaims } from "@truce/auth/session-cookie";
import { withApiSecurityHeaders } from "@truce/ui/security-headers";

// This app's procedures only: the other app's are not found here (404), whatever roles the
// session holds. The session is read by decrypting its cookie only (no new token per call);
// the signed-in frame renews it through /api/auth/session. It sets its own security headers:
// src/proxy.ts does not run for the API.
const handler = withApiSecurityHeaders(
  createTRPCFetchHandler(adminRouter, (req) => readSessionClaims("admin", req.headers)),
);

export { handler as GET, handler as POST };
