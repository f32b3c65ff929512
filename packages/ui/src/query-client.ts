import { defaultShouldDehydrateQuery, QueryClient } from "@tanstack/react-query";
import SuperJSON from "superjson";

/** One QueryClient setup for the server (per request) and the browser (one per tab). */
export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      // Prefetched on the server: don't refetch at once on the client.
      queries: { staleTime: 30 * 1000 },
      dehydrate: {
        serializeData: SuperJSON.serialize,
        shouldDehydrateQuery: (query) =>
          defaultShouldDehydrateQuery(query) || query.state.status === "pending",
        shouldRedactErrors: () => false,
      },
      hydrate: { deserializeData: SuperJSON.deserialize },
    },
  });
}
