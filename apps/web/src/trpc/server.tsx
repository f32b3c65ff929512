import "server-only";
import { headers } from "next/headers";
import { createTRPCContext, webRouter } from "@truce/api";
import { createServerTRPC } from "@truce/ui/trpc/server";
import { auth } from "~/auth";
import { currentPurpose } from "~/components/purpose";

export const { trpc, getQueryClient, HydrateClient, prefetch, prefetchInfinite } = createServerTRPC(
  {
    router: webRouter,
    createContext: async () =>
      createTRPCContext({
        headers: await headers(),
        claims: (await auth())?.claims ?? null,
        // from cookies(), which, unlike headers(), already holds a purpose stored by the
        // server action whose response is being rendered
        purpose: await currentPurpose(),
      }),
  },
);
