import type { Metadata } from "next";
import { CalendarEntryCard } from "@/components/calendar/calendar-entry";
import { CALENDAR_CONTENT_TYPE, calendarIcsPath } from "@/lib/calendar/paths";
import { calendarMessages } from "@/lib/i18n/messages/calendar";
import { getLocale } from "@/lib/i18n/page-locale";
import { getCalendar } from "@/lib/queries/calendar";
import { pageMetadata } from "@/lib/seo/metadata";
import "../../calendar.css";

// Per request: what is upcoming or past depends on the day, and the services named are the
// rows the database holds now.
export const dynamic = "force-dynamic";

type CalendarPageProps = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: CalendarPageProps): Promise<Metadata> {
  const locale = await getLocale(params);
  const t = calendarMessages[locale];
  return pageMetadata({ locale, path: "/calendar", title: t.title, description: t.description, calendarFeed: true });
}

export default async function CalendarPage({ params }: CalendarPageProps) {
  const [locale, entries] = await Promise.all([getLocale(params), getCalendar()]);
  const t = calendarMessages[locale];
  const ahead = entries.filter((e) => e.status !== "past");
  // The most recent past change first: the older, the less it concerns anyone.
  const past = entries.filter((e) => e.status === "past").reverse();

  return (
    <article className="page calendar">
      <h1>{t.title}</h1>
      <p className="lead">{t.lead}</p>
      <p className="calendar__subscribe">
        {t.subscribe}{" "}
        <a href={calendarIcsPath(locale)} type={CALENDAR_CONTENT_TYPE} download data-calendar-ics>
          {t.icsLink}
        </a>
      </p>
      <section aria-labelledby="calendar-ahead" data-calendar-section="ahead">
        <h2 id="calendar-ahead">{t.ahead}</h2>
        {ahead.length === 0 ? <p>{t.none}</p> : null}
        {ahead.map((e) => (
          <CalendarEntryCard key={e.id} entry={e} locale={locale} />
        ))}
      </section>
      <section aria-labelledby="calendar-past" data-calendar-section="past">
        <h2 id="calendar-past">{t.past}</h2>
        {past.length === 0 ? <p>{t.none}</p> : null}
        {past.map((e) => (
          <CalendarEntryCard key={e.id} entry={e} locale={locale} />
        ))}
      </section>
    </article>
  );
}
