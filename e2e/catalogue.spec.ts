import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";

const SOURCE_SERVICES = [
  "ablenet",
  "cs-server-personal",
  "iclusta",
  "cs-server-professional",
  "cpi",
  "drive-network",
  "webdax-next-style",
  "c3md",
  "smileserver",
];

async function listedSlugs(page: Page): Promise<string[]> {
  return page
    .locator("table.support-table tbody tr[data-slug]")
    .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-slug") ?? ""));
}

test.describe("catalogue with JavaScript", () => {
  test("ticking POP over SSL and SMTP over SSL lists all nine source services and updates the URL", async ({
    page,
  }) => {
    await page.goto("/ja/providers");
    await expect(page.getByRole("heading", { level: 1, name: "サービス一覧" })).toBeVisible();

    await page.getByRole("checkbox", { name: "POP3 over SSL (995番)" }).check();
    await expect(page).toHaveURL(/[?&]has=pop3s(&|$)/);
    await page.getByRole("checkbox", { name: "SMTP over SSL (465番)" }).check();
    await expect(page).toHaveURL(/has=pop3s&has=smtps/);

    // the ISPDB import (when present) adds more services with both; all nine must be among them
    await page.getByLabel("表示件数").selectOption("100");
    await expect(page).toHaveURL(/per=100/);
    const slugs = await listedSlugs(page);
    expect(slugs).toEqual(expect.arrayContaining(SOURCE_SERVICES));
    await expect(page.locator(".results-count")).toContainText(`${slugs.length} 件中`);
  });

  test("a property nobody has a claim for lists nothing, and unknown is shown as unknown", async ({ page }) => {
    await page.goto("/ja/providers");
    const cpiRow = page.locator('tr[data-slug="cpi"]');
    // IMAP over SSL was never stated by the 2006 source: unknown, not "not supported"
    await expect(cpiRow.locator('[data-support="unknown"]').first()).toBeVisible();
    await expect(cpiRow.locator('[data-support="no"]')).toHaveCount(0);

    // no source in the data claims POP before SMTP for anyone
    await page.getByRole("checkbox", { name: "POP before SMTP" }).check();
    await expect(page.getByText("条件に合うサービスはありません")).toBeVisible();
  });

  test("searching a former name finds the renamed service", async ({ page }) => {
    await page.goto("/ja/providers");
    await page.getByLabel("名前で検索").fill("スマートコネクト");
    await expect(page).toHaveURL(/q=%E3%82%B9/);
    await expect(page.locator("tbody tr[data-slug]")).toHaveCount(1);
    await expect(page.locator('tr[data-slug="smileserver"]')).toContainText("スマイルサーバ");
    await expect(page.locator('tr[data-slug="smileserver"]')).toContainText("NTTスマートコネクト");
  });

  test("segment filter and the back button", async ({ page }) => {
    await page.goto("/ja/providers");
    await page.getByRole("radio", { name: "個人向け" }).check();
    await expect(page).toHaveURL(/segment=personal/);
    await expect(page.locator("tbody tr[data-slug]")).toHaveCount(2);

    await page.getByRole("radio", { name: "法人向け" }).check();
    await expect(page).toHaveURL(/segment=business/);
    await expect(page.locator("tbody tr[data-slug]")).toHaveCount(7);

    await page.goBack();
    await expect(page).toHaveURL(/segment=personal/);
    await expect(page.locator("tbody tr[data-slug]")).toHaveCount(2);
    await expect(page.getByRole("radio", { name: "個人向け" })).toBeChecked();

    await page.goBack();
    await expect(page).toHaveURL(/\/ja\/providers$/);
    await expect(page.getByRole("radio", { name: "すべて" })).toBeChecked();
    await expect(page.locator('tr[data-slug="cpi"]')).toBeVisible();
  });

  test("a shared URL restores the filter state", async ({ page }) => {
    await page.goto("/ja/providers?segment=business&has=smtps&sort=name");
    await expect(page.getByRole("radio", { name: "法人向け" })).toBeChecked();
    await expect(page.getByRole("checkbox", { name: "SMTP over SSL (465番)" })).toBeChecked();
    await expect(page.getByLabel("並び順")).toHaveValue("name");
    await expect(page.locator("tbody tr[data-slug]")).toHaveCount(7);
  });

  test("hand-edited and malformed query strings fall back to defaults", async ({ page }) => {
    for (const query of [
      "?page=-3&per=7&sort=evil&segment=%FF",
      "?has=nonsense&has=&page=abc",
      "?q=" + "x".repeat(500),
      "?page=99999",
    ]) {
      const response = await page.goto(`/ja/providers${query}`);
      expect(response?.status(), query).toBe(200);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("サービス一覧");
    }
  });

  test("no accessibility violations", async ({ page }) => {
    await page.goto("/ja/providers?has=pop3s");
    await expectNoAxeViolations(page);
    await page.goto("/en/providers");
    await expectNoAxeViolations(page);
  });
});

test.describe("catalogue without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the filter is a working GET form", async ({ page }) => {
    await page.goto("/ja/providers");
    await page.getByRole("checkbox", { name: "POP3 over SSL (995番)" }).check();
    await page.getByRole("checkbox", { name: "SMTP over SSL (465番)" }).check();
    await page.getByRole("radio", { name: "法人向け" }).check();
    await page.getByRole("button", { name: "この条件で表示" }).click();
    await expect(page).toHaveURL(/segment=business/);
    await expect(page).toHaveURL(/has=pop3s/);
    await expect(page.locator("tbody tr[data-slug]")).toHaveCount(7);
  });

  test("text search finds a former name", async ({ page }) => {
    await page.goto("/ja/providers");
    await page.getByLabel("名前で検索").fill("スマートコネクト");
    await page.getByRole("button", { name: "この条件で表示" }).click();
    await expect(page.locator("tbody tr[data-slug]")).toHaveCount(1);
    await expect(page.locator('tr[data-slug="smileserver"]')).toBeVisible();
  });
});
