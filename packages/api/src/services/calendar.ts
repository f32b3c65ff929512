import { sql, type SQL, type SQLWrapper } from "@truce/db";

/**
 * The programme's time zone, as the apps show dates (packages/ui i18n-request.ts): a day of
 * a period filter, or a date without a time (an outcome's day), is a day on its calendar.
 */
export const PROGRAMME_TIME_ZONE = "Europe/Stockholm";

/** The first instant of a calendar day (a date value or column) in the programme's zone. */
export function programmeDayStart(day: string | SQLWrapper): SQL {
  return sql`(${day}::date::timestamp at time zone ${sql.raw(`'${PROGRAMME_TIME_ZONE}'`)})`;
}
