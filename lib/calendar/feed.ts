import { calendarIcs } from "@/lib/calendar/ics";
import { calendarEntryPath } from "@/lib/calendar/paths";
import { byDate } from "@/lib/calendar/timeline";
import { format } from "@/lib/i18n/format";
import { formatPartialDate, type Locale } from "@/lib/i18n/locales";
import { calendarMessages } from "@/lib/i18n/messages/calendar";
import type { CalendarEntry } from "@/lib/schemas/calendar";

// The calendar as iCalendar, one all-day event per entry, in one language. Each event links to
// its entry on the site when the origin is known (SITE_URL), else to its first source: an event
// URL must be absolute, and a guessed host would be wrong for everyone.

// The same change has the same UID in both languages: a calendar app shows it once.
const UID_DOMAIN = "calendar.mail-security-compass";

export function calendarFeed(entries: readonly CalendarEntry[], locale: Locale, origin: string | undefined): string {
  const t = calendarMessages[locale];
  const sorted = [...entries].sort(byDate);
  // The newest reading of any source: the content changes only when an entry is (re)checked.
  const stamp = sorted.flatMap((e) => e.sources.map((s) => s.read)).reduce((a, b) => (a > b ? a : b), "2026-01-01");
  return calendarIcs({
    prodId: `-//Mail Security Compass//Change calendar//${locale.toUpperCase()}`,
    name: t.icsTitle,
    stamp: `${stamp}T00:00:00Z`,
    events: sorted.map((e) => {
      const sources = e.sources.map((s) => {
        const date = s.published ?? s.read;
        const label = s.published ? t.published : t.read;
        return `${t.icsSource}: ${s.title} (${format(label, { date: formatPartialDate(locale, date) })}) ${s.url}`;
      });
      return {
        uid: `${e.id}@${UID_DOMAIN}`,
        start: e.date,
        ...(e.dateEnd ? { end: e.dateEnd } : {}),
        summary: `${e.who[locale]}: ${e.title[locale]}`,
        description: [e.what[locale], `${t.icsAction}: ${e.action[locale]}`, ...sources].join("\n\n"),
        url: origin ? `${origin}${calendarEntryPath(locale, e.id)}` : e.sources[0]!.url,
      };
    }),
  });
}
