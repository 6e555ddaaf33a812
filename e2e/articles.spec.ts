import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { parse } from "yaml";
import { apiPage, type ApiPage } from "./api";
import { expectNoAxeViolations } from "./axe";

// The slugs and the properties each article explains, read from the files the site is built
// from, so a new article is tested without touching this spec.
type ArticleFront = { slug: string; locale: "ja" | "en"; title: string; properties: string[] };
const ARTICLE_DIR = path.resolve(import.meta.dirname, "../data/articles");
const ARTICLES: ArticleFront[] = readdirSync(ARTICLE_DIR)
  .filter((name) => /^[a-z0-9-]+\.(ja|en)\.md$/.test(name))
  .sort()
  .map((name) => {
    const text = readFileSync(path.join(ARTICLE_DIR, name), "utf8");
    const yaml = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? "";
    const front = parse(yaml) as Partial<ArticleFront>;
    return {
      slug: front.slug ?? name,
      locale: front.locale ?? "ja",
      title: String(front.title ?? ""),
      properties: front.properties ?? [],
    };
  });
const LOCALES = ["ja", "en"] as const;

// Headings in document order, as levels; the page must have one h1 and never skip a level.
async function headingLevels(page: Page): Promise<{ level: number; text: string }[]> {
  return page
    .locator("h1, h2, h3, h4, h5, h6")
    .evaluateAll((els) =>
      els.map((el) => ({ level: Number(el.tagName.slice(1)), text: (el.textContent ?? "").trim() })),
    );
}

test.describe("article pages", () => {
  for (const article of ARTICLES) {
    test(`${article.locale}/${article.slug}: title, contents, sources, diagram, heading order and axe`, async ({
      page,
    }) => {
      const response = await page.goto(`/${article.locale}/articles/${article.slug}`);
      expect(response?.status()).toBe(200);
      await expect(page.locator("html")).toHaveAttribute("lang", article.locale);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(article.title);

      const toc = page.getByRole("navigation", { name: article.locale === "ja" ? "目次" : "Contents" });
      await expect(toc).toBeVisible();
      const tocLinks = toc.getByRole("link");
      expect(await tocLinks.count()).toBeGreaterThan(1);
      // every contents entry points at a heading on the page
      for (const href of await tocLinks.evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""))) {
        const id = decodeURIComponent(href.slice(1));
        await expect(page.locator(`[id="${id.replace(/"/g, '\\"')}"]`), href).toHaveCount(1);
      }

      const sources = page.locator("section.article-sources");
      await expect(sources.getByRole("heading", { level: 2 })).toBeVisible();
      expect(await sources.locator('a[href^="http"]').count()).toBeGreaterThan(0);

      const figure = page.locator("figure svg[role=img]").first();
      await expect(figure).toBeVisible();
      // the figure fits the column; a diagram wider than a phone scrolls inside it (its text
      // size is measured in "articles read on a phone" below)
      const [figureWidth, bodyWidth] = await Promise.all([
        page
          .locator("figure")
          .first()
          .evaluate((el) => el.getBoundingClientRect().width),
        page.locator(".article-body").evaluate((el) => el.getBoundingClientRect().width),
      ]);
      expect(figureWidth).toBeLessThanOrEqual(bodyWidth + 1);

      const other = article.locale === "ja" ? "en" : "ja";
      await expect(
        page.locator(`a[hreflang="${other}"][href="/${other}/articles/${article.slug}"]`).first(),
      ).toBeVisible();

      const levels = await headingLevels(page);
      expect(
        levels.filter((h) => h.level === 1),
        "exactly one h1",
      ).toHaveLength(1);
      expect(levels[0]?.level, "the first heading is the h1").toBe(1);
      levels.forEach((h, i) => {
        const previous = levels[i - 1];
        if (previous)
          expect(h.level, `"${h.text}" after "${previous.text}" (h${previous.level})`).toBeLessThanOrEqual(
            previous.level + 1,
          );
      });

      await expectNoAxeViolations(page);
    });
  }
});

