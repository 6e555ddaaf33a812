import { type APIRequestContext, expect, test } from "@playwright/test";

// Follows every same-origin link from both home pages, breadth first, and fails listing each
// link that answers 400 or more together with the page it was found on. Every link found is
// requested. Links are read from a bounded number of pages of each kind, so a catalogue of
// hundreds or thousands of services still crawls in bounded time: the first few of a kind are
// opened in the browser (links a script adds count too), more of the same kind have the links of
// their server-rendered HTML read, and the rest are only requested, a few at a time.
const MAX_URLS = 5000;
const MAX_OPENED_PER_KIND = 3;
const MAX_READ_PER_KIND = 20;
const PARALLEL_REQUESTS = 6;
// Every row of the catalogue and the compare page links to the same listing with one service
// more or less in the comparison (`s`), so those links multiply with every page read. They are
// all made by one function: a sample of them per listing is requested, the rest are skipped.
const MAX_SELECTION_LINKS_PER_PATH = 40;
// Files the browser saves rather than shows (the iCalendar feed and the CSV export are sent as
// attachments): a navigation to one never loads, so they are only requested.
const DOWNLOADS = /\.(ics|csv)$/;

// The crawl's request context keeps sockets alive between the browser's page loads; one that
// the server closes after its keep-alive timeout just as a GET goes out answers ECONNRESET.
// Browsers retry an idempotent request once on a reused socket, and so does the crawl.
async function getWithOneRetry(request: APIRequestContext, url: string) {
  try {
    return await request.get(url, { maxRedirects: 5 });
  } catch (error) {
    if (!/ECONNRESET|socket hang up/.test((error as Error).message)) throw error;
    return request.get(url, { maxRedirects: 5 });
  }
}

// "/ja/providers/cpi" and "/ja/providers/abc" are one kind of page; so are "/en/compare?s=a"
// and "/en/compare?s=b". The kind is the path with slugs after a listing folded, plus the
// names of the query parameters.
function pageKind(url: URL): string {
  const path = url.pathname.replace(/^\/(ja|en)\/(providers|articles)\/[^/]+$/, "/$1/$2/:slug");
  const params = [...new Set(url.searchParams.keys())].sort().join("&");
  return params ? `${path}?${params}` : path;
}

const NAMED_ENTITIES: Record<string, string> = { amp: "&", quot: '"', apos: "'", lt: "<", gt: ">" };

// An attribute value as the browser reads it: "&amp;", "&#x26;" and "&#38;" are all "&".
function decodeAttribute(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (entity, name: string) => {
    if (name.startsWith("#x") || name.startsWith("#X")) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith("#")) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return NAMED_ENTITIES[name.toLowerCase()] ?? entity;
  });
}

// The href of every <a> in server-rendered HTML, resolved against the page's URL.
function hrefsInHtml(html: string, pageUrl: string): string[] {
  return [...html.matchAll(/<a\s[^>]*?href="([^"]*)"/g)].map((m) => {
    const href = decodeAttribute(m[1]!);
    try {
      return new URL(href, pageUrl).toString();
    } catch {
      return href;
    }
  });
}

test("no internal link is broken", async ({ page, request, baseURL }, testInfo) => {
  test.skip(
    testInfo.project.name !== "desktop",
    "the links are the same at every screen size; crawled once, on desktop",
  );
  // bounded by the limits above; the margin is for a loaded CI machine
  test.setTimeout(900_000);
  const origin = new URL(baseURL ?? "http://127.0.0.1:3100").origin;
  const queue: { url: string; from: string }[] = [
    { url: `${origin}/ja`, from: "(start)" },
    { url: `${origin}/en`, from: "(start)" },
  ];
  const seen = new Set(queue.map((q) => q.url));
  const readPerKind = new Map<string, number>();
  const selectionLinks = new Map<string, number>();
  const broken: string[] = [];
  let opened = 0;
  let read = 0;
  let requested = 0;

  // A page only requested has no links read from it, so these can wait and go in parallel.
  const toRequest: { url: string; from: string }[] = [];
  const requestAll = async () => {
    const next = () => toRequest.shift();
    const worker = async () => {
      for (let item = next(); item; item = next()) {
        requested += 1;
        const response = await getWithOneRetry(request, item.url);
        if (response.status() >= 400)
          broken.push(`${response.status()} ${item.url.slice(origin.length)}  (linked from ${item.from})`);
      }
    };
    await Promise.all(Array.from({ length: PARALLEL_REQUESTS }, worker));
  };

  const follow = (hrefs: string[], local: string) => {
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
      if (target.searchParams.has("s")) {
        const sampled = selectionLinks.get(target.pathname) ?? 0;
        if (sampled >= MAX_SELECTION_LINKS_PER_PATH) continue;
        selectionLinks.set(target.pathname, sampled + 1);
      }
      seen.add(next);
      expect(
        seen.size,
        `more than ${MAX_URLS} internal URLs: is a page generating links without end?`,
      ).toBeLessThanOrEqual(MAX_URLS);
      queue.push({ url: next, from: local });
    }
  };

  while (queue.length > 0) {
    const { url, from } = queue.shift()!;
    const local = url.slice(origin.length);
    if (DOWNLOADS.test(new URL(url).pathname)) {
      toRequest.push({ url, from });
      continue;
    }
    const kind = pageKind(new URL(url));
    const count = readPerKind.get(kind) ?? 0;
    if (count >= MAX_READ_PER_KIND) {
      toRequest.push({ url, from });
      continue;
    }
    readPerKind.set(kind, count + 1);
    if (count < MAX_OPENED_PER_KIND) {
      opened += 1;
      const response = await page.goto(url, { waitUntil: "domcontentloaded" });
      const status = response?.status() ?? 0;
      if (status >= 400 || status === 0) {
        broken.push(`${status} ${local}  (linked from ${from})`);
        continue;
      }
      // Only HTML pages have links to follow (the API answers JSON).
      if (!(response?.headers()["content-type"] ?? "").includes("text/html")) continue;
      follow(await page.locator("a[href]").evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href)), local);
    } else {
      read += 1;
      const response = await getWithOneRetry(request, url);
      if (response.status() >= 400) {
        broken.push(`${response.status()} ${local}  (linked from ${from})`);
        continue;
      }
      if (!(response.headers()["content-type"] ?? "").includes("text/html")) continue;
      follow(hrefsInHtml(await response.text(), response.url()), local);
    }
  }

  await requestAll();

  test.info().annotations.push({
    type: "crawl",
    description: `${seen.size} internal URLs: ${opened} opened in the browser, ${read} read as HTML, ${requested} requested`,
  });
  expect(broken, `broken links:\n${broken.join("\n")}`).toEqual([]);
  expect(opened + read).toBeGreaterThan(20);
});

