export const LOCALES = ["ja", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "ja";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

export function otherLocale(locale: Locale): Locale {
  return locale === "ja" ? "en" : "ja";
}

// Prefixes a site path ("/providers?has=smtps") with the locale.
export function localePath(locale: Locale, path: string = "/"): string {
  return path === "/" ? `/${locale}` : `/${locale}${path.startsWith("/") ? path : `/${path}`}`;
}

// Swaps the locale segment of a pathname, keeping the rest (and any query string) intact.
export function switchLocalePath(pathname: string, to: Locale): string {
  const [, first, ...rest] = pathname.split("/");
  const tail = isLocale(first) ? rest : [first, ...rest].filter((s): s is string => s !== undefined && s !== "");
  return ["", to, ...tail].join("/").replace(/\/$/, "") || `/${to}`;
}

export function formatNumber(locale: Locale, n: number): string {
  return new Intl.NumberFormat(locale === "ja" ? "ja-JP" : "en-US").format(n);
}

// "2006", "2006-02" or "2006-02-14", shown as precisely as the source gave it.
export function formatPartialDate(locale: Locale, value: string): string {
  const [y, m, d] = value.split("-");
  if (locale === "ja") return `${y}年${m ? `${Number(m)}月` : ""}${d ? `${Number(d)}日` : ""}`;
  const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  if (!m) return y ?? value;
  const month = months[Number(m) - 1] ?? m;
  return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`;
}
