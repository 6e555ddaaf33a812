import { localePath, type Locale } from "@/lib/i18n/locales";

// The shareable address of a domain's latest stored check.
export function checkPath(locale: Locale, domain: string): string {
  return `${localePath(locale, "/tools/check")}?${new URLSearchParams({ domain }).toString()}`;
}

// The action redirects to the result with this fragment: the browser scrolls to the result, and
// with JavaScript the form moves focus to its heading, once.
export const RESULT_FRAGMENT = "check-result";
