import type { Metadata } from "next";
import { FilterForm } from "@/components/catalogue/filter-form";
import { Pagination } from "@/components/catalogue/pagination";
import { CatalogueTable } from "@/components/catalogue/catalogue-table";
import { SupportLegend } from "@/components/catalogue/support-legend";
import { parseCatalogueFilters, toQueryString, type RawSearchParams } from "@/lib/catalogue/filters";
import { format } from "@/lib/i18n/format";
import { catalogueMessages } from "@/lib/i18n/messages/catalogue";
import { formatNumber, localePath } from "@/lib/i18n/locales";
import { getServiceProperties } from "@/lib/queries/properties";
import { getServices } from "@/lib/queries/catalogue";
import { pageMetadata } from "@/lib/seo/metadata";
import { propertyLabel } from "@/lib/i18n/labels";
import { getLocale } from "@/lib/i18n/page-locale";

// Read from the database on every request: imports and probes change it while the site runs.
export const dynamic = "force-dynamic";

type CataloguePageProps = { params: Promise<{ locale: string }>; searchParams: Promise<RawSearchParams> };

export async function generateMetadata({ params }: CataloguePageProps): Promise<Metadata> {
  const locale = await getLocale(params);
  const t = catalogueMessages[locale].catalogue;
  return pageMetadata({ locale, path: "/providers", title: t.title, description: t.description });
}

const COMPARE_FORM_ID = "compare-form";

export default async function CataloguePage({ params, searchParams }: CataloguePageProps) {
  const locale = await getLocale(params);
  const t = catalogueMessages[locale];
  const [properties, rawParams] = await Promise.all([getServiceProperties(), searchParams]);
  const filters = parseCatalogueFilters(
    rawParams,
    properties.map((p) => p.key),
  );
  const result = await getServices(filters);
  const action = localePath(locale, "/providers");
  const from = result.total === 0 ? 0 : (result.page - 1) * result.per + 1;
  const to = Math.min(result.total, result.page * result.per);

  return (
    <div className="page catalogue">
      <h1>{t.catalogue.title}</h1>
      <p className="lead">{t.catalogue.description}</p>
      <div className="catalogue__layout">
        <FilterForm
          locale={locale}
          action={action}
          filters={filters}
          properties={properties.map((p) => ({ key: p.key, category: p.category, label: propertyLabel(p, locale) }))}
        />
        <section className="catalogue__results" aria-labelledby="results-heading">
          <h2 id="results-heading" className="results-count" aria-live="polite">
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
              <p className="hint table-note">{t.catalogue.tableNote}</p>
              <CatalogueTable
                locale={locale}
                providers={result.items}
                properties={properties}
                compareFormId={COMPARE_FORM_ID}
              />
              <form id={COMPARE_FORM_ID} method="get" action={localePath(locale, "/compare")} className="compare-form">
                <button type="submit" className="button">
                  {t.catalogue.compareButton}
                </button>
                <span className="hint">{t.catalogue.compareHint}</span>
              </form>
              <Pagination
                locale={locale}
                page={result.page}
                pageCount={result.pageCount}
                hrefFor={(page) => `${action}${toQueryString({ ...filters, page })}`}
              />
            </>
          ) : null}
        </section>
      </div>
      <SupportLegend locale={locale} properties={properties} />
    </div>
  );
}
