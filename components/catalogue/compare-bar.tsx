import Link from "next/link";
import { serviceName } from "@/components/catalogue/catalogue-table";
import { compareStatus, MIN_COMPARE } from "@/lib/catalogue/compare-params";
import { format } from "@/lib/i18n/format";
import { formatNumber, localePath, type Locale } from "@/lib/i18n/locales";
import { catalogueMessages } from "@/lib/i18n/messages/catalogue";

type CompareBarProps = {
  locale: Locale;
  // the selected services that exist, in the order they were picked
  selected: Array<{ slug: string; name: string; nameEn: string | null }>;
  // the catalogue URL without this service, every filter kept
  removeHref: (slug: string) => string;
  // the URL asked for more than MAX_COMPARE
  truncated: boolean;
};

// The selection, whichever page of the list it was made on: what is picked, how to drop each
// one (a labelled "remove", since × in this table means "not supported"), and a compare button
// that says why it cannot be used yet instead of silently doing nothing.
export function CompareBar({ locale, selected, removeHref, truncated }: CompareBarProps) {
  const t = catalogueMessages[locale].compare;
  const count = selected.length;
  const status = compareStatus(count);
  const reason =
    status === "none"
      ? t.none
      : status === "too-few"
        ? format(t.tooFew, { more: formatNumber(locale, MIN_COMPARE - count) })
        : status === "full"
          ? t.atMax
          : t.ready;
  return (
    <section
      className={count > 0 ? "compare-bar compare-bar--active" : "compare-bar"}
      aria-labelledby="compare-bar-title"
      data-compare-bar
    >
      <h2 id="compare-bar-title" className="compare-bar__title">
        {t.title}
        {": "}
        <span data-compare-count>{format(t.count, { count: formatNumber(locale, count) })}</span>
      </h2>
      {count > 0 ? (
        <ul className="compare-bar__list">
          {selected.map((s) => {
            const name = serviceName(s, locale);
            return (
              <li key={s.slug} className="compare-chip" data-compare-selected={s.slug}>
                <span className="compare-chip__name">{name}</span>
                <Link
                  href={removeHref(s.slug)}
                  replace
                  scroll={false}
                  prefetch={false}
                  className="compare-chip__remove"
                >
                  <span aria-hidden="true">{t.removeShort}</span>
                  <span className="sr-only">{format(t.remove, { name })}</span>
                </Link>
              </li>
            );
          })}
        </ul>
      ) : null}
      <form method="get" action={localePath(locale, "/compare")} className="compare-bar__form">
        {selected.map((s) => (
          <input key={s.slug} type="hidden" name="s" value={s.slug} />
        ))}
        <button
          type="submit"
          className="button compare-bar__button"
          disabled={count < MIN_COMPARE}
          aria-describedby="compare-bar-reason"
        >
          {format(t.button, { count: formatNumber(locale, count) })}
        </button>
        <p id="compare-bar-reason" className="compare-bar__reason" role="status" data-compare-reason={status}>
          {truncated ? `${t.truncated} ` : null}
          {reason}
        </p>
      </form>
    </section>
  );
}
