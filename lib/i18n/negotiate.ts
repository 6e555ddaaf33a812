import { DEFAULT_LOCALE, isLocale, LOCALES, type Locale } from "@/lib/i18n/locales";

// The cookie the language switch sets; an explicit choice outranks the browser's header.
export const LANG_COOKIE = "lang";
export const LANG_COOKIE_MAX_AGE = 60 * 60 * 24 * 365;
// The query parameter the language switch adds to its link; the proxy turns it into the cookie.
export const LANG_PARAM = "lang";

type Range = { tag: string; q: number; position: number };

// Accept-Language (RFC 9110 §12.5.4): "en-US,en;q=0.9,ja;q=0.8". A malformed q makes the range
// unusable rather than preferred; q is clamped to what the grammar allows.
export function parseAcceptLanguage(header: string | null | undefined): Range[] {
  if (!header) return [];
  return header.split(",").flatMap((part, position) => {
    const [rawTag, ...params] = part.trim().split(";");
    const tag = rawTag?.trim().toLowerCase() ?? "";
    if (!/^(\*|[a-z]{1,8}(-[a-z0-9]{1,8})*)$/.test(tag)) return [];
    let q = 1;
    for (const param of params) {
      const [name, value] = param.trim().split("=");
      if (name?.trim().toLowerCase() !== "q") continue;
      if (!/^\s*(0(\.\d{0,3})?|1(\.0{0,3})?)\s*$/.test(value ?? "")) return [];
      q = Number(value);
    }
    return [{ tag, q, position }];
  });
}

// The site's language a visitor's header prefers: each locale gets the best q of the ranges
// naming it ("ja", "ja-JP"); English wins only when it is liked more than Japanese, or as much
// but listed first ("en,ja"). Japanese otherwise, also for "*", no header or only other languages.
export function localeFromAcceptLanguage(header: string | null | undefined): Locale {
  const ranges = parseAcceptLanguage(header);
  const score = (locale: Locale) => {
    const matching = ranges.filter((r) => r.q > 0 && (r.tag === locale || r.tag.startsWith(`${locale}-`)));
    if (matching.length === 0) return { q: 0, position: Infinity };
    const q = Math.max(...matching.map((r) => r.q));
    return { q, position: Math.min(...matching.filter((r) => r.q === q).map((r) => r.position)) };
  };
  const [best] = LOCALES.map((locale) => ({ locale, ...score(locale) }))
    .filter((s) => s.q > 0)
    .sort((a, b) => b.q - a.q || a.position - b.position);
  return best?.locale ?? DEFAULT_LOCALE;
}

// The language for a path without one: the visitor's remembered choice, else their browser's.
export function chooseLocale(cookie: string | undefined, acceptLanguage: string | null | undefined): Locale {
  return isLocale(cookie) ? cookie : localeFromAcceptLanguage(acceptLanguage);
}
