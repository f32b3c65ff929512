import "server-only";
import { headers } from "next/headers";
import { appRouter, createTRPCContext } from "@truce/api";
import { createServerTRPC } from "@truce/ui/trpc/server";
import { auth } from "~/auth";

export const { trpc, getQueryClient, HydrateClient, prefetch } = createServerTRPC({
  router: appRouter,
  createContext: async () =>
    createTRPCContext({ headers: await headers(), claims: (await auth())?.claims ?? null }),
});
