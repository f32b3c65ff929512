import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { PLATFORM_ROLES } from "../enum-values";
import { auditColumns, auditIndexes } from "./columns";

export const platformRole = pgEnum("platform_role", PLATFORM_ROLES);

export const user = pgTable(
  "user",
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Stored lowercase (the check refuses anything else), so the unique index is case-blind. */
    email: text().notNull(),
    name: text().notNull(),
    passwordHash: text().notNull(),
    disabled: boolean().notNull().default(false),
    platformRoles: platformRole()
      .array()
      .notNull()
      .default(sql`'{}'`),
    /** Bumped to invalidate every stateless session of the user (disable, role change). */
    sessionVersion: integer().notNull().default(1),
    lastSignInAt: timestamp({ withTimezone: true }),
    ...auditColumns(),
  },
  (t) => [
    uniqueIndex("user_email_unique").on(t.email),
    check("user_email_lowercase", sql`${t.email} = lower(${t.email})`),
    check("user_name_not_blank", sql`btrim(${t.name}) <> ''`),
    ...auditIndexes("user", t),
  ],
);
