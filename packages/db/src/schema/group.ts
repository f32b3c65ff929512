import { sql } from "drizzle-orm";
import {
  check,
  date,
  index,
  pgEnum,
  pgTable,
  text,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { AFFILIATIONS, GROUP_STATUSES } from "../enum-values";
import { auditColumns, auditIndexes } from "./columns";
import { individual } from "./individual";

export const groupStatus = pgEnum("group_status", GROUP_STATUSES);
export const affiliation = pgEnum("affiliation", AFFILIATIONS);

/** A violent group or network. */
export const group = pgTable(
  "group",
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull(),
    aliases: text()
      .array()
      .notNull()
      .default(sql`'{}'`),
    area: text().notNull(),
    status: groupStatus().notNull().default("active"),
    description: text(),
    ...auditColumns(),
  },
  (t) => [
    check("group_name_not_blank", sql`btrim(${t.name}) <> ''`),
    uniqueIndex("group_name_lower_unique").on(sql`lower(${t.name})`),
    index("group_status_idx").on(t.status),
    // The network picture's groups beyond those at its edges' ends, active first, by name
    // (network/get-graph.ts): a walk to the LIMIT, each kept row's members counted, not all.
    index("group_network_order_idx").on(t.status, t.name, t.id),
    // The area filter's choices (a skip along it, services/choices.ts) and the filter.
    index("group_area_idx").on(t.area),
    // The forms' group choices, by name (the first MAX_CHOICES): a walk, not a sort.
    index("group_name_order_idx").on(t.name, t.id),
    ...auditIndexes("group", t),
  ],
);

/** A person's affiliation with a group over a period, and where that knowledge comes from. */
export const groupMembership = pgTable(
  "group_membership",
  {
    id: uuid().primaryKey().defaultRandom(),
    individualId: uuid()
      .notNull()
      .references(() => individual.id, { onDelete: "cascade" }),
    groupId: uuid()
      .notNull()
      .references(() => group.id, { onDelete: "cascade" }),
    affiliation: affiliation().notNull(),
    fromOn: date({ mode: "string" }),
    toOn: date({ mode: "string" }),
    source: text(),
    ...auditColumns(),
  },
  (t) => [
    check(
      "group_membership_dates_ordered",
      sql`${t.toOn} is null or ${t.fromOn} is null or ${t.toOn} >= ${t.fromOn}`,
    ),
    unique("group_membership_individual_group_from_unique").on(t.individualId, t.groupId, t.fromOn),
    // A group's members, and their count by the period (the network picture's and the
    // lists' member counts): read from the index alone, without the table's rows.
    index("group_membership_group_id_idx").on(t.groupId, t.individualId, t.fromOn, t.toOn),
    ...auditIndexes("group_membership", t),
  ],
);
