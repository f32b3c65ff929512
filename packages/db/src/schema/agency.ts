import { boolean, pgEnum, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { AGENCY_KINDS } from "../enum-values";
import { auditColumns, auditIndexes } from "./columns";

export const agencyKind = pgEnum("agency_kind", AGENCY_KINDS);

/** An agency of the programme; deactivated, never deleted (the access log points at it). */
export const agency = pgTable(
  "agency",
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull(),
    kind: agencyKind().notNull(),
    active: boolean().notNull().default(true),
    ...auditColumns(),
  },
  (t) => [uniqueIndex("agency_name_unique").on(t.name), ...auditIndexes("agency", t)],
);
