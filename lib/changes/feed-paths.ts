import type { Locale } from "@/lib/i18n/locales";

// Where the change feeds live. Kept apart from the feed writer so every page's metadata can link
// the feeds without loading the feed library.

export const FEED_FORMATS = ["atom", "json"] as const;
export type FeedFormat = (typeof FEED_FORMATS)[number];
export const FEED_CONTENT_TYPES: Record<FeedFormat, string> = {
  atom: "application/atom+xml",
  json: "application/feed+json",
};

export function catalogueFeedPath(locale: Locale, feedFormat: FeedFormat): string {
  return `/feeds/${locale}/changes.${feedFormat}`;
}

export function serviceFeedPath(locale: Locale, slug: string, feedFormat: FeedFormat): string {
  return `/feeds/${locale}/providers/${slug}.${feedFormat}`;
}

// "gmail.atom" → { name: "gmail", format: "atom" }; anything else is not a feed.
export function parseFeedFile(file: string): { name: string; format: FeedFormat } | null {
  const match = /^([a-z0-9][a-z0-9._-]*)\.(atom|json)$/.exec(file);
  return match ? { name: match[1]!, format: match[2] as FeedFormat } : null;
}
