import { z } from "zod";
import { CONFLICT_STATUSES } from "@truce/db/enum-values";
import { FIELD_LIMITS } from "@truce/db/field-limits";
import { plainText } from "../text";

// The network picture's input rules: the procedure validates with these and the web app's
// filters read its address by the same objects (@truce/api/schemas/network).

/**
 * The largest picture the screen can still draw and read, and the database read in a few
 * milliseconds at national scale: beyond it the most pressing edges and the groups at their
 * ends are kept, and the answer says it was cut (`truncated`); an area narrows it. `areas`
 * bounds the area filter's choices. As many edges as groups: the groups are those at the
 * first edges' ends, so when the picture is cut its first 200 conflict pairs already name
 * more than 200 groups. At national scale the bounds before (300 groups, 1,000 edges) read a
 * thousand pairs to draw 173 of them, and the answer (100 kB) cost the server more than its
 * statements: p95 at 10 connections 247 ms with 300 groups, 173 with 200.
 */
export const NETWORK_BOUNDS = { nodes: 200, edges: 200, areas: 500 } as const;

/** The conflicts the picture shows unless asked otherwise: every one not yet resolved. */
export const DEFAULT_CONFLICT_STATUSES = CONFLICT_STATUSES.filter(
  (status) => status !== "resolved",
);

export const networkGraphInput = z.object({
  /** A group's area, matched exactly (the filter offers the areas in use). */
  area: plainText(FIELD_LIMITS.group.area, "validation.network.area").optional(),
  /** The conflicts to show by status; none is a picture of alliances only. */
  conflictStatuses: z
    .array(
      z.enum(CONFLICT_STATUSES, "validation.network.conflictStatuses"),
      "validation.network.conflictStatuses",
    )
    // Checked only on a list (`.max` would measure a string too): one message for a value.
    .refine((list) => list.length <= CONFLICT_STATUSES.length, {
      message: "validation.network.conflictStatuses",
      when: ({ issues }) => issues.length === 0,
    })
    .default([...DEFAULT_CONFLICT_STATUSES]),
  includeAlliances: z.boolean("validation.network.includeAlliances").default(true),
  /** Alliances that ended before today as well as those in force. */
  includeEndedAlliances: z.boolean("validation.network.includeAlliances").default(false),
});
export type NetworkGraphInput = z.infer<typeof networkGraphInput>;
