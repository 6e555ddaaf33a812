import type { Metadata } from "next";
import Link from "next/link";
import { serviceName } from "@/components/catalogue/catalogue-table";
import { SupportMark } from "@/components/ui/support-mark";
import { compareQuery, MIN_COMPARE, parseCompareParams } from "@/lib/catalogue/compare-params";
import type { RawSearchParams } from "@/lib/catalogue/filters";
import { format } from "@/lib/i18n/format";
import { catalogueMessages } from "@/lib/i18n/messages/catalogue";
import { compareMessages } from "@/lib/i18n/messages/compare";
import { localePath } from "@/lib/i18n/locales";
import { getServiceProperties } from "@/lib/queries/properties";
import { getServicesBySlugs } from "@/lib/queries/catalogue";
import { pageMetadata } from "@/lib/seo/metadata";
import { propertyLabel, segmentLabel } from "@/lib/i18n/labels";
import { getLocale } from "@/lib/i18n/page-locale";

// Read from the database on every request: imports and probes change it while the site runs.
export const dynamic = "force-dynamic";

type ComparePageProps = { params: Promise<{ locale: string }>; searchParams: Promise<RawSearchParams> };

export async function generateMetadata({ params }: ComparePageProps): Promise<Metadata> {
  const locale = await getLocale(params);
  return {
    ...pageMetadata({
      locale,
      path: "/compare",
      title: compareMessages[locale].title,
      description: compareMessages[locale].description,
    }),
    robots: { index: false },
  };
}

export default async function ComparePage({ params, searchParams }: ComparePageProps) {
  const locale = await getLocale(params);
  const t = compareMessages[locale];
  const c = catalogueMessages[locale];
  const { slugs, truncated } = parseCompareParams(await searchParams);
  const [providers, properties] = await Promise.all([getServicesBySlugs(slugs), getServiceProperties()]);
  const found = providers.map((p) => p.slug);

  return (
    <div className="page compare">
      <h1>{t.title}</h1>
      <p className="lead">{t.description}</p>
      {truncated ? <p className="notice">{t.truncated}</p> : null}
      {found.length < slugs.length ? <p className="notice">{t.missing}</p> : null}
      {providers.length < MIN_COMPARE ? (
        <p className="notice">
          {t.chooseMore} <Link href={localePath(locale, "/providers")}>{t.chooseLink}</Link>
        </p>
      ) : null}
      {providers.length > 0 ? (
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="compare-caption">
          <table className="support-table compare-table">
            <caption id="compare-caption">{t.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.property}</th>
                {providers.map((p) => (
                  <th scope="col" key={p.slug}>
                    <Link href={localePath(locale, `/providers/${p.slug}`)}>{serviceName(p, locale)}</Link>
                    <br />
                    <Link
                      className="remove-link"
                      href={localePath(locale, `/compare${compareQuery(found.filter((s) => s !== p.slug))}`)}
                      aria-label={format(t.remove, { name: serviceName(p, locale) })}
                    >
                      ×
                    </Link>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">{c.catalogue.segmentColumn}</th>
                {providers.map((p) => (
                  <td key={p.slug}>{segmentLabel(locale, p.segment)}</td>
                ))}
              </tr>
              {properties.map((prop) => (
                <tr key={prop.key} data-property={prop.key}>
                  <th scope="row">
                    {prop.articleSlug ? (
                      <Link href={localePath(locale, `/articles/${prop.articleSlug}`)}>
                        {propertyLabel(prop, locale)}
                      </Link>
                    ) : (
                      propertyLabel(prop, locale)
                    )}
                  </th>
                  {providers.map((p) => (
                    <td key={p.slug}>
                      <SupportMark value={p.support[prop.key]?.value ?? "unknown"} locale={locale} showLabel />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <p className="hint">{t.sourceNote}</p>
    </div>
  );
}
