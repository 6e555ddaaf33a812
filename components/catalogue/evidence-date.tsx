import { isStale, STALE_AFTER_MONTHS } from "@/lib/catalogue/freshness";
import { format } from "@/lib/i18n/format";
import { formatPartialDate, type Locale } from "@/lib/i18n/locales";
import { catalogueMessages } from "@/lib/i18n/messages/catalogue";

// How old the newest evidence behind a row is, marked stale past STALE_AFTER_MONTHS.
export function EvidenceDate({ locale, value }: { locale: Locale; value: string | null }) {
  const t = catalogueMessages[locale].freshness;
  if (!value) return <span className="muted">{t.none}</span>;
  const stale = isStale(value);
  // the wrapper only lays the badge out beside the date
  if (!stale) return <time dateTime={value}>{formatPartialDate(locale, value)}</time>;
  return (
    <span className="evidence evidence--stale" data-stale="">
      <time dateTime={value}>{formatPartialDate(locale, value)}</time>
      <span className="badge badge--stale" title={format(t.staleHint, { months: STALE_AFTER_MONTHS })}>
        {t.stale}
      </span>
    </span>
  );
}
