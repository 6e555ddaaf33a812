// The security headers every response carries (docs/decisions/0009-security-headers.md). Plain
// data and string building, no imports: next.config.ts (at build time) and the proxy (per request)
// both use it.

// Directives every policy shares: nothing may frame the site, plug-ins never load, a <base>
// cannot redirect relative URLs, forms post only here.
const COMMON = ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'"];

// Everything a page loads comes from this origin: its scripts and the stylesheets Next links,
// the icons, the RSC requests. No page sets a style attribute or inlines a <style>.
const PAGE_SOURCES = [
  "default-src 'none'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
];

// A page rendered for this request: only scripts carrying this request's nonce run, and the
// scripts they load ('strict-dynamic'), so an injected <script> or inline handler does not.
export function dynamicPagePolicy(nonce: string): string {
  return [...PAGE_SOURCES, `script-src 'nonce-${nonce}' 'strict-dynamic'`, ...COMMON].join("; ");
}

// A page served from a cache (prerendered, or the cached catalogue) is the same bytes for every
// visitor, so it cannot carry a nonce, and Next's inline scripts differ with every page's data,
// so no list of hashes fits either: inline scripts are allowed, scripts from elsewhere are not.
export const CACHED_PAGE_POLICY = [...PAGE_SOURCES, "script-src 'self' 'unsafe-inline'", ...COMMON].join("; ");

// Everything else (the API, Next's assets, icons, robots.txt, stylesheets): nothing it returns is
// a document that should load anything.
export const RESOURCE_POLICY = ["default-src 'none'", ...COMMON].join("; ");

// A fresh nonce: 128 random bits, base64 (the form Next reads from the policy).
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

// HSTS only where the site is served over HTTPS: over plain HTTP a browser ignores it anyway, but
// a development server on https://localhost would pin every other local project to HTTPS.
export function isHttpsSite(siteUrl: string | undefined): boolean {
  return siteUrl?.startsWith("https://") ?? false;
}

export const HSTS = "max-age=63072000; includeSubDomains";

// The headers that do not depend on the page, for every response.
export function baselineHeaders({ https }: { https: boolean }): Array<{ key: string; value: string }> {
  return [
    { key: "Content-Security-Policy", value: RESOURCE_POLICY },
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    {
      key: "Permissions-Policy",
      value:
        "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=(), browsing-topics=()",
    },
    { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
    { key: "Cross-Origin-Resource-Policy", value: "same-origin" },
    ...(https ? [{ key: "Strict-Transport-Security", value: HSTS }] : []),
  ];
}
