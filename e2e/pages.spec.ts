import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";

test("the root sends visitors to the Japanese home page", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/ja$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "ja");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectNoAxeViolations(page);
});

test("the language switch keeps the page and its filters", async ({ page }) => {
  await page.goto("/ja/providers?has=smtps&segment=business");
  await page.getByRole("link", { name: "英語版へ切り替え" }).click();
  await expect(page).toHaveURL(/\/en\/providers\?has=smtps&segment=business$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Providers");
  await expect(page.getByRole("checkbox", { name: "SMTP over SSL (port 465)" })).toBeChecked();
  await page.getByRole("link", { name: "Switch to Japanese" }).click();
  await expect(page).toHaveURL(/\/ja\/providers\?has=smtps&segment=business$/);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("the language switch is a plain link", async ({ page }) => {
    await page.goto("/ja/providers/cpi");
    await page.getByRole("link", { name: "英語版へ切り替え" }).click();
    await expect(page).toHaveURL(/\/en\/providers\/cpi$/);
  });
});

test("a service page shows every claim with its source and date, and former names", async ({ page }) => {
  await page.goto("/ja/providers/smileserver");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("スマイルサーバ");
  await expect(page.getByText("NTTスマートコネクト")).toBeVisible();
  const pop3s = page.locator('tr[data-property="pop3s"]');
  await expect(pop3s).toContainText("対応");
  await expect(pop3s).toContainText("2006年2月");
  await expect(pop3s).toContainText("2006年");
  const imaps = page.locator('tr[data-property="imaps"]');
  await expect(imaps).toContainText("不明");
  await expect(imaps).toContainText("出典のある情報はまだありません");
  await expectNoAxeViolations(page);

  await page.goto("/en/providers/cpi");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("CPI");
  await expect(page.getByText("Top pick")).toBeVisible();
  await expectNoAxeViolations(page);
});

test("comparing services chosen from the catalogue", async ({ page }) => {
  await page.goto("/ja/providers?segment=business");
  await page.getByRole("checkbox", { name: "CPI を比較に追加" }).check();
  await page.getByRole("checkbox", { name: "Drive Network を比較に追加" }).check();
  await page.getByRole("checkbox", { name: "C3md を比較に追加" }).check();
  await page.getByRole("button", { name: "選んだサービスを比較" }).click();
  await expect(page).toHaveURL(/\/ja\/compare\?/);
  const headers = page.locator(".compare-table thead th");
  await expect(headers).toHaveCount(4);
  await expect(page.locator(".compare-table")).toContainText("CPI");
  await expect(page.locator(".compare-table")).toContainText("Drive Network");
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: "C3md を比較から外す" }).click();
  await expect(page.locator(".compare-table thead th")).toHaveCount(3);
});

test("comparison asks for at least two and caps at four", async ({ page }) => {
  await page.goto("/en/compare?s=cpi");
  await expect(page.getByText("Choose 2 to 4 services")).toBeVisible();
  await page.goto("/en/compare?s=cpi&s=ablenet&s=c3md&s=iclusta&s=smileserver");
  await expect(page.getByText("Up to 4 services")).toBeVisible();
  await expect(page.locator(".compare-table thead th")).toHaveCount(5);
});

test("the mail-client table keeps the 2006 claims as stated", async ({ page }) => {
  await page.goto("/ja/clients");
  const row = page.locator('tr[data-slug="thunderbird-windows"]');
  await expect(row).toContainText("Thunderbird");
  await expect(row.locator('[data-support="yes"]')).toHaveCount(2);
  await expect(row.locator('[data-support="no"]')).toHaveCount(1);
  await expect(page.locator("tbody tr[data-slug]")).toHaveCount(4);
  await expectNoAxeViolations(page);
});

test("unknown pages get a localized not-found page", async ({ page }) => {
  const ja = await page.goto("/ja/no-such-page");
  expect(ja?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("ページが見つかりません");
  await expectNoAxeViolations(page);

  const en = await page.goto("/en/providers/no-such-service");
  expect(en?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
});

test("the JSON API takes the catalogue's query string", async ({ request }) => {
  const all = await request.get("/api/providers?has=pop3s&has=smtps&per=100");
  expect(all.ok()).toBe(true);
  const body = await all.json();
  const slugs = body.items.map((i: { slug: string }) => i.slug);
  expect(slugs).toEqual(expect.arrayContaining(["ablenet", "cpi", "smileserver", "c3md", "iclusta"]));
  expect(body.total).toBe(slugs.length);
  const cpi = body.items.find((i: { slug: string }) => i.slug === "cpi");
  expect(cpi.support.imaps).toEqual({ value: "unknown", asOf: null, source: null, note: null });
  expect(cpi.support.pop3s).toMatchObject({ value: "yes", asOf: "2006-02" });

  const search = await (await request.get(`/api/providers?q=${encodeURIComponent("スマートコネクト")}`)).json();
  expect(search.items.map((i: { slug: string }) => i.slug)).toEqual(["smileserver"]);

  const bad = await request.get("/api/providers?page=x&per=-1&has=%%");
  expect(bad.status()).toBe(200);

  const one = await request.get("/api/providers/cpi");
  expect((await one.json()).editorsPick).toBe(true);
  expect((await request.get("/api/providers/nope")).status()).toBe(404);
});
