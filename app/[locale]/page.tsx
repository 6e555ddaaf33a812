import Link from "next/link";
import { EditorsPick } from "@/components/home/editors-pick";
import { GoodToday } from "@/components/home/good-today";
import { StartPoints } from "@/components/home/start-points";
import { SupportChart } from "@/components/home/support-chart";
import { buildSupportChart } from "@/lib/home/support-chart";
import { format } from "@/lib/i18n/format";
import { commonMessages } from "@/lib/i18n/messages/common";
import { homeMessages } from "@/lib/i18n/messages/home";
import { formatNumber, localePath } from "@/lib/i18n/locales";
import { getLocale } from "@/lib/i18n/page-locale";
import { getCatalogueStats } from "@/lib/queries/catalogue";
import { getCurrentEditorsPicks, getSupportCounts } from "@/lib/queries/home";
import { getServiceProperties } from "@/lib/queries/properties";
import { pageMetadata } from "@/lib/seo/metadata";
import "../home.css";

// Read from the database on every request: imports and probes change it while the site runs.
export const dynamic = "force-dynamic";

type HomePageProps = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: HomePageProps) {
  const locale = await getLocale(params);
  const t = homeMessages[locale];
  // The layout's "%s | site" template applies to child segments only, and home is the layout's
  // own segment: the site name is added here so the tab still says whose page it is.
  const title = `${t.title} | ${commonMessages[locale].siteName}`;
  return pageMetadata({ locale, path: "/", title, description: t.lead });
}

export default async function HomePage({ params }: HomePageProps) {
  const locale = await getLocale(params);
  const t = homeMessages[locale];
  const [properties, picks, stats, counts] = await Promise.all([
    getServiceProperties(),
    getCurrentEditorsPicks(),
    getCatalogueStats(),
    getSupportCounts(),
  ]);
  const rows = buildSupportChart(
    properties.map((p) => p.key),
    counts.now,
    counts.then,
  );

  return (
    <div className="page home">
      <section className="home-hero">
        <h1>{t.title}</h1>
        <p className="lead">{t.lead}</p>
        <p className="hint">
          {format(t.stats, {
            services: formatNumber(locale, stats.services),
            clients: formatNumber(locale, stats.clients),
          })}
        </p>
      </section>
      <GoodToday locale={locale} />
      <StartPoints locale={locale} />
      <SupportChart
        locale={locale}
        properties={properties}
        rows={rows}
        totals={{ now: counts.now.total, then: counts.then.total }}
      />
      <p>
        <Link prefetch={false} href={localePath(locale, "/articles/since-2006")}>
          {t.chart.since2006}
        </Link>
      </p>
      {picks.length > 0 ? <EditorsPick locale={locale} picks={picks} properties={properties} /> : null}
    </div>
  );
}
