import { sql } from "drizzle-orm";
import { check, index, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { FLAG_KINDS } from "../enum-values";
import { agency } from "./agency";
import { auditColumns, auditIndexes } from "./columns";
import { group } from "./group";
import { individual } from "./individual";
import { user } from "./user";

export const flagKind = pgEnum("flag_kind", FLAG_KINDS);

/** A warning on a person or a group, shown prominently until resolved. */
export const flag = pgTable(
  "flag",
  {
    id: uuid().primaryKey().defaultRandom(),
    individualId: uuid().references(() => individual.id, { onDelete: "cascade" }),
    groupId: uuid().references(() => group.id, { onDelete: "cascade" }),
    kind: flagKind().notNull(),
    reason: text().notNull(),
    raisingAgencyId: uuid()
      .notNull()
      .references(() => agency.id),
    raisedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp({ withTimezone: true }),
    resolvedById: uuid().references(() => user.id),
    resolution: text(),
    ...auditColumns(),
  },
  (t) => [
    check("flag_one_subject", sql`num_nonnulls(${t.individualId}, ${t.groupId}) = 1`),
    check("flag_reason_not_blank", sql`btrim(${t.reason}) <> ''`),
    check(
      "flag_resolved_after_raised",
      sql`${t.resolvedAt} is null or ${t.resolvedAt} >= ${t.raisedAt}`,
    ),
    index("flag_individual_id_idx").on(t.individualId),
    index("flag_group_id_idx").on(t.groupId),
    index("flag_raising_agency_id_idx").on(t.raisingAgencyId),
    index("flag_resolved_by_id_idx").on(t.resolvedById),
    ...auditIndexes("flag", t),
  ],
);
