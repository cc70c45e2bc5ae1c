// The per-day tables (search_misses, feedback_page_days, diagnosis_days) count by UTC calendar day.

const DAY_MS = 86_400_000;

/** The UTC calendar day of `at`, as a `day` column holds it: `2026-12-03`. */
export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** The first of the `days` UTC days that end with `now`'s: for 7 days on 2026-12-07, 2026-12-01. */
export function firstDayOf(days: number, now: Date): string {
  return utcDay(new Date(now.getTime() - (days - 1) * DAY_MS));
}

/** Every UTC day of such a window, oldest first, so a chart can show the days nothing was counted. */
export function daysOf(days: number, now: Date): string[] {
  return Array.from({ length: days }, (_, index) => utcDay(new Date(now.getTime() - (days - 1 - index) * DAY_MS)));
}
