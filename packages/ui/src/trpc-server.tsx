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

  /**
   * Runs a query on the server into the request's cache; HydrateClient hands the result to
   * the client. Await it (`await Promise.all([prefetch(a), prefetch(b)])`) before rendering
   * HydrateClient: a prefetch left pending is handed over as a promise that the browser may
   * find already settled when it hydrates, while the server rendered the loading state, and
   * React throws the page's first render away (a hydration mismatch that loses what the
   * person typed or clicked meanwhile). A refused query (no purpose yet, say) is not handed
   * over; the client asks again and shows the refusal.
   */
  const prefetch: QueryClient["prefetchQuery"] = (queryOptions) =>
    getQueryClient().prefetchQuery(queryOptions);

  /**
   * The first page of an infinite query (`trpc.x.infiniteQueryOptions(...)`), as `prefetch`
   * runs a query: await it the same way. The client's `useInfiniteQuery` with the same input
   * starts from that page and fetches the next ones itself.
   */
  const prefetchInfinite: QueryClient["prefetchInfiniteQuery"] = (queryOptions) =>
    getQueryClient().prefetchInfiniteQuery(queryOptions);

  return { trpc, getQueryClient, HydrateClient, prefetch, prefetchInfinite };
}

/** For a server layout: a query refused for want of a valid session reads as "signed out". */
export function signedOutAsNull(error: unknown): null {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === "UNAUTHORIZED" || code === "FORBIDDEN") return null;
  throw error;
}
