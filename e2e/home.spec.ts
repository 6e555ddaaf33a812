import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { apiAll, monthsOld, STALE_AFTER_MONTHS, type ApiItem } from "./api";
import { expectNoAxeViolations } from "./axe";

const DATA = path.resolve(import.meta.dirname, "../data");
const PAGE_2006 = "hosting-mail-security-2006";

type DataProperty = { key: string; appliesTo: string };
type DataSource = { key: string; kind: string };
type DataCompany = { services: Array<{ slug: string; claims: Array<{ source: string }> }> };
const readJson = <T>(name: string): T => JSON.parse(readFileSync(path.join(DATA, name), "utf8")) as T;

const SERVICE_PROPERTIES = readJson<DataProperty[]>("properties.json")
  .filter((p) => p.appliesTo !== "client")
  .map((p) => p.key);
const GOOD_TODAY_ARTICLES = ["implicit-tls", "implicit-tls", "smtp-auth", "auth-only-encryption", "pop-before-smtp"];

function count(values: string[]) {
  const yes = values.filter((v) => v === "yes").length;
  const partial = values.filter((v) => v === "partial").length;
  const no = values.filter((v) => v === "no").length;
  return { yes, partial, no, known: yes + partial + no, unknown: values.length - yes - partial - no };
}

// Console errors a visitor's browser would log. Left out: the favicon request (another change
// adds the icon) and the development server's hot-reload socket, which a visitor never opens.
function collectConsoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() !== "error" || m.location().url.includes("favicon") || m.text().includes("/_next/hmr")) return;
    errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(e.message));
  return errors;
}

async function expectNoSidewaysScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
}

test.describe("home", () => {
  test("says what good looks like today, each point linked to its explainer", async ({ page, request }) => {
    await page.goto("/ja");
    await expect(page).toHaveTitle(/^メールを暗号化で守るサービスを探す \| /);
    const box = page.getByRole("region", { name: "いま安全といえる設定" });
    await expect(box).toBeVisible();
    await expect(box).toContainText("993");
    await expect(box).toContainText("TLS 1.2");
    await expect(box).toContainText("APOP");
    await expect(box).toContainText("POP before SMTP");
    const links = box.getByRole("link");
    await expect(links).toHaveCount(GOOD_TODAY_ARTICLES.length);
    const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    expect(hrefs).toEqual(GOOD_TODAY_ARTICLES.map((slug) => `/ja/articles/${slug}`));
    for (const href of new Set(hrefs)) expect((await request.get(href!)).status(), href!).toBe(200);
    await links.nth(2).click();
    await expect(page).toHaveURL(/\/ja\/articles\/smtp-auth$/);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  });

  test("entry points reach the catalogue filters, the header analyzer and the domain check", async ({ page }) => {
    await page.goto("/en");
    await expect(page).toHaveTitle(/^Find a provider that keeps your mail encrypted \| /);
    await page.getByRole("link", { name: "For businesses, with sending on port 465" }).click();
    await expect(page).toHaveURL(/\/en\/providers\?segment=business&has=smtps$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Providers");

    await page.goto("/en");
    await page.getByRole("link", { name: /Receiving \(IMAP, 993\) and sending \(465\)/ }).click();
    await expect(page).toHaveURL(/\/en\/providers\?has=imaps&has=smtps$/);

    await page.goto("/en");
    await page.getByRole("link", { name: "Open the header analyzer" }).click();
    await expect(page).toHaveURL(/\/en\/tools\/received$/);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

    await page.goto("/en");
    await page.getByRole("link", { name: "Open the server check" }).click();
    await expect(page).toHaveURL(/\/en\/tools\/check$/);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  });

  test("the chart's table gives the numbers the site serves, now and in 2006", async ({ page, request }) => {
    const services = await apiAll(request, "");
    // the 2006 page's claims, from every claim (current or not) of the services it covered
    const covered2006 = readJson<DataCompany[]>("companies.json")
      .flatMap((c) => c.services)
      .filter((s) => s.claims.some((claim) => claim.source === PAGE_2006))
      .map((s) => s.slug);
    const history = await Promise.all(
      covered2006.map(async (slug) => {
        const response = await request.get(`/api/providers/${slug}`);
        expect(response.ok(), slug).toBe(true);
        return (await response.json()) as {
          history: Record<string, Array<{ value: string; source: { key: string } | null }>>;
        };
      }),
    );
    await page.goto("/ja");
    const table = page.getByRole("table", { name: "機能ごとの対応サービス数 (今と 2006 年)" });
    await expect(table.getByRole("columnheader", { name: `今 (全 ${services.length} 件)` })).toBeVisible();
    await expect(table.getByRole("columnheader", { name: `2006 年 (全 ${covered2006.length} 件)` })).toBeVisible();
    for (const key of SERVICE_PROPERTIES) {
      const row = table.locator(`tr[data-property="${key}"]`);
      const now = count(services.map((s: ApiItem) => s.support[key]?.value ?? "unknown"));
      const nowCell = row.locator('td[data-period="now"]');
      if (now.known === 0) await expect(nowCell).toContainText("記録なし");
      else {
        await expect(nowCell).toContainText(`${now.yes} 件が対応`);
        await expect(nowCell).toContainText(`判明分 ${now.known} 件中`);
      }
      if (now.unknown > 0) await expect(nowCell).toContainText(`不明 ${now.unknown} 件`);
      if (now.no > 0) await expect(nowCell).toContainText(`非対応 ${now.no} 件`);

      const then = count(
        history.map((h) => h.history[key]?.find((c) => c.source?.key === PAGE_2006)?.value ?? "unknown"),
      );
      const thenCell = row.locator('td[data-period="2006"]');
      if (then.known === 0) await expect(thenCell).toContainText("記録なし");
      else await expect(thenCell).toContainText(`${then.yes} 件が対応`);
      if (then.unknown > 0) await expect(thenCell).toContainText(`不明 ${then.unknown} 件`);
    }
    // The bars are pictures of those numbers, hidden from screen readers, text-free.
    await expect(table.locator("svg").first()).toHaveAttribute("aria-hidden", "true");
    await expect(table.locator("svg text")).toHaveCount(0);
  });

  test("the editor's pick is shown only where its evidence is current", async ({ page, request }) => {
    const picks = (await apiAll(request, "")).filter((s) => s.editorsPick);
    const current = picks.filter((s) => s.newestEvidence && monthsOld(s.newestEvidence) < STALE_AFTER_MONTHS);
    await page.goto("/ja");
    await expect(page.locator("[data-pick]")).toHaveCount(current.length);
    for (const pick of picks) {
      await expect(page.locator(`[data-pick="${pick.slug}"]`)).toHaveCount(current.includes(pick) ? 1 : 0);
    }
  });

  for (const locale of ["ja", "en"] as const) {
    test(`reads well and passes axe in ${locale}, light and dark`, async ({ page }) => {
      const errors = collectConsoleErrors(page);
      await page.goto(`/${locale}`);
      await expectNoSidewaysScroll(page);
      await expectNoAxeViolations(page);
      await page.emulateMedia({ colorScheme: "dark" });
      await expectNoAxeViolations(page);
      expect(errors).toEqual([]);
    });
  }

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });
    test("the chart is there, drawn by the server", async ({ page }) => {
      await page.goto("/en");
      const table = page.getByRole("table", { name: "Services supporting each feature, now and in 2006" });
      await expect(table.locator('tr[data-property="smtps"] td[data-period="now"] svg rect').first()).toBeVisible();
    });
  });
});

