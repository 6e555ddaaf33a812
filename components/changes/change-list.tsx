import Link from "next/link";
import { Fragment, type ReactNode } from "react";
import { SupportMark } from "@/components/ui/support-mark";
import { SourceCitation } from "@/components/ui/source-citation";
import { groupByDate } from "@/lib/catalogue/change-history";
import { formatPartialDate, localePath, type Locale } from "@/lib/i18n/locales";
import { changesMessages } from "@/lib/i18n/messages/changes";
import type { ServiceChange } from "@/lib/queries/changes";

type ChangeListProps = {
  locale: Locale;
  changes: readonly ServiceChange[];
  propertyLabels: Readonly<Record<string, string>>;
  // the catalogue-wide list names the service of each change; a service's own page does not
  showService?: boolean;
  // the date headings sit under the page's h1 (changes page) or a section's h2 (service page)
  headingLevel?: 2 | 3;
};

// "{from} から {to} へ" with marks in place of the placeholders, so the sentence reads in the
// page's language and each value keeps its symbol and spoken label.
function fillNodes(template: string, values: Record<string, ReactNode>): ReactNode[] {
  return template.split(/(\{\w+\})/).map((part, i) => {
    const key = /^\{(\w+)\}$/.exec(part)?.[1];
    return <Fragment key={i}>{key !== undefined && key in values ? values[key] : part}</Fragment>;
  });
}

// A timeline: one entry per date, newest first, each listing what changed that day.
export function ChangeList({
  locale,
  changes,
  propertyLabels,
  showService = false,
  headingLevel = 3,
}: ChangeListProps) {
  const t = changesMessages[locale];
  const Heading = `h${headingLevel}` as const;
  return (
    <ol className="change-list" data-change-list>
      {groupByDate(changes).map((group) => (
        <li key={group.date} className="change-list__day">
          <Heading className="change-list__date">
            <time dateTime={group.date}>{formatPartialDate(locale, group.date)}</time>
          </Heading>
          <ul className="change-list__items">
            {group.changes.map((c) => (
              <li
                key={`${c.service.slug}|${c.propertyKey}`}
                className="change"
                data-change={c.direction}
                data-property={c.propertyKey}
                data-service={c.service.slug}
              >
                <p className="change__what">
                  <span className={`change__direction change__direction--${c.direction}`}>
                    {t.directions[c.direction]}
                  </span>{" "}
                  {showService ? (
                    <>
                      <Link className="change__service" href={localePath(locale, `/providers/${c.service.slug}`)}>
                        {locale === "en" && c.service.nameEn ? c.service.nameEn : c.service.name}
                      </Link>
                      {locale === "ja" ? "、" : ", "}
                    </>
                  ) : null}
                  <span className="change__property">{propertyLabels[c.propertyKey] ?? c.propertyKey}</span>
                  {locale === "ja" ? ": " : ": "}
                  {c.from
                    ? fillNodes(t.changed, {
                        from: <SupportMark value={c.from.value} locale={locale} showLabel />,
                        to: <SupportMark value={c.to.value} locale={locale} showLabel />,
                      })
                    : fillNodes(t.firstValue, { to: <SupportMark value={c.to.value} locale={locale} showLabel /> })}
                </p>
                <p className="change__source">
                  {t.source}:{" "}
                  <SourceCitation source={c.to.source} asOf={c.to.asOf} verifiedOn={c.to.verifiedOn} locale={locale} />
                </p>
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}
