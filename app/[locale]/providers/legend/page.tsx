import type { Metadata } from "next";
import Link from "next/link";
import { LEGEND_PATH, SupportLegend } from "@/components/catalogue/support-legend";
import { catalogueMessages } from "@/lib/i18n/messages/catalogue";
import { localePath } from "@/lib/i18n/locales";
import { getLocale } from "@/lib/i18n/page-locale";
import { getServiceProperties } from "@/lib/queries/properties";
import { pageMetadata } from "@/lib/seo/metadata";

// The property list lives in the database, which an import changes while the site runs.
export const dynamic = "force-dynamic";

type LegendPageProps = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: LegendPageProps): Promise<Metadata> {
  const locale = await getLocale(params);
  const t = catalogueMessages[locale].legendPage;
  return pageMetadata({ locale, path: LEGEND_PATH, title: t.title, description: t.description });
}

// The catalogue's whole legend, which its column groups' "?" links lead to.
export default async function LegendPage({ params }: LegendPageProps) {
  const locale = await getLocale(params);
  const t = catalogueMessages[locale].legendPage;
  const properties = await getServiceProperties();
  return (
    <div className="page catalogue">
      <h1>{t.title}</h1>
      <p className="lead">{t.lead}</p>
      <SupportLegend locale={locale} properties={properties} />
      <p data-domain-note>{catalogueMessages[locale].legend.domainNote}</p>
      <p>
        <Link href={localePath(locale, "/providers")} prefetch={false}>
          {t.back}
        </Link>
      </p>
    </div>
  );
}
