import Link from "next/link";
import { CalendarDate } from "@/components/calendar/calendar-date";
import { calendarEntryPath } from "@/lib/calendar/paths";
import type { Locale } from "@/lib/i18n/locales";
import { calendarMessages } from "@/lib/i18n/messages/calendar";
import type { CalendarEntry } from "@/lib/schemas/calendar";

// Upcoming and under-way calendar entries, each linking to its place on the calendar page.
export function ChangesAheadList({ entries, locale }: { entries: CalendarEntry[]; locale: Locale }) {
  return (
    <ul className="changes-ahead__list">
      {entries.map((e) => (
        <li key={e.id} data-change-ahead={e.id}>
          <strong>
            <CalendarDate entry={e} locale={locale} />
          </strong>{" "}
          <Link href={calendarEntryPath(locale, e.id)}>{e.title[locale]}</Link>
        </li>
      ))}
    </ul>
  );
}

/** The "changes ahead" box of a service page; nothing when no entry affects the service. */
export function ChangesAhead({ entries, locale }: { entries: CalendarEntry[]; locale: Locale }) {
  if (entries.length === 0) return null;
  const t = calendarMessages[locale];
  return (
    <section className="changes-ahead" aria-labelledby="changes-ahead" data-changes-ahead>
      <h2 id="changes-ahead">{t.changesAhead}</h2>
      <p>{t.changesAheadLead}</p>
      <ChangesAheadList entries={entries} locale={locale} />
    </section>
  );
}
