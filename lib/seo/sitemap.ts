import { LOCALES, type Locale } from "@/lib/i18n/locales";
import { absoluteUrl, languageAlternates } from "@/lib/seo/metadata";

export type SitemapPage = { path: string; lastModified?: Partial<Record<Locale, string>>; priority?: number };

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

// A sitemap must list absolute URLs, so without a configured origin it lists none and says why
// (in a comment, so crawlers still read a valid, empty sitemap) instead of guessing a host.
export function sitemapXml(origin: string | undefined, pages: SitemapPage[]): string {
  const head =
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n';
  if (origin === undefined) {
    return (
      head +
      "<!-- This deployment has not set SITE_URL (its public origin, e.g. https://example.jp), " +
      "so no page URL can be listed. Set SITE_URL to publish the sitemap. -->\n</urlset>\n"
    );
  }
  const entries = pages.flatMap((page) => {
    const alternates = Object.entries(languageAlternates(origin, page.path))
      .map(([lang, href]) => `    <xhtml:link rel="alternate" hreflang="${lang}" href="${escapeXml(href)}"/>\n`)
      .join("");
    return LOCALES.map((locale) => {
      const lastModified = page.lastModified?.[locale];
      return (
        "  <url>\n" +
        `    <loc>${escapeXml(absoluteUrl(origin, locale, page.path))}</loc>\n` +
        alternates +
        (lastModified ? `    <lastmod>${escapeXml(lastModified)}</lastmod>\n` : "") +
        (page.priority ? `    <priority>${page.priority}</priority>\n` : "") +
        "  </url>\n"
      );
    });
  });
  return head + entries.join("") + "</urlset>\n";
}
