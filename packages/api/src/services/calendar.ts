import { sql, type SQL, type SQLWrapper } from "@truce/db";

import { PROGRAMME_TIME_ZONE } from "@truce/db/programme-calendar";

// The programme's time zone (@truce/db/programme-calendar), as the apps show dates: a day of
// a period filter, or a date without a time (an outcome's day), is a day on its calendar.
export { PROGRAMME_TIME_ZONE };

/** The first instant of a calendar day (a date value or column) in the programme's zone. */
export function programmeDayStart(day: string | SQLWrapper): SQL {
  return sql`(${day}::date::timestamp at time zone ${sql.raw(`'${PROGRAMME_TIME_ZONE}'`)})`;
}
