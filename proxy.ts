import { NextResponse, type NextRequest } from "next/server";
import { isLocale } from "@/lib/i18n/locales";
import { chooseLocale, LANG_COOKIE, LANG_COOKIE_MAX_AGE, LANG_PARAM } from "@/lib/i18n/negotiate";
import { CACHE_SEGMENT } from "@/lib/catalogue/cache-key";
import { catalogueCacheTarget, catalogueCsvTarget } from "@/lib/catalogue/cache-route";
import { isNotModified, validatorHeaders } from "@/lib/open-data/http";
import { getEnv } from "@/lib/env";
import { CACHED_PAGE_POLICY, createNonce, dynamicPagePolicy, HSTS, isHttpsSite } from "@/lib/security/headers";

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

// What Next sends for the cached routes (revalidate 60, expireTime 3600), repeated on the 304.
const API_CACHE_CONTROL = "s-maxage=60, stale-while-revalidate=3540";

function ifNoneMatch(request: NextRequest, etag: string): boolean {
  const header = request.headers.get("if-none-match");
  return header !== null && header.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag);
}

// Marks the proxy's own rewrite, which Next passes through the proxy a second time; a random value
// per process, so a client cannot send it to reach the cached routes by their own address.
const REWRITE_HEADER = "x-catalogue-cache";
const REWRITE_TOKEN = crypto.randomUUID();

// The catalogue and its API are answered from Next's response cache: the request is rewritten to
// a path naming the catalogue's current version and the normalized query (lib/catalogue/cache-route.ts).
// Shared caches may keep a response for a minute (the cached routes' revalidate) and must then ask
// again; Next's ETag makes that cheap.
async function serveCatalogueFromCache(request: NextRequest, prefix: string) {
  try {
    const target = await catalogueCacheTarget(prefix, request.nextUrl.searchParams);
    // The API's ETag names the version and query, so a revalidating client or CDN is answered here.
    if (prefix === "/api" && ifNoneMatch(request, target.etag)) {
      return new NextResponse(null, {
        status: 304,
        headers: { ETag: target.etag, "Cache-Control": API_CACHE_CONTROL },
      });
    }
    // From request.url, not nextUrl: nextUrl spells a loopback host "localhost", and a rewrite to
    // another origin than the request's is proxied over HTTP instead of served in-process.
    const url = new URL(request.url);
    url.pathname = target.pathname;
    const headers = new Headers(request.headers);
    headers.set(REWRITE_HEADER, REWRITE_TOKEN);
    // No nonce: the cached page is the same bytes for every visitor.
    if (prefix !== "/api") headers.set("content-security-policy", CACHED_PAGE_POLICY);
    const response = NextResponse.rewrite(url, { request: { headers } });
    if (prefix !== "/api") response.headers.set("Content-Security-Policy", CACHED_PAGE_POLICY);
    return response;
  } catch (error) {
    // The uncached route still answers; a broken database shows there, with its own error page.
    console.error("catalogue cache: could not read the catalogue version", error);
    return prefix === "/api" ? NextResponse.next() : renderPage(request);
  }
}

// The CSV export, from the same cache: a client whose copy is current (If-None-Match, or
// If-Modified-Since without it) gets its 304 here, without rendering anything.
async function serveCsvFromCache(request: NextRequest) {
  try {
    const target = await catalogueCsvTarget(request.nextUrl.searchParams);
    if (isNotModified(request.headers, target.validators)) {
      return new NextResponse(null, {
        status: 304,
        headers: { ...validatorHeaders(target.validators), "Cache-Control": API_CACHE_CONTROL },
      });
    }
    const url = new URL(request.url);
    url.pathname = target.pathname;
    const headers = new Headers(request.headers);
    headers.set(REWRITE_HEADER, REWRITE_TOKEN);
    return NextResponse.rewrite(url, { request: { headers } });
  } catch (error) {
    console.error("catalogue cache: could not read the catalogue version", error);
    return NextResponse.next();
  }
}

// Pages Next prerenders (their HTML is built once, without a nonce); every other page is rendered
// per request and gets one.
function isPrerendered(segments: string[]): boolean {
  const [, , section] = segments;
  return section === "glossary" || section === "articles";
}

// A page rendered for this request: Next reads the nonce from the policy it is handed with the
// request and puts it on each of its scripts; the browser gets the same policy.
function renderPage(request: NextRequest, rewriteTo?: URL) {
  const policy = dynamicPagePolicy(createNonce());
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  const response = rewriteTo
    ? NextResponse.rewrite(rewriteTo, { request: { headers } })
    : NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

function servePrerendered() {
  const response = NextResponse.next();
  response.headers.set("Content-Security-Policy", CACHED_PAGE_POLICY);
  return response;
}

export async function proxy(request: NextRequest) {
  const response = await route(request);
  // next.config.ts sends HSTS when SITE_URL was https at build time; this covers a SITE_URL set
  // only when the server starts.
  if (isHttpsSite(getEnv().SITE_URL)) response.headers.set("Strict-Transport-Security", HSTS);
  return response;
}

async function route(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const segments = pathname.split("/");
  const [, first, second] = segments;

  // The cached routes answer only through the rewrite above, never by their own address.
  if (second === CACHE_SEGMENT) {
    if (request.headers.get(REWRITE_HEADER) === REWRITE_TOKEN) return NextResponse.next();
    return first === "api"
      ? NextResponse.json({ error: "Not found" }, { status: 404 })
      : renderPage(request, new URL(`/${isLocale(first) ? first : "ja"}/not-found`, request.url));
  }
  // Only reads are rewritten: Next's static route fails with a 500 on any other method, which the
  // uncached route answers with a 405.
  if (pathname === "/api/providers")
    return request.method === "GET" || request.method === "HEAD"
      ? serveCatalogueFromCache(request, "/api")
      : NextResponse.next();
  if (pathname === "/api/providers.csv")
    return request.method === "GET" || request.method === "HEAD" ? serveCsvFromCache(request) : NextResponse.next();

  if (isLocale(first)) {
    if (second === "providers" && segments.length === 3 && !request.nextUrl.searchParams.has(LANG_PARAM))
      return serveCatalogueFromCache(request, `/${first}`);
    // The language switch links to the other language with ?lang=<it>: remember the choice and
    // show the clean URL. The link is a plain <a>, so only a click (never a prefetch) sets it.
    const chosen = request.nextUrl.searchParams.get(LANG_PARAM);
    if (chosen === null) return isPrerendered(segments) ? servePrerendered() : renderPage(request);
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
  // API routes (but the catalogue's and its CSV), Next's assets and root files (robots.txt, sitemap.xml,
  // icons) stay as they are.
  matcher: [
    "/((?!api/|_next/|.*\\.[a-z0-9]+$).*)",
    "/api/providers",
    "/api/providers.csv",
    "/api/catalogue-cache/:path*",
  ],
};
