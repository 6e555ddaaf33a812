import { z } from "zod";
import { FUTURE_DATE_TOLERANCE_DAYS } from "@/lib/schemas/limits";

// Dates in data files and imported datasets: days that exist on the calendar (2026-02-31 does
// not) and that have begun, give or take a time zone. A partial date ("2026", "2026-03") is
// as precise as its source; it is in the future when the period it names has not begun.

const DAY_MS = 86_400_000;

/** The latest day a date may name: today in UTC plus the tolerance, as YYYY-MM-DD. */
export function latestAllowedDay(now: number = Date.now()): string {
  return new Date(now + FUTURE_DATE_TOLERANCE_DAYS * DAY_MS).toISOString().slice(0, 10);
}

function isCalendarDate(text: string): boolean {
  const [y, m, d] = text.split("-").map(Number);
  if (m === undefined) return true;
  if (y === undefined || m < 1 || m > 12) return false;
  if (d === undefined) return true;
  // Date.UTC rolls 02-31 over into March; a real day comes back unchanged.
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

// "2026-03" starts before "2026-03-05": comparing the same number of characters compares the
// first day of the period with the latest allowed day.
function hasBegun(text: string): boolean {
  return text <= latestAllowedDay().slice(0, text.length);
}

function onTheCalendar(pattern: RegExp, format: string) {
  return z
    .string()
    .regex(pattern, { error: `must be ${format}`, abort: true })
    .refine(isCalendarDate, { error: (issue) => `${String(issue.input)} is not a date on the calendar`, abort: true });
}

function datePattern(pattern: RegExp, format: string) {
  return onTheCalendar(pattern, format).refine(hasBegun, {
    error: (issue) => `${String(issue.input)} is in the future (the latest allowed is ${latestAllowedDay()})`,
  });
}

/** A day: YYYY-MM-DD. */
export const calendarDateSchema = datePattern(/^\d{4}-\d{2}-\d{2}$/, "YYYY-MM-DD");

/** As precise as the source is: a year, a month or a day. */
export const partialDateSchema = datePattern(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/, "YYYY, YYYY-MM or YYYY-MM-DD");

/** A month or a day, as dataset maintainers note when they last checked a record. */
export const monthOrDaySchema = datePattern(/^\d{4}-\d{2}(?:-\d{2})?$/, "YYYY-MM or YYYY-MM-DD");

/** A date a change is scheduled for (data/calendar.json): as precise as the source, and it may
 * lie in the future, which is the point of a calendar. */
export const scheduledDateSchema = onTheCalendar(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/, "YYYY, YYYY-MM or YYYY-MM-DD");
