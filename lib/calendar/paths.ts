import { localePath, type Locale } from "@/lib/i18n/locales";

export const CALENDAR_CONTENT_TYPE = "text/calendar";

export function calendarIcsPath(locale: Locale): string {
  return `/${locale}/calendar.ics`;
}

/** The entry's place on the calendar page. */
export function calendarEntryPath(locale: Locale, id: string): string {
  return `${localePath(locale, "/calendar")}#${id}`;
}
