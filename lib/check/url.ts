import { localePath, type Locale } from "@/lib/i18n/locales";

// The shareable address of a domain's latest stored check.
export function checkPath(locale: Locale, domain: string): string {
  return `${localePath(locale, "/tools/check")}?${new URLSearchParams({ domain }).toString()}`;
}
