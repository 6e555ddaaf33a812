import Link from "next/link";
import { serviceName } from "@/components/catalogue/catalogue-table";
import { compareQuery, MAX_COMPARE } from "@/lib/catalogue/compare-params";
import { MAX_QUERY_LENGTH } from "@/lib/catalogue/filters";
import { format } from "@/lib/i18n/format";
import { segmentLabel } from "@/lib/i18n/labels";
import { localePath, type Locale } from "@/lib/i18n/locales";
import { compareMessages } from "@/lib/i18n/messages/compare";
import type { ServiceSummary } from "@/lib/queries/catalogue";

type CompareSearchProps = {
  locale: Locale;
  // the services already chosen, in order
  selected: string[];
  query: string;
  results: ServiceSummary[];
  total: number;
};

// A plain GET form: the chosen services ride along as hidden `s` fields, so a search never
// loses the selection, with or without JavaScript. Each result is a link that appends its slug
// and keeps the search, so several services can be added from one list.
export function CompareSearch({ locale, selected, query, results, total }: CompareSearchProps) {
  const t = compareMessages[locale].search;
  const full = selected.length >= MAX_COMPARE;
  const addHref = (slug: string) => {
    const params = new URLSearchParams(compareQuery([...selected, slug]).slice(1));
    params.set("q", query);
    return `${localePath(locale, "/compare")}?${params.toString()}`;
  };
  return (
    <section className="compare-search" aria-labelledby="compare-search-heading">
      <h2 id="compare-search-heading">{t.heading}</h2>
      <form method="get" action={localePath(locale, "/compare")} role="search" className="compare-search__form">
        {selected.map((slug) => (
          <input key={slug} type="hidden" name="s" value={slug} />
        ))}
        <label htmlFor="compare-q">{t.label}</label>
        <div className="compare-search__row">
          <input
            id="compare-q"
            type="search"
            name="q"
            defaultValue={query}
            maxLength={MAX_QUERY_LENGTH}
            autoComplete="off"
            enterKeyHint="search"
          />
          <button type="submit" className="button">
            {t.submit}
          </button>
        </div>
      </form>
      {query ? (
        results.length === 0 ? (
          <p className="compare-search__status">{format(t.none, { q: query })}</p>
        ) : (
          <>
            <p className="compare-search__status">{format(t.results, { q: query, count: total })}</p>
            <ul className="compare-search__results" data-results>
              {results.map((s) => {
                const name = serviceName(s, locale);
                const chosen = selected.includes(s.slug);
                return (
                  <li key={s.slug} data-slug={s.slug}>
                    <span className="compare-search__name">
                      {name} <span className="muted">{segmentLabel(locale, s.segment)}</span>
                    </span>
                    {chosen ? (
                      <span className="compare-search__added">{t.added}</span>
                    ) : full ? null : (
                      <Link
                        prefetch={false}
                        className="button button--secondary"
                        href={addHref(s.slug)}
                        aria-label={format(t.addLabel, { name })}
                      >
                        {t.add}
                      </Link>
                    )}
                  </li>
                );
              })}
            </ul>
            {total > results.length ? (
              <p className="hint">{format(t.more, { count: total - results.length })}</p>
            ) : null}
          </>
        )
      ) : null}
    </section>
  );
}
