import type { TRPCRouterRecord } from "@trpc/server";
import { getNetworkGraph } from "../services/network/get-graph";
import { listNetworkAreas } from "../services/network/list-areas";
import { networkGraphInput } from "../services/network/schemas";
import { authorizedProcedure } from "../trpc";

export const networkRouter = {
  /**
   * The groups, the conflicts between them and their alliances, for the network picture.
   * Not case content: names, areas, statuses, titles, dates and counts, nothing about anyone.
   */
  graph: authorizedProcedure("network.read")
    .input(networkGraphInput)
    .query(({ ctx, input }) => getNetworkGraph(ctx, input)),
  /** The areas groups are in, for the picture's area filter. */
  areas: authorizedProcedure("network.read").query(({ ctx }) => listNetworkAreas(ctx)),
} satisfies TRPCRouterRecord;
