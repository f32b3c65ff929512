import type { TRPCRouterRecord } from "@trpc/server";
import { createConflict } from "../services/conflict/create-conflict";
import { getConflictProfile } from "../services/conflict/get-conflict";
import { listConflicts } from "../services/conflict/list-conflicts";
import { lookupConflicts } from "../services/conflict/lookup-conflicts";
import {
  createConflictInput,
  getConflictInput,
  listConflictsInput,
  lookupConflictsInput,
  setConflictStatusInput,
  updateConflictInput,
} from "../services/conflict/schemas";
import { setConflictStatus, updateConflict } from "../services/conflict/update-conflict";
import { authorizedProcedure, caseContentProcedure } from "../trpc";

export const conflictRouter = {
  /** The conflicts, the most dangerous first, with their parties' names. */
  list: authorizedProcedure("conflict.list")
    .input(listConflictsInput)
    .query(({ ctx, input }) => listConflicts(ctx, input)),
  /** A picker's choices as the user types: a few conflicts by title, nothing of their parties. */
  lookup: authorizedProcedure("conflict.list")
    .input(lookupConflictsInput)
    .query(({ ctx, input }) => lookupConflicts(ctx, input)),
  /** A conflict's profile: it shows people and interventions, so the read is logged. */
  byId: caseContentProcedure("conflict.read")
    .input(getConflictInput)
    .query(({ ctx, input }) => getConflictProfile(ctx, input)),
  create: authorizedProcedure("conflict.create")
    .input(createConflictInput)
    .mutation(({ ctx, input }) => createConflict(ctx, input)),
  update: authorizedProcedure("conflict.update")
    .input(updateConflictInput)
    .mutation(({ ctx, input }) => updateConflict(ctx, input)),
  /** A change of status or risk, with a row of the conflict's history. */
  setStatus: authorizedProcedure("conflict.update")
    .input(setConflictStatusInput)
    .mutation(({ ctx, input }) => setConflictStatus(ctx, input)),
} satisfies TRPCRouterRecord;
