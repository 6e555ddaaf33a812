import type { CalendarEntry } from "@/lib/schemas/calendar";

// Where an entry stands on a given day. Partial dates name a period: "2026-12" starts on
// 1 December and, as an end, lasts to the 31st.

export type CalendarStatus = "upcoming" | "underway" | "past";

const pad = (n: number) => String(n).padStart(2, "0");

/** The first day a partial date names, as YYYY-MM-DD. */
export function firstDay(date: string): string {
  const [y, m = "01", d = "01"] = date.split("-");
  return `${y}-${m}-${d}`;
}

/** The last day a partial date names, as YYYY-MM-DD. */
export function lastDay(date: string): string {
  const [y, m, d] = date.split("-");
  if (d !== undefined) return date;
  if (m === undefined) return `${y}-12-31`;
  // Day 0 of the next month is the last day of this one.
  const last = new Date(Date.UTC(Number(y), Number(m), 0)).getUTCDate();
  return `${y}-${m}-${pad(last)}`;
}

/** The day after a YYYY-MM-DD day (iCalendar's DTEND of an all-day event is exclusive). */
export function nextDay(day: string): string {
  const [y, m, d] = day.split("-").map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + 1)).toISOString().slice(0, 10);
}

/** The last day the change is known to run to: its end, else the period its start names. */
export function entryLastDay(entry: Pick<CalendarEntry, "date" | "dateEnd">): string {
  return lastDay(entry.dateEnd ?? entry.date);
}

export function calendarStatus(
  entry: Pick<CalendarEntry, "date" | "dateEnd" | "endToBeAnnounced">,
  today: string,
): CalendarStatus {
  if (firstDay(entry.date) > today) return "upcoming";
  // An end still to be announced has not come yet.
  if (entry.endToBeAnnounced || entryLastDay(entry) >= today) return "underway";
  return "past";
}

/** Today in UTC as YYYY-MM-DD. */
export function todayUtc(now: number = Date.now()): string {
  return new Date(now).toISOString().slice(0, 10);
}

/** Oldest first, so the page reads as a timeline; ties by id for a stable order. */
export function byDate<T extends Pick<CalendarEntry, "date" | "id">>(a: T, b: T): number {
  return firstDay(a.date).localeCompare(firstDay(b.date)) || a.id.localeCompare(b.id);
}

/** Entries not yet over (upcoming or under way) that name this service or client. */
export function changesAhead<T extends Pick<CalendarEntry, "date" | "dateEnd" | "endToBeAnnounced" | "id">>(
  entries: T[],
  today: string,
  affects: (entry: T) => boolean,
): T[] {
  return entries.filter((e) => affects(e) && calendarStatus(e, today) !== "past").sort(byDate);
}
