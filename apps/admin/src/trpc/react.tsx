"use client";

import { httpBatchStreamLink } from "@trpc/client";
import SuperJSON from "superjson";
import type { AdminRouter } from "@truce/api";
import { createTRPCReact } from "@truce/ui/trpc";

export const { useTRPC, TRPCReactProvider } = createTRPCReact<AdminRouter>(() => [
  // maxItems: the server refuses batches of more than 10 calls (packages/api/src/http.ts).
  httpBatchStreamLink({ transformer: SuperJSON, url: "/api/trpc", maxItems: 10 }),
]);