test.describe("article list and glossary", () => {
  for (const locale of LOCALES) {
    test(`${locale}: the list shows every article in order with its description`, async ({ page }) => {
      await page.goto(`/${locale}/articles`);
      const titles = await page.locator(".article-list__title").allTextContents();
      expect(titles).toHaveLength(ARTICLES.filter((a) => a.locale === locale).length);
      expect(await page.locator(".article-list__description").count()).toBe(titles.length);
      await expectNoAxeViolations(page);
    });

    test(`${locale}: the glossary gives every term an id and links it to its article`, async ({ page }) => {
      await page.goto(`/${locale}/glossary`);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      const ids = await page.locator(".glossary-list dt[id]").evaluateAll((dts) => dts.map((dt) => dt.id));
      expect(ids.length).toBeGreaterThan(0);
      expect(ids).toContain("tls");
      expect(await page.locator(`.glossary-list a[href^="/${locale}/articles/"]`).count()).toBeGreaterThan(0);
      await expectNoAxeViolations(page);
    });
  }
});

test("a glossary term shows its definition on focus and on hover, and leads to the glossary", async ({ page }) => {
  await page.goto("/ja/articles/starttls");
  const term = page.locator("a.glossary-term__link").first();
  const tipId = await term.getAttribute("aria-describedby");
  expect(tipId).toBeTruthy();
  const tip = page.locator(`[id="${tipId}"]`);
  await expect(tip).toHaveAttribute("role", "tooltip");
  await expect(tip).toBeHidden();

  await term.focus();
  await expect(tip).toBeVisible();
  expect((await tip.textContent())?.length).toBeGreaterThan(10);
  // the definition is the link's accessible description
  const described = await term.evaluate(
    (el) => document.getElementById(el.getAttribute("aria-describedby") ?? "")?.textContent,
  );
  expect(described).toBe(await tip.textContent());

  await term.blur();
  await expect(tip).toBeHidden();
  await term.hover();
  await expect(tip).toBeVisible();

  const key = await term.getAttribute("data-term");
  await term.click();
  await expect(page).toHaveURL(new RegExp(`/ja/glossary#${key}$`));
  await expect(page.locator(`[id="${key}"]`)).toBeVisible();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("glossary definitions still show on keyboard focus", async ({ page }) => {
    await page.goto("/en/articles/implicit-tls");
    const term = page.locator("a.glossary-term__link").first();
    const tip = page.locator(`[id="${await term.getAttribute("aria-describedby")}"]`);
    await term.focus();
    await expect(tip).toBeVisible();
  });
});

// Which properties the catalogue filters on: those of services, not the client-only ones (OAuth2
// login is a mail app's feature), read from the file the database is seeded from.
const PROPERTY_RECORDS = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, "../data/properties.json"), "utf8"),
) as { key: string; category: string; appliesTo: "service" | "client" | "both" }[];
const CLIENT_ONLY = new Set(PROPERTY_RECORDS.filter((p) => p.appliesTo === "client").map((p) => p.key));
// The mail domain's properties (MTA-STS, DANE…) are known only from the verification job's own
// checks, never from a seeded source, so a fresh database lists no service for them yet.
const CHECKED_ONLY = new Set(PROPERTY_RECORDS.filter((p) => p.category === "domain").map((p) => p.key));

