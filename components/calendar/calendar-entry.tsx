import Link from "next/link";
import { CalendarDate } from "@/components/calendar/calendar-date";
import { serviceName } from "@/components/catalogue/catalogue-table";
import { format } from "@/lib/i18n/format";
import { formatPartialDate, localePath, type Locale } from "@/lib/i18n/locales";
import { calendarMessages } from "@/lib/i18n/messages/calendar";
import type { CalendarEntryView, CalendarLink } from "@/lib/queries/calendar";

// One change on the calendar page; its id is the anchor service and client pages link to.
export function CalendarEntryCard({ entry, locale }: { entry: CalendarEntryView; locale: Locale }) {
  const t = calendarMessages[locale];
  return (
    <article className="calendar-entry" id={entry.id} aria-labelledby={`${entry.id}-title`} data-calendar-entry>
      <p className="calendar-entry__when">
        <span className={`calendar-entry__status calendar-entry__status--${entry.status}`}>
          {t.status[entry.status]}
        </span>{" "}
        <strong data-calendar-date>
          <CalendarDate entry={entry} locale={locale} />
        </strong>
      </p>
      <h3 id={`${entry.id}-title`}>{entry.title[locale]}</h3>
      <dl className="calendar-entry__facts">
        <div>
          <dt>{t.who}</dt>
          <dd>{entry.who[locale]}</dd>
        </div>
        <div>
          <dt>{t.what}</dt>
          <dd>{entry.what[locale]}</dd>
        </div>
        <div>
          <dt>{t.action}</dt>
          <dd>{entry.action[locale]}</dd>
        </div>
        {entry.services.length > 0 ? (
          <div>
            <dt>{t.services}</dt>
            <dd>
              <LinkList
                locale={locale}
                links={entry.services}
                href={(slug) => localePath(locale, `/providers/${slug}`)}
              />
            </dd>
          </div>
        ) : null}
        {entry.clients.length > 0 ? (
          <div>
            <dt>{t.clients}</dt>
            <dd>
              <LinkList
                locale={locale}
                links={entry.clients}
                href={(slug) => `${localePath(locale, "/clients")}#client-${slug}`}
              />
            </dd>
          </div>
        ) : null}
        {entry.note ? (
          <div>
            <dt>{t.note}</dt>
            <dd>{entry.note[locale]}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t.sources}</dt>
          <dd>
            <ul className="calendar-entry__sources">
              {entry.sources.map((s) => (
                <li key={s.url} data-calendar-source>
                  <a href={s.url} rel="noopener noreferrer external">
                    {s.title}
                  </a>{" "}
                  <span className="muted">
                    ({s.publisher}
                    {s.published ? (
                      <>
                        {", "}
                        <time dateTime={s.published}>
                          {format(t.published, { date: formatPartialDate(locale, s.published) })}
                        </time>
                      </>
                    ) : null}
                    {", "}
                    <time dateTime={s.read}>{format(t.read, { date: formatPartialDate(locale, s.read) })}</time>)
                  </span>
                </li>
              ))}
            </ul>
          </dd>
        </div>
      </dl>
    </article>
  );
}

function LinkList({ locale, links, href }: { locale: Locale; links: CalendarLink[]; href: (slug: string) => string }) {
  return (
    <ul className="calendar-entry__links">
      {links.map((l) => (
        <li key={l.slug}>{l.exists ? <Link href={href(l.slug)}>{serviceName(l, locale)}</Link> : l.name}</li>
      ))}
    </ul>
  );
}
