import type { Metadata } from "next";
import { CatalogueView } from "@/components/catalogue/catalogue-view";
import { searchParamsFromCacheKey } from "@/lib/catalogue/cache-key";
import { catalogueMessages } from "@/lib/i18n/messages/catalogue";
import { pageMetadata } from "@/lib/seo/metadata";
import { getLocaleParams } from "@/lib/i18n/page-locale";

// The catalogue as the proxy serves it (proxy.ts rewrites /<locale>/providers?<query> here; a
// request for this path itself is answered 404 there). The path names the catalogue's version and
// the normalized query, so each page is rendered once, kept in Next's response cache, and replaced
// by a new path, never revalidated, when the data changes. docs/decisions/0008-catalogue-cache.md
// says why.
export const dynamicParams = true;
// The path changes with the data, so this only bounds how long a shared cache (a CDN), which sees
// the public URL, may keep the response: Cache-Control s-maxage=60.
export const revalidate = 60;

export function generateStaticParams() {
  return [];
}

type CachedCatalogueProps = { params: Promise<{ locale: string; version: string; key: string }> };

export async function generateMetadata({ params }: CachedCatalogueProps): Promise<Metadata> {
  const { locale } = await getLocaleParams(params);
  const t = catalogueMessages[locale].catalogue;
  return pageMetadata({ locale, path: "/providers", title: t.title, description: t.description });
}

export default async function CachedCataloguePage({ params }: CachedCatalogueProps) {
  const { locale, key } = await getLocaleParams(params);
  return <CatalogueView locale={locale} rawParams={searchParamsFromCacheKey(key)} />;
}
