import type { TRPCRouterRecord } from "@trpc/server";
import { createAlliance } from "../services/alliance/create-alliance";
import { endAlliance } from "../services/alliance/end-alliance";
import { listAlliances } from "../services/alliance/list-alliances";
import {
  createAllianceInput,
  endAllianceInput,
  listAlliancesInput,
} from "../services/alliance/schemas";
import { authorizedProcedure } from "../trpc";

export const allianceRouter = {
  /** The alliances between groups, those in force first. */
  list: authorizedProcedure("alliance.list")
    .input(listAlliancesInput)
    .query(({ ctx, input }) => listAlliances(ctx, input)),
  create: authorizedProcedure("alliance.create")
    .input(createAllianceInput)
    .mutation(({ ctx, input }) => createAlliance(ctx, input)),
  end: authorizedProcedure("alliance.update")
    .input(endAllianceInput)
    .mutation(({ ctx, input }) => endAlliance(ctx, input)),
} satisfies TRPCRouterRecord;
