import { NextResponse, type NextRequest } from "next/server";
import { isLocale } from "@/lib/i18n/locales";
import { chooseLocale, LANG_COOKIE, LANG_COOKIE_MAX_AGE, LANG_PARAM } from "@/lib/i18n/negotiate";

// Every page lives under /ja or /en. A path without a locale ("/", "/providers", an old link)
// is sent to the same path in the visitor's language: the one they last chose with the
// language switch (a cookie), else the one their browser prefers (Accept-Language), else
// Japanese. Unknown paths then get the localized 404.
// Redirects stay on the origin the request came to: the URL is built on request.url only because
// Next requires an absolute one, and Next sends a same-origin Location as a relative path, so the
// client-chosen Host header never appears in it.
function redirectTo(request: NextRequest, pathname: string, search: URLSearchParams, status: 303 | 307) {
  const url = new URL(pathname, request.url);
  url.search = search.toString();
  return NextResponse.redirect(url, status);
}

export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const first = pathname.split("/")[1];

  if (isLocale(first)) {
    // The language switch links to the other language with ?lang=<it>: remember the choice and
    // show the clean URL. The link is a plain <a>, so only a click (never a prefetch) sets it.
    const chosen = request.nextUrl.searchParams.get(LANG_PARAM);
    if (chosen === null) return NextResponse.next();
    const search = new URLSearchParams(request.nextUrl.searchParams);
    search.delete(LANG_PARAM);
    const response = redirectTo(request, pathname, search, 303);
    if (chosen === first) {
      response.cookies.set(LANG_COOKIE, first, {
        path: "/",
        maxAge: LANG_COOKIE_MAX_AGE,
        sameSite: "lax",
        httpOnly: true,
        secure: request.nextUrl.protocol === "https:",
      });
    }
    return response;
  }

  const locale = chooseLocale(request.cookies.get(LANG_COOKIE)?.value, request.headers.get("accept-language"));
  const response = redirectTo(
    request,
    `/${locale}${pathname === "/" ? "" : pathname}`,
    request.nextUrl.searchParams,
    307,
  );
  // The answer depends on both, so no shared cache may hand one visitor's language to another.
  response.headers.set("Vary", "Accept-Language, Cookie");
  response.headers.set("Cache-Control", "private, no-cache");
  return response;
}

export const config = {
  // API routes, Next's assets and root files (robots.txt, sitemap.xml, icons) stay as they are.
  matcher: ["/((?!api/|_next/|.*\\.[a-z0-9]+$).*)"],
};
