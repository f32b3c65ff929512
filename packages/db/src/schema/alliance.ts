import { sql } from "drizzle-orm";
import { check, date, index, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { auditColumns, auditIndexes } from "./columns";
import { group } from "./group";

/** Two groups allied over a period; the network picture shows it beside the conflicts. */
export const alliance = pgTable(
  "alliance",
  {
    id: uuid().primaryKey().defaultRandom(),
    groupAId: uuid()
      .notNull()
      .references(() => group.id, { onDelete: "cascade" }),
    groupBId: uuid()
      .notNull()
      .references(() => group.id, { onDelete: "cascade" }),
    fromOn: date({ mode: "string" }),
    toOn: date({ mode: "string" }),
    note: text(),
    ...auditColumns(),
  },
  (t) => [
    check("alliance_groups_differ", sql`${t.groupAId} <> ${t.groupBId}`),
    check(
      "alliance_dates_ordered",
      sql`${t.toOn} is null or ${t.fromOn} is null or ${t.toOn} >= ${t.fromOn}`,
    ),
    index("alliance_group_a_id_idx").on(t.groupAId),
    index("alliance_group_b_id_idx").on(t.groupBId),
    // One open alliance between two groups, whichever of them is A: a second is refused
    // (alliance.create says so first; this holds against two at once).
    uniqueIndex("alliance_open_pair_unique")
      .on(sql`least(${t.groupAId}, ${t.groupBId})`, sql`greatest(${t.groupAId}, ${t.groupBId})`)
      .where(sql`${t.toOn} is null`),
    ...auditIndexes("alliance", t),
  ],
);
