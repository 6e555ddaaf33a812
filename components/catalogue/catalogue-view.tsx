import { FilterPanel } from "@/components/catalogue/filter-panel";
import { Pagination } from "@/components/catalogue/pagination";
import { CatalogueTable } from "@/components/catalogue/catalogue-table";
import { CompareBar } from "@/components/catalogue/compare-bar";
import { LEGEND_PATH, SupportLegend } from "@/components/catalogue/support-legend";
import { compareStatus, parseCompareParams, toggleCompare } from "@/lib/catalogue/compare-params";
import { parseCatalogueFilters, toQueryString, type RawSearchParams } from "@/lib/catalogue/filters";
import { format } from "@/lib/i18n/format";
import { catalogueMessages } from "@/lib/i18n/messages/catalogue";
import { formatNumber, localePath, type Locale } from "@/lib/i18n/locales";
import { getServiceProperties } from "@/lib/queries/properties";
import { getServices, getServicesBySlugs } from "@/lib/queries/catalogue";

// The catalogue for one set of search parameters. Rendered by the public route for a request the
// cache cannot take and by the cached route (app/[locale]/catalogue-cache) for every other one.
export async function CatalogueView({ locale, rawParams }: { locale: Locale; rawParams: RawSearchParams }) {
  const t = catalogueMessages[locale];
  const properties = await getServiceProperties();
  const filters = parseCatalogueFilters(
    rawParams,
    properties.map((p) => p.key),
  );
  const requested = parseCompareParams(rawParams);
  const [result, selectedServices] = await Promise.all([
    getServices(filters, locale),
    getServicesBySlugs(requested.slugs),
  ]);
  // Slugs that name no service are dropped from every link the page makes.
  const selected = selectedServices.map((s) => s.slug);
  const action = localePath(locale, "/providers");
  const here = { ...filters, page: result.page };
  // The catalogue's own links are relative ("?page=2"): the path is the page's own, and a 20-row
  // page has some forty of them, each written twice (HTML and RSC payload).
  const link = (query: string) => query || action;
  const hrefWith = (compare: string[]) => link(toQueryString(here, compare));
  const compare = {
    selected,
    hrefFor: (slug: string) => hrefWith(toggleCompare(selected, slug)),
    full: compareStatus(selected.length) === "full",
  };
  const from = result.total === 0 ? 0 : (result.page - 1) * result.per + 1;
  const to = Math.min(result.total, result.page * result.per);

  return (
    <div className="page catalogue">
      <h1>{t.catalogue.title}</h1>
      <p className="lead">{t.catalogue.description}</p>
      <a href="#results" className="skip-to-results">
        {t.catalogue.skipToResults}
      </a>
      <div className="catalogue__layout">
        <FilterPanel
          locale={locale}
          action={action}
          filters={filters}
          compare={selected}
          total={result.total}
          properties={properties}
        />
        <section id="results" tabIndex={-1} className="catalogue__results" aria-labelledby="results-heading">
          <h2 id="results-heading" className="results-count">
            {result.total === 0
              ? t.catalogue.noResults
              : format(t.catalogue.results, {
                  total: formatNumber(locale, result.total),
                  from: formatNumber(locale, from),
                  to: formatNumber(locale, to),
                })}
          </h2>
          {result.total > 0 ? (
            <>
              <CatalogueTable
                locale={locale}
                providers={result.items}
                properties={properties}
                compare={compare}
                legendHref={localePath(locale, LEGEND_PATH)}
                sortByName={{
                  href: link(toQueryString({ ...filters, sort: "name", page: 1 }, selected)),
                  active: filters.sort === "name",
                }}
              />
              <p className="hint table-note">{t.catalogue.tableNote}</p>
              <Pagination
                locale={locale}
                page={result.page}
                pageCount={result.pageCount}
                hrefFor={(page) => link(toQueryString({ ...filters, page }, selected))}
              />
            </>
          ) : null}
          <CompareBar
            locale={locale}
            selected={selectedServices}
            removeHref={(slug) => hrefWith(selected.filter((s) => s !== slug))}
            truncated={requested.truncated}
          />
        </section>
      </div>
      <SupportLegend locale={locale} />
    </div>
  );
}