test.describe("about the data", () => {
  test("lists every source with its dataset licences, and how claims are ranked", async ({ page }) => {
    const sources = readJson<DataSource[]>("sources.json");
    await page.goto("/ja/about");
    await expect(page).toHaveTitle(/^データについて \| /);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("データについて");
    for (const s of sources) await expect(page.locator(`[data-source="${s.key}"]`)).toHaveCount(1);
    const datasets = page.locator('[data-source-kind="dataset"] [data-source]');
    await expect(datasets.first()).toBeVisible();
    await expect(page.locator('[data-source="thunderbird-ispdb"]')).toContainText("MPL-2.0");
    // folded lists open to show their entries
    const page2006 = page.locator(`[data-source="${PAGE_2006}"]`);
    await expect(page2006).toBeHidden();
    await page.locator('[data-source-kind="page"] summary').click();
    await expect(page2006).toBeVisible();
    await expect(page2006).toContainText("2006年2月");
    const ranking = page.getByRole("region", { name: "日付と優先順位" });
    await expect(ranking).toContainText("36 か月");
    await expect(ranking).toContainText("「非対応」ではありません");
    await expect(page.getByRole("region", { name: "訂正の連絡" })).toBeVisible();
  });

  for (const locale of ["ja", "en"] as const) {
    test(`reads well and passes axe in ${locale}, light and dark`, async ({ page }) => {
      const errors = collectConsoleErrors(page);
      await page.goto(`/${locale}/about`);
      await expectNoSidewaysScroll(page);
      await expectNoAxeViolations(page);
      await page.emulateMedia({ colorScheme: "dark" });
      await expectNoAxeViolations(page);
      expect(errors).toEqual([]);
    });
  }
});

test("the footer carries no developer text and leads to the about page", async ({ page }) => {
  for (const p of ["/ja", "/en", "/ja/providers", "/en/about"]) {
    await page.goto(p);
    const footer = page.getByRole("contentinfo");
    await expect(footer).toBeVisible();
    await expect(footer).not.toContainText("README");
  }
  await page.goto("/ja/providers");
  await page.getByRole("contentinfo").getByRole("link", { name: "データの出典と訂正について" }).click();
  await expect(page).toHaveURL(/\/ja\/about$/);
});
