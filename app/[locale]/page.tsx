import Link from "next/link";
import { CatalogueTable } from "@/components/catalogue/catalogue-table";
import { toQueryString } from "@/lib/catalogue/filters";
import { format } from "@/lib/i18n/format";
import { catalogueMessages } from "@/lib/i18n/messages/catalogue";
import { commonMessages } from "@/lib/i18n/messages/common";
import { formatNumber, localePath } from "@/lib/i18n/locales";
import { getServiceProperties } from "@/lib/queries/properties";
import { getCatalogueStats, getEditorsPicks } from "@/lib/queries/catalogue";
import { pageMetadata } from "@/lib/seo/metadata";
import { getLocale } from "@/lib/i18n/page-locale";

// Read from the database on every request: imports and probes change it while the site runs.
export const dynamic = "force-dynamic";

type HomePageProps = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: HomePageProps) {
  const locale = await getLocale(params);
  return pageMetadata({ locale, path: "/", description: commonMessages[locale].siteTagline });
}

export default async function HomePage({ params }: HomePageProps) {
  const locale = await getLocale(params);
  const t = catalogueMessages[locale];
  const [properties, editorsPicks, stats] = await Promise.all([
    getServiceProperties(),
    getEditorsPicks(),
    getCatalogueStats(),
  ]);
  const catalogue = (has: string[], segment: "all" | "business" = "all") =>
    localePath(locale, `/providers${toQueryString({ has, segment })}`);

  return (
    <div className="page home">
      <section className="hero">
        <h1>{t.home.title}</h1>
        <p className="lead">{t.home.lead}</p>
        <p className="hint">
          {format(t.home.stats, {
            services: formatNumber(locale, stats.services),
            clients: formatNumber(locale, stats.clients),
          })}
        </p>
        <p>
          <Link className="button" href={localePath(locale, "/providers")}>
            {t.home.browse}
          </Link>
        </p>
      </section>
      <section aria-labelledby="popular-filters">
        <h2 id="popular-filters">{t.home.popularFilters}</h2>
        <ul className="link-list">
          <li>
            <Link href={catalogue(["pop3s", "smtps"])}>{t.home.filterReceiveSend}</Link>
          </li>
          <li>
            <Link href={catalogue(["smtps"], "business")}>{t.home.filterBusiness}</Link>
          </li>
          <li>
            <Link href={localePath(locale, "/articles")}>{t.home.learn}</Link>
          </li>
        </ul>
      </section>
      {editorsPicks.length > 0 ? (
        <section aria-labelledby="editors-pick">
          <h2 id="editors-pick">{t.home.editorsPick}</h2>
          <CatalogueTable locale={locale} providers={editorsPicks} properties={properties} />
        </section>
      ) : null}
    </div>
  );
}
