import { expect, test } from "@playwright/test";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { refreshCurrentClaims } from "@/lib/catalogue/current-claims";
import { createPrismaClient, type PrismaClient } from "@/lib/db";
import { expectNoAxeViolations } from "./axe";

// The change history seen through the site: a service's timeline, the recent-changes page and its
// filters, and the feeds. The reviewed data holds first records only, so this spec adds two
// dated probe claims for CPI's POP3S (no on 1 Dec, yes again on 2 Dec: a worse and an improved
// change) the way a probe writes them, and removes them after. It writes to the shared e2e
// database, so it runs in a project of its own (playwright.config.ts).
const DATABASE_URL = process.env.E2E_DATABASE_URL ?? "file:./.tmp/e2e.db";
const SOURCE_KEY = "e2e-changes-probe";
const SLUG = "cpi";

test.describe.configure({ mode: "serial" });
test.skip(Boolean(process.env.E2E_BASE_URL), "writes to the database of the server it starts itself");

let db: PrismaClient;

async function removeProbeClaims() {
  await db.$transaction(async (tx) => {
    await tx.claim.deleteMany({ where: { source: { key: SOURCE_KEY } } });
    await tx.source.deleteMany({ where: { key: SOURCE_KEY } });
    await refreshCurrentClaims(tx);
  });
}

test.beforeAll(async () => {
  db = createPrismaClient(DATABASE_URL);
  await removeProbeClaims();
  await db.$transaction(async (tx) => {
    const source = await tx.source.create({
      data: {
        key: SOURCE_KEY,
        kind: "probe",
        title: "実機検査 (試験)",
        titleEn: "Live probe (test)",
        asOf: "2026-12-02",
      },
    });
    const [service, property] = await Promise.all([
      tx.service.findUniqueOrThrow({ where: { slug: SLUG }, select: { id: true } }),
      tx.property.findUniqueOrThrow({ where: { key: "pop3s" }, select: { id: true } }),
    ]);
    for (const [asOf, value] of [
      ["2026-12-01", "no"],
      ["2026-12-02", "yes"],
    ] as const) {
      await tx.claim.create({
        data: { serviceId: service.id, propertyId: property.id, sourceId: source.id, value, asOf, verifiedOn: asOf },
      });
    }
    await refreshCurrentClaims(tx);
  });
});

test.afterAll(async () => {
  if (!db) return;
  await removeProbeClaims();
  await db.$disconnect();
});

test("a service page shows its timeline, newest first, and links its feeds", async ({ page }) => {
  await page.goto(`/ja/providers/${SLUG}`);
  const history = page.locator("[data-change-history]");
  await expect(history.getByRole("heading", { level: 2 })).toHaveText("変更の履歴");
  const days = history.locator(".change-list__day");
  await expect(days.first().locator(".change-list__date time")).toHaveAttribute("datetime", "2026-12-02");
  await expect(days.nth(1).locator(".change-list__date time")).toHaveAttribute("datetime", "2026-12-01");
  const improved = days.first().locator('[data-change="improved"][data-property="pop3s"]');
  await expect(improved).toContainText("非対応 から ○対応 へ");
  await expect(improved).toContainText("実機検査 (試験)");
  await expect(days.nth(1).locator('[data-change="worse"][data-property="pop3s"]')).toContainText(
    "対応 から ×非対応 へ",
  );
  // the first records of the reviewed data are the oldest entries
  await expect(days.last().locator('[data-change="new"]').first()).toBeVisible();

  const atom = page.locator('head link[rel="alternate"][type="application/atom+xml"]');
  await expect(atom).toHaveCount(2);
  await expect(atom.first()).toHaveAttribute("href", `/feeds/ja/providers/${SLUG}.atom`);
  await expect(atom.nth(1)).toHaveAttribute("href", "/feeds/ja/changes.atom");
  await expect(page.locator('head link[rel="alternate"][type="application/feed+json"]')).toHaveCount(2);
  await expect(history.locator("[data-feed-links] a").first()).toHaveAttribute(
    "href",
    `/feeds/ja/providers/${SLUG}.atom`,
  );
  await expectNoAxeViolations(page);
});

test("every page's head names the catalogue's change feed in its language", async ({ page }) => {
  for (const [path, feed] of [
    ["/ja", "/feeds/ja/changes.atom"],
    ["/en/articles", "/feeds/en/changes.atom"],
    ["/en/no-such-page", "/feeds/en/changes.atom"],
  ]) {
    await page.goto(path!);
    await expect(page.locator('head link[rel="alternate"][type="application/atom+xml"]').first()).toHaveAttribute(
      "href",
      feed!,
    );
  }
});

