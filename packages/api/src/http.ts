import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import type { SessionClaims } from "@truce/auth/actor";
import { appRouter } from "./root";
import { createTRPCContext } from "./trpc";

/**
 * The `/api/trpc` route handler both apps mount: the app says how to read the session's
 * claims; everything else (actor, policy, errors) is decided here.
 */
export function createTRPCFetchHandler(getClaims: () => Promise<SessionClaims | null>) {
  return async (req: Request) => {
    const claims = await getClaims();
    return fetchRequestHandler({
      endpoint: "/api/trpc",
      router: appRouter,
      req,
      createContext: () => createTRPCContext({ headers: req.headers, claims }),
    });
  };
}
