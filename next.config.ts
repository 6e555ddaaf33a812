import type { NextConfig } from "next";
import { baselineHeaders, isHttpsSite } from "./lib/security/headers";

const nextConfig: NextConfig = {
  // Lets several builds (a second dev server, a test build) coexist beside the main one.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  serverExternalPackages: ["better-sqlite3"],
  poweredByHeader: false,
  // The cached catalogue (app/[locale]/catalogue-cache, app/api/catalogue-cache) has one entry per
  // version and query: kept in memory, least recently used first out, never written to disk, so no
  // visitor's query can fill the disk and a restart starts clean (docs/decisions/0008).
  cacheMaxMemorySize: 256 * 1024 * 1024,
  // Shared caches (a CDN) may serve a stale catalogue for at most this long while they refetch.
  expireTime: 3600,
  // Pages rendered per request get Next's "no-store", which keeps them out of the browser's
  // back/forward cache; none of them holds anything personal, so the browser may keep them and
  // must only ask again before reuse. Prerendered and cached pages keep Next's own header.
  // Every response gets the security headers; the proxy replaces the Content-Security-Policy of
  // pages with theirs (lib/security/headers.ts, docs/decisions/0009).
  headers() {
    return Promise.resolve([
      { source: "/:path*", headers: baselineHeaders({ https: isHttpsSite(process.env.SITE_URL) }) },
      // A service's badge (lib/badge) is made to be embedded by other sites: the baseline's
      // same-origin resource policy would stop every <img> elsewhere from loading it. A later rule
      // replaces an earlier one's header, and a route handler cannot: these headers win over its own.
      {
        source: "/:locale(ja|en)/providers/:slug/:file(badge\\.svg|badge-dark\\.svg)",
        headers: [{ key: "Cross-Origin-Resource-Policy", value: "cross-origin" }],
      },
      ...["", "/providers/:slug", "/compare", "/clients", "/calendar", "/about", "/licence", "/tools/:tool"].map(
        (path) => ({
          source: `/:locale(ja|en)${path}`,
          headers: [{ key: "Cache-Control", value: "private, no-cache" }],
        }),
      ),
    ]);
  },
  experimental: {
    isrFlushToDisk: false,
    // The header analyzer accepts 1 MiB of pasted UTF-8; Japanese text within the textarea's
    // maxlength can be up to 3 bytes a character, and the browser sends line breaks as CRLF.
    // The body limit sits above that so the action's own check answers with a localized message.
    serverActions: { bodySizeLimit: "4mb" },
  },
};

export default nextConfig;
