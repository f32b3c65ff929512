/**
 * The programme's calendar, for the server and the browser alike (no database here): its
 * time zone, in which the apps show every date and a day without a time (an outcome's day,
 * a period filter's bounds) is a day, and today on that calendar.
 */
export const PROGRAMME_TIME_ZONE = "Europe/Stockholm";

const dayFormat = new Intl.DateTimeFormat("en-CA", {
  timeZone: PROGRAMME_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The programme's day of an instant, as a date input holds it ("2026-01-31"). */
export function programmeDay(at: Date): string {
  const parts = Object.fromEntries(dayFormat.formatToParts(at).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** Today on the programme's calendar ("2026-01-31"): after 23:00 UTC in winter, tomorrow. */
export const programmeToday = () => programmeDay(new Date());

/**
 * The day `months` calendar months after `day` ("2026-01-31" + 1 → "2026-02-28"): the last
 * day of a shorter month when the day does not exist there.
 */
export function addMonths(day: string, months: number): string {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  const first = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastOfMonth = new Date(
    Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0),
  ).getUTCDate();
  first.setUTCDate(Math.min(date, lastOfMonth));
  return first.toISOString().slice(0, 10);
}
