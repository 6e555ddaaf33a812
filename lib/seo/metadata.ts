import type { Metadata } from "next";
import { getEnv } from "@/lib/env";
import { commonMessages } from "@/lib/i18n/messages/common";
import { DEFAULT_LOCALE, LOCALES, localePath, type Locale } from "@/lib/i18n/locales";

const OPEN_GRAPH_LOCALES: Record<Locale, string> = { ja: "ja_JP", en: "en_US" };

export function siteUrl(): string {
  return getEnv().SITE_URL;
}

// path is the page's path without the locale: "/" for home, "/articles/starttls".
export function absoluteUrl(locale: Locale, path: string): string {
  return `${siteUrl()}${localePath(locale, path)}`;
}

// Both languages plus x-default (Japanese, where "/" sends visitors), as absolute URLs; the
// sitemap and every page's <link rel="alternate" hreflang> use the same map.
export function languageAlternates(path: string): Record<Locale | "x-default", string> {
  const languages = Object.fromEntries(LOCALES.map((l) => [l, absoluteUrl(l, path)])) as Record<Locale, string>;
  return { ...languages, "x-default": absoluteUrl(DEFAULT_LOCALE, path) };
}

export type PageMetadataInput = {
  locale: Locale;
  path: string;
  // omitted on the home page, whose <title> is the site name from the layout
  title?: string;
  description: string;
  type?: "website" | "article";
  // articles: the ISO date the content was last reviewed
  modifiedTime?: string;
};

// Canonical URL, hreflang alternates and Open Graph for one page. The canonical URL never
// carries a query string: filtered catalogue views are the same page.
export function pageMetadata({
  locale,
  path,
  title,
  description,
  type = "website",
  modifiedTime,
}: PageMetadataInput): Metadata {
  const url = absoluteUrl(locale, path);
  const siteName = commonMessages[locale].siteName;
  const base = {
    title: title ?? siteName,
    description,
    url,
    siteName,
    locale: OPEN_GRAPH_LOCALES[locale],
    alternateLocale: LOCALES.filter((l) => l !== locale).map((l) => OPEN_GRAPH_LOCALES[l]),
  };
  return {
    ...(title === undefined ? {} : { title }),
    description,
    alternates: { canonical: url, languages: languageAlternates(path) },
    openGraph: type === "article" ? { ...base, type: "article", modifiedTime } : { ...base, type: "website" },
  };
}
