import { boolean, index, pgEnum, pgTable, unique, uuid } from "drizzle-orm/pg-core";
import { MEMBERSHIP_ROLES } from "../enum-values";
import { agency } from "./agency";
import { auditColumns, auditIndexes } from "./columns";
import { user } from "./user";

export const membershipRole = pgEnum("membership_role", MEMBERSHIP_ROLES);

/** A user's role in one agency; every action is taken as one membership. */
export const membership = pgTable(
  "membership",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    agencyId: uuid()
      .notNull()
      .references(() => agency.id),
    role: membershipRole().notNull(),
    /**
     * Disabled by the agency's admin: the user can no longer act in this agency, while
     * their other memberships (and their account) are untouched.
     */
    disabled: boolean().notNull().default(false),
    ...auditColumns(),
  },
  (t) => [
    unique("membership_user_agency_unique").on(t.userId, t.agencyId),
    index("membership_agency_id_idx").on(t.agencyId),
    ...auditIndexes("membership", t),
  ],
);
