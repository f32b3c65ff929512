import "server-only";
import { dehydrate, HydrationBoundary, type QueryClient } from "@tanstack/react-query";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { headers } from "next/headers";
import { cache, type ReactNode } from "react";
import { appRouter, createTRPCContext } from "@truce/api";
import { auth } from "~/auth";
import { createQueryClient } from "@truce/ui/query-client";

const createContext = cache(async () => {
  const heads = new Headers(await headers());
  heads.set("x-trpc-source", "rsc");
  const session = await auth();
  return createTRPCContext({ headers: heads, claims: session?.claims ?? null });
});

export const getQueryClient = cache(createQueryClient);

export const trpc = createTRPCOptionsProxy({
  router: appRouter,
  ctx: createContext,
  queryClient: getQueryClient,
});

export function HydrateClient({ children }: { children: ReactNode }) {
  return <HydrationBoundary state={dehydrate(getQueryClient())}>{children}</HydrationBoundary>;
}

/** Starts a query on the server; HydrateClient hands its result (or its promise) to the client. */
export const prefetch: QueryClient["prefetchQuery"] = (options) =>
  getQueryClient().prefetchQuery(options);
