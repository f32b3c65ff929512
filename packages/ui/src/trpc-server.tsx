import "server-only";
import { dehydrate, HydrationBoundary, type QueryClient } from "@tanstack/react-query";
import type { AnyTRPCRouter, inferRouterContext } from "@trpc/server";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { cache, type ReactNode } from "react";
import { createQueryClient } from "./query-client";

/**
 * The server half of an app's tRPC wiring: server components query the router directly
 * (no HTTP) into a per-request QueryClient, and HydrateClient hands the results to the
 * client's cache. Generic over the router so this package does not depend on the API.
 */
export function createServerTRPC<TRouter extends AnyTRPCRouter>(options: {
  router: TRouter;
  createContext: () => Promise<inferRouterContext<TRouter>>;
}) {
  const getQueryClient = cache(createQueryClient);
  const trpc = createTRPCOptionsProxy<TRouter>({
    router: options.router,
    ctx: cache(options.createContext),
    queryClient: getQueryClient,
  });

  function HydrateClient({ children }: { children: ReactNode }) {
    return <HydrationBoundary state={dehydrate(getQueryClient())}>{children}</HydrationBoundary>;
  }

  /** Starts a query on the server; HydrateClient hands its result (or promise) to the client. */
  const prefetch: QueryClient["prefetchQuery"] = (queryOptions) =>
    getQueryClient().prefetchQuery(queryOptions);

  return { trpc, getQueryClient, HydrateClient, prefetch };
}

/** For a server layout: a query refused for want of a valid session reads as "signed out". */
export function signedOutAsNull(error: unknown): null {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === "UNAUTHORIZED" || code === "FORBIDDEN") return null;
  throw error;
}
