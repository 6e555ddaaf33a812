import { articlesFor, findArticle, getArticleLibrary } from "@/lib/articles";
import { DEFAULT_LOCALE, LOCALES } from "@/lib/i18n/locales";
import { getServiceSlugs } from "@/lib/queries/sitemap";
import { siteUrl } from "@/lib/seo/metadata";
import { sitemapXml, type SitemapPage } from "@/lib/seo/sitemap";

// Built per request: imports add services while the site runs, and SITE_URL is read at request
// time. A route rather than sitemap.ts so that, without SITE_URL, the file can say what is missing.
// The comparison page is left out (it is noindex: any combination of services is a URL of its own).
export const dynamic = "force-dynamic";

const STATIC_PAGES: SitemapPage[] = [
  { path: "/", priority: 1 },
  { path: "/providers", priority: 0.9 },
  { path: "/providers/legend" },
  { path: "/clients" },
  { path: "/articles", priority: 0.8 },
  { path: "/glossary" },
  { path: "/tools/received" },
  { path: "/tools/check" },
  { path: "/changes" },
  { path: "/calendar" },
  { path: "/about" },
  { path: "/licence" },
];

export async function GET(): Promise<Response> {
  const origin = siteUrl();
  let pages: SitemapPage[] = [];
  if (origin !== undefined) {
    const [library, serviceSlugs] = await Promise.all([getArticleLibrary(), getServiceSlugs()]);
    pages = [
      ...STATIC_PAGES,
      // Every article exists in both languages (checked by lib/articles); each has its own review date.
      ...articlesFor(library, DEFAULT_LOCALE).map((a) => ({
        path: `/articles/${a.slug}`,
        lastModified: Object.fromEntries(LOCALES.map((l) => [l, findArticle(library, l, a.slug)?.lastReviewed])),
        priority: 0.7,
      })),
      ...serviceSlugs.map((slug) => ({ path: `/providers/${slug}` })),
    ];
  }
  return new Response(sitemapXml(origin, pages), {
    headers: { "Content-Type": "application/xml; charset=utf-8" },
  });
}
