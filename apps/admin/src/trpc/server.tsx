import "server-only";
import { headers } from "next/headers";
import { adminRouter, createTRPCContext } from "@truce/api";
import { createServerTRPC } from "@truce/ui/trpc/server";
import { auth } from "~/auth";

export const { trpc, getQueryClient, HydrateClient, prefetch } = createServerTRPC({
  router: adminRouter,
  createContext: async () =>
    createTRPCContext({ headers: await headers(), claims: (await auth())?.claims ?? null }),
});
