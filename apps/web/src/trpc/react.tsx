"use client";

import { httpBatchStreamLink } from "@trpc/client";
import SuperJSON from "superjson";
import type { AppRouter } from "@truce/api";
import { createTRPCReact } from "@truce/ui/trpc";

export const { useTRPC, TRPCReactProvider } = createTRPCReact<AppRouter>(() => [
  httpBatchStreamLink({ transformer: SuperJSON, url: "/api/trpc" }),
]);
