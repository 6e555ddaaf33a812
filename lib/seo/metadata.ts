import type { Metadata } from "next";
import { CALENDAR_CONTENT_TYPE, calendarIcsPath } from "@/lib/calendar/paths";
import { catalogueFeedPath, FEED_CONTENT_TYPES, FEED_FORMATS, serviceFeedPath } from "@/lib/changes/feed-paths";
import { getEnv } from "@/lib/env";
import { format } from "@/lib/i18n/format";
import { calendarMessages } from "@/lib/i18n/messages/calendar";
import { changesMessages } from "@/lib/i18n/messages/changes";
import { commonMessages } from "@/lib/i18n/messages/common";
import { DEFAULT_LOCALE, LOCALES, localePath, type Locale } from "@/lib/i18n/locales";

const OPEN_GRAPH_LOCALES: Record<Locale, string> = { ja: "ja_JP", en: "en_US" };

// The deployment's public origin, or undefined when SITE_URL is not set. There is deliberately
// no fallback: the request's Host header can be forged, and "localhost" is wrong for everyone
// who reads the page, so without a configured origin no absolute URL is published.
export function siteUrl(): string | undefined {
  return getEnv().SITE_URL;
}

// path is the page's path without the locale: "/" for home, "/articles/starttls".
export function absoluteUrl(origin: string, locale: Locale, path: string): string {
  return `${origin}${localePath(locale, path)}`;
}

// Both languages plus x-default (Japanese, where "/" sends visitors without a preference), as
// absolute URLs; the sitemap and every page's <link rel="alternate" hreflang> use the same map.
export function languageAlternates(origin: string, path: string): Record<Locale | "x-default", string> {
  const languages = Object.fromEntries(LOCALES.map((l) => [l, absoluteUrl(origin, l, path)])) as Record<Locale, string>;
  return { ...languages, "x-default": absoluteUrl(origin, DEFAULT_LOCALE, path) };
}

// <link rel="alternate" type="application/atom+xml"> (and the JSON Feed) for every page: the
// catalogue's change feed in the page's language, and on a service page that service's feed first,
// which is the one feed readers pick. Paths: Next makes them absolute only against metadataBase,
// which the layout sets from SITE_URL alone.
export function feedAlternates(
  locale: Locale,
  service?: { slug: string; name: string },
): Record<string, Array<{ url: string; title: string }>> {
  const t = changesMessages[locale].feed;
  return Object.fromEntries(
    FEED_FORMATS.map((f) => [
      FEED_CONTENT_TYPES[f],
      [
        ...(service
          ? [{ url: serviceFeedPath(locale, service.slug, f), title: format(t.serviceTitle, { name: service.name }) }]
          : []),
        { url: catalogueFeedPath(locale, f), title: t.catalogueTitle },
      ],
    ]),
  );
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
  // a service page: its own change feed is linked beside the catalogue's
  feedOf?: { slug: string; name: string };
  // the calendar page: its iCalendar feed is named too (<link rel="alternate" type="text/calendar">)
  calendarFeed?: boolean;
};

// Canonical URL, hreflang alternates and Open Graph for one page. The canonical URL never
// carries a query string: filtered catalogue views are the same page. Without SITE_URL the
// canonical, the alternates and og:url are left out (see siteUrl).
export function pageMetadata({
  locale,
  path,
  title,
  description,
  type = "website",
  modifiedTime,
  feedOf,
  calendarFeed = false,
}: PageMetadataInput): Metadata {
  const origin = siteUrl();
  const url = origin === undefined ? undefined : absoluteUrl(origin, locale, path);
  const siteName = commonMessages[locale].siteName;
  const base = {
    title: title ?? siteName,
    description,
    ...(url === undefined ? {} : { url }),
    siteName,
    locale: OPEN_GRAPH_LOCALES[locale],
    alternateLocale: LOCALES.filter((l) => l !== locale).map((l) => OPEN_GRAPH_LOCALES[l]),
  };
  return {
    ...(title === undefined ? {} : { title }),
    description,
    // A page's alternates replace the layout's whole, so the feeds are named here too.
    alternates: {
      ...(origin === undefined || url === undefined
        ? {}
        : { canonical: url, languages: languageAlternates(origin, path) }),
      types: {
        ...feedAlternates(locale, feedOf),
        ...(calendarFeed
          ? { [CALENDAR_CONTENT_TYPE]: [{ url: calendarIcsPath(locale), title: calendarMessages[locale].icsTitle }] }
          : {}),
      },
    },
    openGraph: type === "article" ? { ...base, type: "article", modifiedTime } : { ...base, type: "website" },
  };
}