// The server under test may run with or without SITE_URL; run Playwright with the same SITE_URL
// as the server (unset for both by default). Without it no page may carry an absolute URL.
const SITE_URL = process.env.SITE_URL?.replace(/\/+$/, "") || undefined;

test("sitemap.xml lists every kind of page in both languages, with alternates", async ({ request }) => {
  test.skip(!SITE_URL, "SITE_URL is not set: the sitemap lists nothing (checked below)");
  const response = await request.get("/sitemap.xml");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("xml");
  const xml = await response.text();
  const urls = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!));
  expect(urls.every((u) => u.origin === SITE_URL)).toBe(true);
  const locs = urls.map((u) => u.pathname);
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
      "/changes",
      "/calendar",
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

test("without SITE_URL the sitemap lists no URL and says SITE_URL must be set", async ({ request }) => {
  test.skip(!!SITE_URL, "SITE_URL is set");
  const response = await request.get("/sitemap.xml");
  expect(response.headers()["content-type"]).toContain("xml");
  const xml = await response.text();
  expect(xml).not.toContain("<loc>");
  expect(xml).toContain("SITE_URL");
});

test("robots.txt allows everything but the API and points to the sitemap only under SITE_URL", async ({ request }) => {
  const response = await request.get("/robots.txt", { headers: { Host: "attacker.example" } });
  expect(response.status()).toBe(200);
  const text = await response.text();
  expect(text).toMatch(/User-Agent: \*/i);
  expect(text).toMatch(/Allow: \/\s/);
  expect(text).toMatch(/Disallow: \/api\//);
  if (SITE_URL) expect(text).toContain(`Sitemap: ${SITE_URL}/sitemap.xml`);
  else expect(text).not.toMatch(/Sitemap:/i);
  expect(text).not.toMatch(/localhost|attacker/);
});

test("pages declare their canonical URL and both languages only under SITE_URL", async ({ page }) => {
  for (const path of ["/ja/articles/starttls", "/en/glossary", "/ja/providers?has=smtps", "/en"]) {
    await page.goto(path);
    await expect(page.locator('meta[property="og:locale"]')).toHaveAttribute(
      "content",
      path.startsWith("/ja") ? "ja_JP" : "en_US",
    );
    if (!SITE_URL) {
      await expect(page.locator('link[rel="canonical"], link[rel="alternate"][hreflang]')).toHaveCount(0);
      await expect(page.locator('meta[property="og:url"]')).toHaveCount(0);
      continue;
    }
    const canonical = await page.locator('link[rel="canonical"]').getAttribute("href");
    expect(canonical, path).toBe(`${SITE_URL}${path.split("?")[0]}`);
    for (const lang of ["ja", "en", "x-default"]) {
      await expect(page.locator(`link[rel="alternate"][hreflang="${lang}"]`), `${path} ${lang}`).toHaveCount(1);
    }
    await expect(page.locator('meta[property="og:url"]')).toHaveAttribute("content", canonical ?? "");
  }
  await page.goto("/en/articles/starttls");
  await expect(page.locator('meta[property="og:type"]')).toHaveAttribute("content", "article");
});
