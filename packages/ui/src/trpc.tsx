"use client";

import { QueryClientProvider, type QueryClient } from "@tanstack/react-query";
import { createTRPCClient, type TRPCLink } from "@trpc/client";
import type { AnyTRPCRouter } from "@trpc/server";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import { useState, type ReactNode } from "react";
import { createQueryClient } from "./query-client";
import "./zod-jitless";

let browserQueryClient: QueryClient | undefined;
function getQueryClient() {
  // The server renders with a new client per request; the browser keeps one.
  if (typeof window === "undefined") return createQueryClient();
  return (browserQueryClient ??= createQueryClient());
}

/**
 * The client half of an app's tRPC wiring, generic over the router so this package does not
 * depend on the API. The app passes its links, which know the router's transformer.
 */
export function createTRPCReact<TRouter extends AnyTRPCRouter>(links: () => TRPCLink<TRouter>[]) {
  const { useTRPC, TRPCProvider } = createTRPCContext<TRouter>();
  function TRPCReactProvider({ children }: { children: ReactNode }) {
    const queryClient = getQueryClient();
    const [trpcClient] = useState(() => createTRPCClient<TRouter>({ links: links() }));
    return (
      <QueryClientProvider client={queryClient}>
        <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
          {children}
        </TRPCProvider>
      </QueryClientProvider>
    );
  }
  return { useTRPC, TRPCReactProvider };
}
