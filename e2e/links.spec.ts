import { expect, test } from "@playwright/test";

// Follows every same-origin link from both home pages, breadth first, and fails listing each
// link that answers 400 or more together with the page it was found on. Every link found is
// requested; pages are opened in the browser (to read their a[href]) up to a bound per kind of
// page, so an imported catalogue of thousands of services still crawls in bounded time.
const MAX_URLS = 5000;
const MAX_OPENED_PER_KIND = 20;

// "/ja/providers/cpi" and "/ja/providers/abc" are one kind of page; so are "/en/compare?s=a"
// and "/en/compare?s=b". The kind is the path with slugs after a listing folded, plus the
// names of the query parameters.
function pageKind(url: URL): string {
  const path = url.pathname.replace(/^\/(ja|en)\/(providers|articles)\/[^/]+$/, "/$1/$2/:slug");
  const params = [...new Set(url.searchParams.keys())].sort().join("&");
  return params ? `${path}?${params}` : path;
}

test("no internal link is broken", async ({ page, request, baseURL }, testInfo) => {
  test.skip(
    testInfo.project.name !== "desktop",
    "the links are the same at every screen size; crawled once, on desktop",
  );
  test.setTimeout(600_000);
  const origin = new URL(baseURL ?? "http://127.0.0.1:3100").origin;
  const queue: { url: string; from: string }[] = [
    { url: `${origin}/ja`, from: "(start)" },
    { url: `${origin}/en`, from: "(start)" },
  ];
  const seen = new Set(queue.map((q) => q.url));
  const openedPerKind = new Map<string, number>();
  const broken: string[] = [];
  let opened = 0;
  let requested = 0;

  while (queue.length > 0) {
    const { url, from } = queue.shift()!;
    const local = url.slice(origin.length);
    const kind = pageKind(new URL(url));
    const open = (openedPerKind.get(kind) ?? 0) < MAX_OPENED_PER_KIND;
    if (!open) {
      requested += 1;
      const response = await request.get(url, { maxRedirects: 5 });
      if (response.status() >= 400) broken.push(`${response.status()} ${local}  (linked from ${from})`);
      continue;
    }
    openedPerKind.set(kind, (openedPerKind.get(kind) ?? 0) + 1);
    opened += 1;
    const response = await page.goto(url, { waitUntil: "domcontentloaded" });
    const status = response?.status() ?? 0;
    if (status >= 400 || status === 0) {
      broken.push(`${status} ${local}  (linked from ${from})`);
      continue;
    }
    // Only HTML pages have links to follow (the API answers JSON).
    if (!(response?.headers()["content-type"] ?? "").includes("text/html")) continue;
    const hrefs = await page.locator("a[href]").evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    for (const href of hrefs) {
      let target: URL;
      try {
        target = new URL(href);
      } catch {
        broken.push(`bad href ${href}  (on ${local})`);
        continue;
      }
      if (target.origin !== origin) continue;
      target.hash = "";
      const next = target.toString();
      if (seen.has(next)) continue;
      seen.add(next);
      expect(
        seen.size,
        `more than ${MAX_URLS} internal URLs: is a page generating links without end?`,
      ).toBeLessThanOrEqual(MAX_URLS);
      queue.push({ url: next, from: local });
    }
  }

  test.info().annotations.push({
    type: "crawl",
    description: `${seen.size} internal URLs: ${opened} opened in the browser, ${requested} requested`,
  });
  expect(broken, `broken links:\n${broken.join("\n")}`).toEqual([]);
  expect(opened).toBeGreaterThan(20);
});

test("sitemap.xml lists every kind of page in both languages, with alternates", async ({ request }) => {
  const response = await request.get("/sitemap.xml");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("xml");
  const xml = await response.text();
  const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
  for (const locale of ["ja", "en"]) {
    for (const path of [
      "",
      "/providers",
      "/clients",
      "/articles",
      "/articles/starttls",
      "/glossary",
      "/tools/received",
      "/tools/check",
      "/providers/cpi",
    ]) {
      expect(locs, `${locale}${path}`).toContain(`/${locale}${path}`);
    }
  }
  expect(
    locs.some((l) => l.includes("/compare")),
    "the comparison page is not indexed",
  ).toBe(false);
  expect(xml).toContain('hreflang="ja"');
  expect(xml).toContain('hreflang="en"');
  expect(xml).toContain('hreflang="x-default"');
});

test("robots.txt allows everything but the API and points to the sitemap", async ({ request }) => {
  const response = await request.get("/robots.txt");
  expect(response.status()).toBe(200);
  const text = await response.text();
  expect(text).toMatch(/User-Agent: \*/i);
  expect(text).toMatch(/Allow: \/\s/);
  expect(text).toMatch(/Disallow: \/api\//);
  expect(text).toMatch(/Sitemap: https?:\/\/\S+\/sitemap\.xml/);
});

test("pages declare their canonical URL and both languages", async ({ page }) => {
  for (const path of ["/ja/articles/starttls", "/en/glossary", "/ja/providers?has=smtps", "/en"]) {
    await page.goto(path);
    const canonical = await page.locator('link[rel="canonical"]').getAttribute("href");
    expect(new URL(canonical ?? "").pathname, path).toBe(path.split("?")[0]);
    for (const lang of ["ja", "en", "x-default"]) {
      await expect(page.locator(`link[rel="alternate"][hreflang="${lang}"]`), `${path} ${lang}`).toHaveCount(1);
    }
    await expect(page.locator('meta[property="og:url"]')).toHaveAttribute("content", canonical ?? "");
    await expect(page.locator('meta[property="og:locale"]')).toHaveAttribute(
      "content",
      path.startsWith("/ja") ? "ja_JP" : "en_US",
    );
  }
  await page.goto("/en/articles/starttls");
  await expect(page.locator('meta[property="og:type"]')).toHaveAttribute("content", "article");
});
