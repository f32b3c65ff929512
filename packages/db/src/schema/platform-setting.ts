import { sql } from "drizzle-orm";
import { boolean, check, date, pgTable, smallint } from "drizzle-orm/pg-core";
import { auditColumns, auditIndexes } from "./columns";

/**
 * Programme-wide settings: one row (id 1). A database without the row (a fresh real server)
 * gets the column defaults, which are the safe choices; the demo seed writes the row with
 * both two-factor requirements off so a newcomer can sign in with a password alone.
 */
export const platformSetting = pgTable(
  "platform_setting",
  {
    id: smallint().primaryKey().default(1),
    /** Two-factor sign-in for platform admins, auditors and agency admins. */
    mfaRequiredForAdmins: boolean().notNull().default(true),
    /** Two-factor sign-in for every user. */
    mfaRequiredForEveryone: boolean().notNull().default(true),
    /**
     * How long a registration stands before it must be reviewed: a new person's review date
     * defaults to this many months after their registration (DOMAIN.md, "Retention").
     */
    reviewPeriodMonths: smallint().notNull().default(12),
    /**
     * The day the programme started, on its calendar: the reports mark it on every time chart
     * so a manager sees the figures before and after it. Unset until a platform admin sets it.
     */
    programmeStartedOn: date({ mode: "string" }),
    ...auditColumns(),
  },
  (t) => [
    check("platform_setting_single_row", sql`${t.id} = 1`),
    check("platform_setting_review_period_range", sql`${t.reviewPeriodMonths} between 1 and 36`),
    ...auditIndexes("platform_setting", t),
  ],
);
