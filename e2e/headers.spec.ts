import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";

// Every route answers with the security headers (lib/security/headers.ts): the pages the sitemap
// lists (or, without SITE_URL, the same kinds of page found from the article index and the
// catalogue API), both languages, and the files and API beside them. A page rendered per request
// carries a fresh nonce on each of its scripts; a page from a cache carries none.
const LOCALES = ["ja", "en"] as const;
const PAGE_PATHS = [
  "",
  "/providers",
  "/providers?has=pop3s&has=smtps",
  "/providers/legend",
  "/compare?s=cpi&s=smileserver",
  "/clients",
  "/articles",
  "/glossary",
  "/tools/received",
  "/tools/check",
  "/about",
  "/licence",
  "/changes",
  "/changes?direction=worse",
  "/calendar",
  "/no-such-page",
];
const CACHED = [/^\/(ja|en)\/providers(\?|$)/, /^\/(ja|en)\/glossary$/, /^\/(ja|en)\/articles(\/|$)/];

async function sitemapPaths(request: APIRequestContext): Promise<string[]> {
  const xml = await (await request.get("/sitemap.xml")).text();
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => {
    const url = new URL(m[1]!);
    return url.pathname + url.search;
  });
}

async function pagePaths(request: APIRequestContext): Promise<string[]> {
  const listed = await sitemapPaths(request);
  if (listed.length > 0) return listed;
  // Without SITE_URL the sitemap lists nothing: every article and a sample of services instead.
  const articles = await (await request.get("/ja/articles")).text();
  const slugs = [...new Set([...articles.matchAll(/href="\/ja\/articles\/([a-z0-9-]+)"/g)].map((m) => m[1]!))];
  const services = (await (await request.get("/api/providers?per=100")).json()) as { items: { slug: string }[] };
  expect(slugs.length).toBeGreaterThan(5);
  return LOCALES.flatMap((l) => [
    ...PAGE_PATHS.map((p) => `/${l}${p}`),
    ...slugs.map((s) => `/${l}/articles/${s}`),
    ...services.items.slice(0, 10).map((s) => `/${l}/providers/${s.slug}`),
  ]);
}

function policy(response: APIResponse): Map<string, string[]> {
  const header = response.headers()["content-security-policy"] ?? "";
  return new Map(
    header
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...sources]) => [name!, sources]),
  );
}

function expectBaseline(response: APIResponse, where: string): void {
  const h = response.headers();
  expect(h["x-content-type-options"], where).toBe("nosniff");
  expect(h["x-frame-options"], where).toBe("DENY");
  expect(h["referrer-policy"], where).toBe("strict-origin-when-cross-origin");
  expect(h["permissions-policy"], where).toContain("camera=()");
  expect(h["cross-origin-opener-policy"], where).toBe("same-origin");
  const csp = policy(response);
  expect(csp.get("object-src"), where).toEqual(["'none'"]);
  expect(csp.get("base-uri"), where).toEqual(["'none'"]);
  expect(csp.get("frame-ancestors"), where).toEqual(["'none'"]);
  expect(csp.get("form-action"), where).toEqual(["'self'"]);
  expect(h["content-security-policy"], where).not.toContain("unsafe-eval");
}

test("every page and file answers with the security headers", async ({ request }, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "headers do not depend on the screen; checked once");
  test.setTimeout(300_000);
  const paths = await pagePaths(request);
  const nonces = new Set<string>();
  const resources = new Set<string>();
  for (const path of paths) {
    const response = await request.get(path);
    expect([200, 404], path).toContain(response.status());
    expectBaseline(response, path);
    const html = await response.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    const scriptSources = policy(response).get("script-src") ?? [];
    if (CACHED.some((pattern) => pattern.test(path))) {
      expect(scriptSources, path).toEqual(["'self'", "'unsafe-inline'"]);
      expect(html, path).not.toMatch(/<script[^>]* nonce=/);
    } else {
      const nonce = /^'nonce-(.+)'$/.exec(scriptSources[0] ?? "")?.[1];
      expect(nonce, `${path}: ${scriptSources.join(" ")}`).toBeDefined();
      expect(scriptSources[1], path).toBe("'strict-dynamic'");
      expect(scriptSources, path).not.toContain("'unsafe-inline'");
      expect(nonces.has(nonce!), `${path}: a nonce used twice`).toBe(false);
      nonces.add(nonce!);
      // every script Next writes carries this response's nonce
      for (const tag of scripts) if (!/noModule/i.test(tag)) expect(tag, path).toContain(`nonce="${nonce}"`);
    }
    for (const m of html.matchAll(/(?:src|href)="(\/(?:_next\/static|catalogue-columns)\/[^"]+)"/g))
      resources.add(m[1]!);
  }
  // The files and the API: the same protections, and a policy that lets nothing load.
  const others = [
    ...[...resources].slice(0, 10),
    "/api/providers",
    "/api/providers?has=pop3s",
    "/api/providers/cpi",
    "/robots.txt",
    "/sitemap.xml",
    "/icon.svg",
    "/.well-known/security.txt",
    "/feeds/ja/changes.atom",
    "/feeds/en/changes.json",
    "/feeds/ja/providers/cpi.atom",
    "/api/providers.csv",
    "/api/providers.csv?has=pop3s",
    "/api/catalogue/v1.json",
    "/schemas/catalogue-v1.schema.json",
    "/providers/gmail/config-v1.1.xml",
    "/ja/calendar.ics",
    "/en/calendar.ics",
    "/ja/providers/gmail/badge.svg",
    "/en/providers/gmail/badge-dark.svg",
  ];
  for (const path of others) {
    const response = await request.get(path);
    expect(response.status(), path).toBeLessThan(400);
    expectBaseline(response, path);
    expect(policy(response).get("default-src"), path).toEqual(["'none'"]);
  }
  expect(resources.size).toBeGreaterThan(0);
});

// A badge is made to be embedded by other sites: an image any origin may load, which runs and loads
// nothing when opened on its own; every other file stays same-origin.
test("a service's badge may be embedded elsewhere and is an inert image", async ({ request }, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "headers do not depend on the screen; checked once");
  for (const path of ["/ja/providers/gmail/badge.svg", "/en/providers/gmail/badge-dark.svg"]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    const h = response.headers();
    expect(h["content-type"], path).toBe("image/svg+xml; charset=utf-8");
    expect(h["cross-origin-resource-policy"], path).toBe("cross-origin");
    expect(h["cache-control"], path).toBe("public, max-age=3600");
    expect(policy(response).get("default-src"), path).toEqual(["'none'"]);
    expect(policy(response).has("script-src") || policy(response).has("style-src"), path).toBe(false);
    const again = await request.get(path, { headers: { "If-None-Match": h.etag! } });
    expect(again.status(), path).toBe(304);
  }
  expect((await request.get("/ja/providers/no-such-service/badge.svg")).status()).toBe(404);
  expect((await request.get("/icon.svg")).headers()["cross-origin-resource-policy"]).toBe("same-origin");
});