test.describe("the recent-changes page without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("filters by direction and property through a plain GET form", async ({ page }) => {
    await page.goto("/en/changes");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Recent changes");
    const first = page.locator("[data-change-list] .change").first();
    await expect(first).toHaveAttribute("data-service", SLUG);
    await expect(first).toHaveAttribute("data-change", "improved");

    await page.getByLabel("Change", { exact: true }).selectOption("worse");
    await page.getByLabel("Property").selectOption("pop3s");
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page).toHaveURL(/\/en\/changes\?direction=worse&property=pop3s$/);
    const items = page.locator("[data-change-list] .change");
    await expect(items.first()).toHaveAttribute("data-service", SLUG);
    await expect(items.first()).toContainText("from ○Supported to ×Not supported");
    for (const item of await items.all()) {
      await expect(item).toHaveAttribute("data-change", "worse");
      await expect(item).toHaveAttribute("data-property", "pop3s");
    }
    await expect(page.getByLabel("Change", { exact: true })).toHaveValue("worse");

    await page.goto("/en/changes?direction=improved&property=pop3s");
    await expect(page.locator('[data-change-list] [data-service="cpi"]')).toHaveCount(1);
    await expect(page.locator("[data-change-list] .change").first()).toHaveAttribute("data-change", "improved");

    // a hand-edited URL falls back to the defaults instead of failing
    const odd = await page.goto("/en/changes?direction=sideways&property=%3Cx%3E&page=-4");
    expect(odd?.status()).toBe(200);
    await expect(page.getByLabel("Change", { exact: true })).toHaveValue("all");
  });
});

type AtomFeed = {
  feed: {
    title: string;
    entry: Array<{ id: string; title: { "#text": string }; link: Array<{ "@_href": string }>; updated: string }>;
  };
};

test("the catalogue's Atom feed is valid XML with the newest change first", async ({ request }) => {
  const response = await request.get("/feeds/ja/changes.atom");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/atom+xml; charset=utf-8");
  const xml = await response.text();
  expect(XMLValidator.validate(xml)).toBe(true);
  const { feed } = new XMLParser({
    ignoreAttributes: false,
    isArray: (name) => name === "entry" || name === "link",
  }).parse(xml) as AtomFeed;
  expect(feed.title).toBe("メールセキュリティ・コンパス: 最近の変更");
  expect(feed.entry.length).toBeGreaterThan(1);
  expect(feed.entry.length).toBeLessThanOrEqual(50);
  const newest = feed.entry[0]!;
  expect(newest.updated).toBe("2026-12-02T00:00:00.000Z");
  expect(newest.link[0]!["@_href"]).toBe(`/ja/providers/${SLUG}`);
  expect(newest.title["#text"]).toContain("POP3 over SSL (995番) 非対応→対応");
  // no SITE_URL in the test server: paths only, never a guessed origin
  expect(xml).not.toMatch(/localhost|127\.0\.0\.1|no-origin/);

  // readers that poll get a 304 for an unchanged feed
  const again = await request.get("/feeds/ja/changes.atom", {
    headers: { "If-None-Match": response.headers()["etag"]! },
  });
  expect(again.status()).toBe(304);
});

test("the JSON Feeds carry the JSON Feed 1.1 fields, for the catalogue and one service", async ({ request }) => {
  for (const path of ["/feeds/en/changes.json", `/feeds/en/providers/${SLUG}.json`]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expect(response.headers()["content-type"]).toBe("application/feed+json; charset=utf-8");
    const feed = (await response.json()) as {
      version: string;
      title: string;
      language: string;
      feed_url: string;
      authors: Array<{ name: string }>;
      items: Array<{ id: string; url: string; title: string; content_html: string; date_published: string }>;
    };
    expect(feed.version).toBe("https://jsonfeed.org/version/1.1");
    expect(feed.title).toBeTruthy();
    expect(feed.language).toBe("en");
    expect(feed.feed_url).toBe(path);
    expect(feed.authors[0]!.name).toBe("Mail Security Compass");
    expect(feed.items.length).toBeGreaterThan(0);
    const item = feed.items[0]!;
    expect(item.id).toMatch(/^tag:/);
    expect(item.url).toBe(`/en/providers/${SLUG}`);
    expect(item.title).toContain("POP3 over SSL (port 995) Not supported→Supported");
    expect(item.content_html).toContain("<li>");
    expect(item.date_published).toBe("2026-12-02T00:00:00.000Z");
  }
  expect((await request.get("/feeds/en/providers/no-such-service.json")).status()).toBe(404);
  expect((await request.get("/feeds/xx/changes.atom")).status()).toBe(404);
  expect((await request.get("/feeds/ja/changes.rss")).status()).toBe(404);
});
