import type { Metadata } from "next";
import Link from "next/link";
import { ChangeList } from "@/components/changes/change-list";
import { FeedLinks } from "@/components/changes/feed-links";
import { Pagination } from "@/components/catalogue/pagination";
import type { RawSearchParams } from "@/lib/catalogue/filters";
import {
  changeFiltersQuery,
  DIRECTION_FILTERS,
  matchesChangeFilters,
  paginate,
  parseChangeFilters,
} from "@/lib/changes/filters";
import { format } from "@/lib/i18n/format";
import { propertyLabel } from "@/lib/i18n/labels";
import { formatNumber, localePath } from "@/lib/i18n/locales";
import { changesMessages } from "@/lib/i18n/messages/changes";
import { getLocale } from "@/lib/i18n/page-locale";
import { getCatalogueChanges } from "@/lib/queries/changes";
import { getServiceProperties } from "@/lib/queries/properties";
import { pageMetadata } from "@/lib/seo/metadata";
import "../../changes.css";

// Read from the database on every request: imports and probes change it while the site runs.
export const dynamic = "force-dynamic";

type ChangesPageProps = { params: Promise<{ locale: string }>; searchParams: Promise<RawSearchParams> };

export async function generateMetadata({ params }: ChangesPageProps): Promise<Metadata> {
  const locale = await getLocale(params);
  const t = changesMessages[locale];
  return pageMetadata({ locale, path: "/changes", title: t.title, description: t.description });
}

export default async function ChangesPage({ params, searchParams }: ChangesPageProps) {
  const [locale, raw, properties, all] = await Promise.all([
    getLocale(params),
    searchParams,
    getServiceProperties(),
    getCatalogueChanges(),
  ]);
  const t = changesMessages[locale];
  const filters = parseChangeFilters(
    raw,
    properties.map((p) => p.key),
  );
  const matching = all.filter((c) => matchesChangeFilters(c, filters));
  const shown = paginate(matching, filters.page);
  const labels = Object.fromEntries(properties.map((p) => [p.key, propertyLabel(p, locale)]));
  const filtered = filters.direction !== "all" || filters.property !== "";
  const action = localePath(locale, "/changes");

  return (
    <article className="page changes">
      <h1>{t.title}</h1>
      <p>{t.lead}</p>
      <FeedLinks locale={locale} />
      <form method="get" action={action} className="change-filters">
        <fieldset>
          <legend>{t.filters.legend}</legend>
          <div className="change-filters__field">
            <label htmlFor="change-direction">{t.filters.direction}</label>
            <select id="change-direction" name="direction" defaultValue={filters.direction}>
              {DIRECTION_FILTERS.map((d) => (
                <option key={d} value={d}>
                  {t.directions[d]}
                </option>
              ))}
            </select>
          </div>
          <div className="change-filters__field">
            <label htmlFor="change-property">{t.filters.property}</label>
            <select id="change-property" name="property" defaultValue={filters.property}>
              <option value="">{t.filters.allProperties}</option>
              {properties.map((p) => (
                <option key={p.key} value={p.key}>
                  {labels[p.key]}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button">
            {t.filters.submit}
          </button>
          {filtered ? <Link href={action}>{t.filters.reset}</Link> : null}
        </fieldset>
      </form>
      <section aria-labelledby="changes-results">
        <h2 id="changes-results" className="changes__count" data-change-count={matching.length}>
          {format(filtered ? t.countFiltered : t.count, { count: formatNumber(locale, matching.length) })}
        </h2>
        {shown.items.length === 0 ? (
          <p>{t.none}</p>
        ) : (
          <ChangeList locale={locale} changes={shown.items} propertyLabels={labels} showService headingLevel={3} />
        )}
        <Pagination
          locale={locale}
          page={shown.page}
          pageCount={shown.pageCount}
          hrefFor={(page) => `${action}${changeFiltersQuery({ ...filters, page })}`}
        />
      </section>
    </article>
  );
}
