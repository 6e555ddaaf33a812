import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";

// The comparison page on its own: the selection lives in the URL (repeated `s`), the page searches
// for and adds services itself, removes them with a worded control, says what to do below two
// and why it stops at four, and on a phone keeps the feature names beside the marks.

const FOUR = "s=cpi&s=ablenet&s=c3md&s=iclusta";

const serviceHeaders = (page: Page) => page.locator(".compare-table thead th[data-slug]");

async function noSidewaysScroll(page: Page): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("searching adds services while keeping the ones already chosen", async ({ page }) => {
    await page.goto("/ja/compare?s=cpi");
    await expect(page.getByText("選択中: 1 / 4 件")).toBeVisible();
    await expect(page.locator("[data-state]")).toHaveText(
      "比較には 2〜4 件が必要です。あと 1 件以上追加してください。",
    );

    await page.getByLabel("サービス名またはメールアドレス").fill("Drive");
    await page.getByRole("button", { name: "探す" }).click();
    await expect(page).toHaveURL(/\/ja\/compare\?s=cpi&q=Drive$/);
    await expect(page.getByText("「Drive」に一致するサービス:")).toBeVisible();

    await page.getByRole("link", { name: "Drive Network を比較に追加" }).click();
    await expect(page).toHaveURL(/\/ja\/compare\?s=cpi&s=drive-network&q=Drive$/);
    await expect(serviceHeaders(page)).toHaveText([/^CPI/, /^Drive Network/]);
    await expect(page.getByText("選択中: 2 / 4 件")).toBeVisible();
    await expect(page.locator("[data-state]")).toHaveText("あと 2 件まで追加できます。");
    // the one just added is marked as chosen in the still-open results, not offered again
    const added = page.locator('[data-results] li[data-slug="drive-network"]');
    await expect(added).toContainText("選択中");
    await expect(added.getByRole("link")).toHaveCount(0);
    await expect(page).toHaveTitle(/^CPI、Drive Network の比較/);
  });

  test("a search that matches nothing says so", async ({ page }) => {
    await page.goto("/en/compare?s=cpi&q=zzzz-no-such-service");
    await expect(page.getByText("No service matches “zzzz-no-such-service”.")).toBeVisible();
  });
});

test("each service has a worded remove control, never ×", async ({ page }) => {
  await page.goto(`/ja/compare?s=cpi&s=ablenet&s=c3md`);
  await expect(serviceHeaders(page)).toHaveCount(3);
  const remove = page.getByRole("link", { name: "Ablenet を比較から外す" });
  await expect(remove).toHaveText("外す");
  const box = await remove.boundingBox();
  expect(box?.height).toBeGreaterThanOrEqual(44);
  await expect(page.locator(".compare-table thead")).not.toContainText("×");

  await remove.click();
  await expect(page).toHaveURL(/\/ja\/compare\?s=cpi&s=c3md$/);
  await expect(serviceHeaders(page)).toHaveText([/^CPI/, /^C3md/]);

  await page.goto("/en/compare?s=cpi&s=ablenet");
  await expect(page.getByRole("link", { name: "Remove CPI from the comparison" })).toHaveText("Remove");
});

test("below two it says what to do, at four it says no more and why", async ({ page }) => {
  await page.goto("/en/compare");
  await expect(page.getByText("Selected: 0 of 4")).toBeVisible();
  await expect(page.locator("[data-state]")).toHaveText(
    "Add services to compare with the search below. You can compare from 2 services.",
  );
  await expect(page.locator(".compare-table")).toHaveCount(0);
  await expect(page.getByRole("search")).toBeVisible();

  await page.goto(`/ja/compare?${FOUR}&q=${encodeURIComponent("さくら")}`);
  await expect(page.getByText("選択中: 4 / 4 件")).toBeVisible();
  await expect(page.locator("[data-state]")).toContainText("これ以上は追加できません");
  await expect(page.locator("[data-state]")).toContainText("1 つの画面で読める表に収めるためです");
  await expect(page.getByRole("search")).toHaveCount(0);
  await expect(page.getByRole("link", { name: /を比較に追加$/ })).toHaveCount(0);
  await expect(serviceHeaders(page)).toHaveCount(4);

  // a fifth in a hand-made URL is cut, and the page says so
  await page.goto(`/en/compare?${FOUR}&s=smileserver`);
  await expect(page.getByText("Up to 4 services can be compared")).toBeVisible();
  await expect(serviceHeaders(page)).toHaveCount(4);
});

test("the marks read as words, grouped by receiving, sending, login and mail domain", async ({ page }) => {
  await page.goto("/en/compare?s=cpi&s=ablenet");
  await expect(page.locator(".compare-table tbody[data-group] th[scope=rowgroup]")).toHaveText([
    "Receiving",
    "Sending",
    "Login",
    "Mail domain protection",
  ]);
  const pop3s = page.locator('tr[data-property="pop3s"]');
  await expect(pop3s.getByRole("rowheader")).toContainText("POP3");
  await expect(pop3s.getByRole("cell").first()).toHaveText(/Supported|Yes/);
});

test("on a phone the feature column stays while the services scroll inside the table", async ({ page }, info) => {
  test.skip(info.project.name !== "mobile", "a desk screen shows all four columns");
  await page.goto(`/ja/compare?${FOUR}`);
  await noSidewaysScroll(page);
  const region = page.getByRole("region", { name: "選んだサービスの対応状況" });
  const scrolled = await region.evaluate((el) => {
    el.scrollLeft = el.scrollWidth;
    return { left: el.scrollLeft, overflow: el.scrollWidth > el.clientWidth };
  });
  expect(scrolled.overflow).toBe(true);
  expect(scrolled.left).toBeGreaterThan(0);
  // the last service is now in view, and the feature name is still where it was
  const rowHeader = page.locator('tr[data-property="smtps"] th[scope=row]');
  const regionBox = await region.boundingBox();
  const headerBox = await rowHeader.boundingBox();
  expect(regionBox && headerBox).toBeTruthy();
  expect(headerBox!.x).toBeGreaterThanOrEqual(regionBox!.x - 1);
  expect(headerBox!.x).toBeLessThan(regionBox!.x + 10);
  await expect(page.locator('thead th[data-slug="iclusta"]')).toBeInViewport();
  await noSidewaysScroll(page);
});

// One test per page: axe on a long table takes seconds on two shared cores.
for (const url of [
  `/ja/compare?${FOUR}`,
  "/ja/compare?s=cpi&q=Drive",
  "/en/compare?s=cpi&s=ablenet&q=CP",
  "/en/compare",
]) {
  test(`no accessibility violations and no sideways scroll: ${url}`, async ({ page }) => {
    await page.goto(url);
    await noSidewaysScroll(page);
    await expectNoAxeViolations(page);
  });
}
