import { NextResponse, type NextRequest } from "next/server";
import { DEFAULT_LOCALE, isLocale } from "@/lib/i18n/locales";

// Every page lives under /ja or /en. A path without a locale ("/", "/providers", an old link)
// is sent to the Japanese version of the same path; unknown paths then get the localized 404.
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const first = pathname.split("/")[1];
  if (isLocale(first)) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = `/${DEFAULT_LOCALE}${pathname === "/" ? "" : pathname}`;
  url.search = search;
  return NextResponse.redirect(url, 307);
}

export const config = {
  // API routes, Next's assets and root files (robots.txt, sitemap.xml, favicon) stay as they are.
  matcher: ["/((?!api/|_next/|.*\\.[a-z0-9]+$).*)"],
};
