import { createHealthHandler } from "@truce/api";
import { withApiSecurityHeaders } from "@truce/ui/security-headers";

// Asked at run time, never answered from the build.
export const dynamic = "force-dynamic";
// Its own security headers: src/proxy.ts does not run for the API.
export const GET = withApiSecurityHeaders(createHealthHandler());
