import { formatPartialDate, type Locale } from "@/lib/i18n/locales";
import { serviceMessages } from "@/lib/i18n/messages/service";
import { format } from "@/lib/i18n/format";
import type { SourceInfo } from "@/lib/queries/catalogue";

export function sourceTitle(source: Pick<SourceInfo, "title" | "titleEn">, locale: Locale): string {
  return locale === "en" && source.titleEn ? source.titleEn : source.title;
}

// A source cited with the date that means something for its kind: a dataset's last change
// (labelled as such, since it is not when the fact was checked), the day an undated page was
// read, or the date the claim was checked.
export function SourceCitation({
  source,
  asOf,
  verifiedOn = null,
  locale,
}: {
  source: SourceInfo;
  asOf: string;
  verifiedOn?: string | null;
  locale: Locale;
}) {
  const t = serviceMessages[locale];
  const title = sourceTitle(source, locale);
  const date = <time dateTime={asOf}>{formatPartialDate(locale, asOf)}</time>;
  return (
    <span className="citation">
      {source.url ? (
        <a href={source.url} rel="noopener noreferrer external">
          {title}
        </a>
      ) : (
        <cite>{title}</cite>
      )}
      {", "}
      {source.kind === "dataset" ? (
        <>
          {t.datasetDate} {date}
          {verifiedOn ? ` (${format(t.checkedOn, { date: formatPartialDate(locale, verifiedOn) })})` : null}
        </>
      ) : source.undated ? (
        format(t.undated, { date: formatPartialDate(locale, asOf) })
      ) : (
        date
      )}
    </span>
  );
}
