import { catalogueMessages } from "@/lib/i18n/messages/catalogue";
import type { Locale } from "@/lib/i18n/locales";
import type { PropertyInfo } from "@/lib/queries/properties";

export function propertyLabel(
  p: Pick<PropertyInfo, "labelJa" | "labelEn" | "shortJa" | "shortEn">,
  locale: Locale,
  short = false,
): string {
  if (short) return locale === "ja" ? p.shortJa : p.shortEn;
  return locale === "ja" ? p.labelJa : p.labelEn;
}

export function segmentLabel(locale: Locale, segment: string | null): string {
  const segments = catalogueMessages[locale].segments;
  return segment === "personal" || segment === "business" ? segments[segment] : segments.none;
}

const LIST_FORMATS: Record<Locale, Intl.ListFormat> = {
  ja: new Intl.ListFormat("ja-JP", { style: "long", type: "conjunction" }),
  en: new Intl.ListFormat("en-US", { style: "long", type: "conjunction" }),
};

// "A、B、C" in Japanese, "A, B, and C" in English: the page language's own list punctuation.
export function formatList(locale: Locale, items: readonly string[]): string {
  return LIST_FORMATS[locale].format(items);
}