test.describe("every article's catalogue links list services", () => {
  for (const article of ARTICLES.filter((a) => a.locale === "ja" && a.properties.length > 0)) {
    const keys = article.properties.filter((k) => !CLIENT_ONLY.has(k));
    const clientOnly = article.properties.filter((k) => CLIENT_ONLY.has(k));
    test(`${article.slug} → ${keys.join(", ")}`, async ({ page, request }) => {
      await page.goto(`/ja/articles/${article.slug}`);
      // a mail app's feature has no catalogue of services to link to
      for (const key of clientOnly) {
        await expect(page.locator(`section.article-catalogue a[data-property="${key}"]`), key).toHaveCount(0);
      }
      let first: ApiPage | undefined;
      for (const key of keys) {
        const link = page.locator(`section.article-catalogue a[data-property="${key}"]`);
        await expect(link, key).toHaveAttribute("href", `/ja/providers?has=${key}`);
        const api = await apiPage(request, `?has=${key}`);
        expect(api.filters.has, `the catalogue knows the property "${key}"`).toEqual([key]);
        if (CHECKED_ONLY.has(key)) continue;
        // the seeded sources (the 2006 page, provider documentation and five datasets) give
        // every other service property at least one service
        expect(api.total, `/api/providers?has=${key} lists no service`).toBeGreaterThan(0);
        first ??= api;
      }

      // the first link, followed, lists what the API lists
      if (!first) return;
      const key = first.filters.has[0]!;
      await page.locator(`section.article-catalogue a[data-property="${key}"]`).click();
      await expect(page).toHaveURL(new RegExp(`/ja/providers\\?has=${key}$`));
      const rows = page.locator(".catalogue__results tbody tr");
      await expect(rows).toHaveCount(first.items.length);
      await expect(rows.first().locator("th > a").first()).toHaveAttribute(
        "href",
        new RegExp(`/providers/${first.items[0]!.slug}$`),
      );
    });
  }
});

// Measured in the browser at the project's size (390 px on the phone): every diagram's text is
// drawn at 12 px or more, and no table cell splits a number, a port or a protocol name.
test.describe("articles read on a phone", () => {
  for (const article of ARTICLES) {
    test(`${article.locale}/${article.slug}: diagram text >= 12 px, table tokens whole, page fits`, async ({
      page,
    }) => {
      await page.goto(`/${article.locale}/articles/${article.slug}`);
      const measured = await page.evaluate(() => {
        const svgText = [...document.querySelectorAll<SVGTextElement>(".article-body figure svg text")].map((t) => {
          const svg = t.ownerSVGElement!;
          const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
          return { text: t.textContent ?? "", px: parseFloat(getComputedStyle(t).fontSize) * scale };
        });
        // a "word" of a cell (a run without spaces: 587, STARTTLS, pop3s, ポート) drawn on more than one line
        const splitTokens: string[] = [];
        for (const cell of document.querySelectorAll(".article-body th, .article-body td")) {
          const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const text = node.textContent ?? "";
            for (const match of text.matchAll(/[A-Za-z0-9][A-Za-z0-9.\-/]*|[ァ-ヶー]+/g)) {
              const range = document.createRange();
              range.setStart(node, match.index);
              range.setEnd(node, match.index + match[0].length);
              const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
              if (lines.size > 1) splitTokens.push(match[0]);
            }
          }
        }
        return {
          svgText,
          splitTokens,
          scrollWidth: document.documentElement.scrollWidth,
          clientWidth: document.documentElement.clientWidth,
        };
      });
      const small = measured.svgText.filter((t) => t.px < 12 - 0.01);
      expect(small, small.map((t) => `${t.text}: ${t.px.toFixed(1)} px`).join("\n")).toEqual([]);
      expect(measured.splitTokens).toEqual([]);
      expect(measured.scrollWidth).toBeLessThanOrEqual(measured.clientWidth);
    });
  }
});

test("the site title breaks, if at all, only after its ・", async ({ page }) => {
  await page.goto("/ja/glossary");
  const lines = await page.locator(".site-title > span").evaluate((span) => {
    const node = document.createTreeWalker(span, NodeFilter.SHOW_TEXT);
    const tops = new Map<number, string>();
    for (let n = node.nextNode(); n; n = node.nextNode()) {
      for (let i = 0; i < (n.textContent ?? "").length; i++) {
        const range = document.createRange();
        range.setStart(n, i);
        range.setEnd(n, i + 1);
        const top = Math.round(range.getBoundingClientRect().top);
        tops.set(top, (tops.get(top) ?? "") + (n.textContent ?? "")[i]);
      }
    }
    return { lines: [...tops.values()] };
  });
  expect(lines.lines.join("")).toBe("メールセキュリティ・コンパス");
  expect([["メールセキュリティ・コンパス"], ["メールセキュリティ・", "コンパス"]]).toContainEqual(lines.lines);
});
