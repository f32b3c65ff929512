import { sql } from "drizzle-orm";
import { check, date, index, pgEnum, pgTable, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { ASSIGNMENT_ROLES } from "../enum-values";
import { agency } from "./agency";
import { auditColumns, auditIndexes } from "./columns";
import { individual } from "./individual";
import { user } from "./user";

export const assignmentRole = pgEnum("assignment_role", ASSIGNMENT_ROLES);

/** Which staff of which agency work with a person, from when (feeds "my caseload"). */
export const assignment = pgTable(
  "assignment",
  {
    id: uuid().primaryKey().defaultRandom(),
    individualId: uuid()
      .notNull()
      .references(() => individual.id, { onDelete: "cascade" }),
    agencyId: uuid()
      .notNull()
      .references(() => agency.id),
    userId: uuid()
      .notNull()
      .references(() => user.id),
    role: assignmentRole().notNull().default("other"),
    startedOn: date({ mode: "string" })
      .notNull()
      .default(sql`current_date`),
    endedOn: date({ mode: "string" }),
    ...auditColumns(),
  },
  (t) => [
    check("assignment_dates_ordered", sql`${t.endedOn} is null or ${t.endedOn} >= ${t.startedOn}`),
    // One current owner per person and agency.
    uniqueIndex("assignment_current_owner_unique")
      .on(t.individualId, t.agencyId)
      .where(sql`${t.role} = 'owner' and ${t.endedOn} is null`),
    index("assignment_individual_id_idx").on(t.individualId),
    index("assignment_agency_id_idx").on(t.agencyId),
    index("assignment_user_id_idx").on(t.userId, t.startedOn),
    ...auditIndexes("assignment", t),
  ],
);
