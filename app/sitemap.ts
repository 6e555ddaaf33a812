import type { MetadataRoute } from "next";
import { articlesFor, findArticle, getArticleLibrary } from "@/lib/articles";
import { DEFAULT_LOCALE, LOCALES, type Locale } from "@/lib/i18n/locales";
import { getServiceSlugs } from "@/lib/queries/sitemap";
import { absoluteUrl, languageAlternates } from "@/lib/seo/metadata";

// Built per request: imports add services while the site runs. The comparison page is left
// out (it is noindex: any combination of services is a URL of its own).
export const dynamic = "force-dynamic";

type SitemapPage = { path: string; lastModified?: Partial<Record<Locale, string>>; priority?: number };

const STATIC_PAGES: SitemapPage[] = [
  { path: "/", priority: 1 },
  { path: "/providers", priority: 0.9 },
  { path: "/clients" },
  { path: "/articles", priority: 0.8 },
  { path: "/glossary" },
  { path: "/tools/received" },
  { path: "/tools/check" },
  { path: "/about" },
];

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const [library, serviceSlugs] = await Promise.all([getArticleLibrary(), getServiceSlugs()]);
  const pages: SitemapPage[] = [
    ...STATIC_PAGES,
    // Every article exists in both languages (checked by lib/articles); each has its own review date.
    ...articlesFor(library, DEFAULT_LOCALE).map((a) => ({
      path: `/articles/${a.slug}`,
      lastModified: Object.fromEntries(LOCALES.map((l) => [l, findArticle(library, l, a.slug)?.lastReviewed])),
      priority: 0.7,
    })),
    ...serviceSlugs.map((slug) => ({ path: `/providers/${slug}` })),
  ];
  return pages.flatMap((page) =>
    LOCALES.map((locale) => ({
      url: absoluteUrl(locale, page.path),
      ...(page.lastModified?.[locale] ? { lastModified: page.lastModified[locale] } : {}),
      ...(page.priority ? { priority: page.priority } : {}),
      alternates: { languages: languageAlternates(page.path) },
    })),
  );
}
