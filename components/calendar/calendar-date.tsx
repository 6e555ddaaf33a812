import { formatPartialDate, type Locale } from "@/lib/i18n/locales";
import { calendarMessages } from "@/lib/i18n/messages/calendar";
import type { CalendarEntry } from "@/lib/schemas/calendar";

// A change's date as precise as its source: a day, a month, a range, or a start with its end to come.
export function CalendarDate({
  entry,
  locale,
}: {
  entry: Pick<CalendarEntry, "date" | "dateEnd" | "endToBeAnnounced">;
  locale: Locale;
}) {
  const t = calendarMessages[locale];
  const start = <time dateTime={entry.date}>{formatPartialDate(locale, entry.date)}</time>;
  if (entry.dateEnd) {
    const [before, after] = t.range.split("{start}");
    const [middle, rest] = (after ?? "").split("{end}");
    return (
      <>
        {before}
        {start}
        {middle}
        <time dateTime={entry.dateEnd}>{formatPartialDate(locale, entry.dateEnd)}</time>
        {rest}
      </>
    );
  }
  if (entry.endToBeAnnounced) {
    const [before, after] = t.endToBeAnnounced.split("{start}");
    return (
      <>
        {before}
        {start}
        {after}
      </>
    );
  }
  return start;
}
