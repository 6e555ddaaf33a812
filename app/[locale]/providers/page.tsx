import type { Metadata } from "next";
import { CatalogueView } from "@/components/catalogue/catalogue-view";
import type { RawSearchParams } from "@/lib/catalogue/filters";
import { catalogueMessages } from "@/lib/i18n/messages/catalogue";
import { pageMetadata } from "@/lib/seo/metadata";
import { getLocale } from "@/lib/i18n/page-locale";

// Read from the database on every request: imports and probes change it while the site runs.
export const dynamic = "force-dynamic";

type CataloguePageProps = { params: Promise<{ locale: string }>; searchParams: Promise<RawSearchParams> };

export async function generateMetadata({ params }: CataloguePageProps): Promise<Metadata> {
  const locale = await getLocale(params);
  const t = catalogueMessages[locale].catalogue;
  return pageMetadata({ locale, path: "/providers", title: t.title, description: t.description });
}

export default async function CataloguePage({ params, searchParams }: CataloguePageProps) {
  const [locale, rawParams] = await Promise.all([getLocale(params), searchParams]);
  return <CatalogueView locale={locale} rawParams={rawParams} />;
}
