import { expect, test, type Locator, type Page } from "@playwright/test";
import { apiAll, apiPage, monthsOld, STALE_AFTER_MONTHS } from "./api";
import { expectNoAxeViolations } from "./axe";

// The nine services of the 2006 page the catalogue grew from; the page stated POP3 over SSL and
// SMTP over SSL for each of them.
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
const PER_PAGE = 20;
const SEARCH_JA = "名前・メールアドレスで検索";
const KIND_JA = "サービスの種類";

const rows = (page: Page): Locator => page.locator("table.support-table tbody tr[data-slug]");

async function listedSlugs(page: Page): Promise<string[]> {
  return rows(page).evaluateAll((trs) => trs.map((r) => r.getAttribute("data-slug") ?? ""));
}

// The heading over the table ("303 件中 1–20 件を表示") and one row per service, up to a page.
async function expectResults(page: Page, total: number, per = PER_PAGE): Promise<void> {
  await expect(page.locator(".results-count")).toContainText(`${total.toLocaleString("ja-JP")} 件中`);
  await expect(rows(page)).toHaveCount(Math.min(total, per));
}

// Every listed row's kind · segment cell names the kind (and segment) filtered on.
async function expectEveryRow(page: Page, text: string): Promise<void> {
  const cells = await page.locator("table.support-table tbody tr[data-slug] td.col-kind").allTextContents();
  expect(cells.length).toBeGreaterThan(0);
  for (const cell of cells) expect(cell).toContain(text);
}

test.describe("catalogue with JavaScript", () => {
  test("ticking POP over SSL and SMTP over SSL lists all nine source services and updates the URL", async ({
    page,
    request,
  }) => {
    await page.goto("/ja/providers");
    await expect(page.getByRole("heading", { level: 1, name: "サービス一覧" })).toBeVisible();

    await page.getByRole("checkbox", { name: "POP3 over SSL (995番)" }).check();
    await expect(page).toHaveURL(/[?&]has=pop3s(&|$)/);
    await page.getByRole("checkbox", { name: "SMTP over SSL (465番)" }).check();
    await expect(page).toHaveURL(/has=pop3s&has=smtps/);

    // the datasets add many more services with both; all nine must be among them
    const both = (await apiAll(request, "?has=pop3s&has=smtps")).map((i) => i.slug);
    expect(both).toEqual(expect.arrayContaining(SOURCE_SERVICES));
    await page.getByLabel("表示件数").selectOption("100");
    await expect(page).toHaveURL(/per=100/);
    await expectResults(page, both.length, 100);
    expect(await listedSlugs(page)).toEqual(both.slice(0, 100));
  });

  test("unknown is shown as unknown, not supported as not supported, and a rare claim lists only its service", async ({
    page,
    request,
  }) => {
    await page.goto("/ja/providers");
    const cpiRow = page.locator('tr[data-slug="cpi"]');
    // IMAP over SSL is stated by none of CPI's sources: unknown, not "not supported"
    await expect(cpiRow.locator('[data-support="unknown"]').first()).toBeVisible();
    await expect(cpiRow.locator('[data-support="no"]')).toHaveCount(0);

    // only CPI's own documentation claims POP before SMTP
    await page.getByRole("checkbox", { name: "POP before SMTP" }).check();
    await expect(page).toHaveURL(/has=pop-before-smtp/);
    const popBeforeSmtp = (await apiAll(request, "?has=pop-before-smtp")).map((i) => i.slug);
    expect(popBeforeSmtp).toContain("cpi");
    await expectResults(page, popBeforeSmtp.length);
    expect(await listedSlugs(page)).toEqual(popBeforeSmtp.slice(0, PER_PAGE));

    // nobody is claimed to have both POP before SMTP and APOP
    expect((await apiPage(request, "?has=pop-before-smtp&has=apop")).total).toBe(0);
    await page.getByRole("checkbox", { name: "APOP" }).check();
    await expect(page.getByText("条件に合うサービスはありません")).toBeVisible();

    // a source saying "no" is shown as not supported
    await page.goto(`/ja/providers?q=${encodeURIComponent("Microsoft 365")}`);
    const m365 = page.locator('tr[data-slug="microsoft-365"]');
    await expect(m365.locator('[data-support="no"]')).toHaveCount(1);
    await expect(m365.locator('[data-support="no"]')).toContainText("非対応");
  });

  test("searching a former name finds the renamed service", async ({ page }) => {
    await page.goto("/ja/providers");
    await page.getByLabel(SEARCH_JA).fill("スマートコネクト");
    await expect(page).toHaveURL(/q=%E3%82%B9/);
    await expect(rows(page)).toHaveCount(1);
    await expect(page.locator('tr[data-slug="smileserver"]')).toContainText("スマイルサーバ");
    await expect(page.locator('tr[data-slug="smileserver"]')).toContainText("NTTスマートコネクト");
  });

  test("typing an address or a domain puts the provider serving it first", async ({ page }) => {
    await page.goto("/ja/providers");
    const box = page.getByLabel(SEARCH_JA);
    await box.fill("taro@ocn.ne.jp");
    await expect(page).toHaveURL(/q=taro%40ocn\.ne\.jp/);
    await expect(rows(page).first()).toHaveAttribute("data-slug", "ocn");

    // "mail.com" is also part of many other providers' domains (gmail.com, hotmail.com…), which
    // match as text; the provider whose domain it is comes before them all
    await box.fill("mail.com");
    await expect(page).toHaveURL(/q=mail\.com(&|$)/);
    await expect(rows(page).first()).toHaveAttribute("data-slug", "mail-com");
    expect(await rows(page).count()).toBeGreaterThan(1);
    await expect(page.locator('tr[data-slug="gmail"]')).toBeVisible();
  });

  test("a search from a shared URL: addresses, domains and names", async ({ page }) => {
    // (the API test in pages.spec.ts checks more of these, without a browser)
    for (const [q, slug] of [
      ["nifty.com", "nifty"],
      ["gmail.com", "gmail"],
      ["エックスサーバー", "xserver"],
      ["さくら", "sakura-rs"],
    ] as const) {
      await page.goto(`/ja/providers?q=${encodeURIComponent(q)}`);
      await expect(page.getByLabel(SEARCH_JA), q).toHaveValue(q);
      await expect(rows(page).first(), q).toHaveAttribute("data-slug", slug);
    }
  });

  test("segment filter and the back button", async ({ page, request }) => {
    const personal = (await apiPage(request, "?segment=personal")).total;
    const business = (await apiPage(request, "?segment=business")).total;
    await page.goto("/ja/providers");
    await page.getByRole("radio", { name: "個人向け" }).check();
    await expect(page).toHaveURL(/segment=personal/);
    await expectResults(page, personal);
    await expectEveryRow(page, "個人向け");

    await page.getByRole("radio", { name: "法人向け" }).check();
    await expect(page).toHaveURL(/segment=business/);
    await expectResults(page, business);
    await expectEveryRow(page, "法人向け");

    await page.goBack();
    await expect(page).toHaveURL(/segment=personal/);
    await expectResults(page, personal);
    await expect(page.getByRole("radio", { name: "個人向け" })).toBeChecked();

    await page.goBack();
    await expect(page).toHaveURL(/\/ja\/providers$/);
    await expect(page.getByRole("radio", { name: "すべて" })).toBeChecked();
    await expect(page.locator('tr[data-slug="cpi"]')).toBeVisible();
  });

  test("the kind filter narrows the list, and the back button undoes it", async ({ page, request }) => {
    const universities = (await apiPage(request, "?kind=university")).total;
    const suites = (await apiPage(request, "?kind=suite")).total;
    expect(universities).toBeGreaterThan(0);
    expect(suites).toBeGreaterThan(0);

    await page.goto("/ja/providers");
    const kind = page.getByLabel(KIND_JA);
    await expect(kind).toHaveValue("all");
    await kind.selectOption({ label: "大学・教育機関" });
    await expect(page).toHaveURL(/[?&]kind=university(&|$)/);
    await expectResults(page, universities);
    await expectEveryRow(page, "大学・教育機関");

    await kind.selectOption("suite");
    await expect(page).toHaveURL(/[?&]kind=suite(&|$)/);
    await expectResults(page, suites);
    await expectEveryRow(page, "法人向けメールスイート");

    await page.goBack();
    await expect(page).toHaveURL(/[?&]kind=university(&|$)/);
    await expect(kind).toHaveValue("university");
    await expectResults(page, universities);

    await page.goBack();
    await expect(page).toHaveURL(/\/ja\/providers$/);
    await expect(kind).toHaveValue("all");
  });

  test("a shared URL restores the filter state", async ({ page, request }) => {
    const query = "?segment=business&kind=hosting&has=smtps&sort=name";
    const expected = await apiPage(request, query);
    expect(expected.total).toBeGreaterThan(0);
    await page.goto(`/ja/providers${query}`);
    await expect(page.getByRole("radio", { name: "法人向け" })).toBeChecked();
    await expect(page.getByLabel(KIND_JA)).toHaveValue("hosting");
    await expect(page.getByRole("checkbox", { name: "SMTP over SSL (465番)" })).toBeChecked();
    await expect(page.getByLabel("並び順")).toHaveValue("name");
    await expectResults(page, expected.total);
    expect(await listedSlugs(page)).toEqual(expected.items.map((i) => i.slug));
    await expectEveryRow(page, "レンタルサーバー・ホスティング");
  });

  test("hand-edited and malformed query strings fall back to defaults", async ({ page }) => {
    for (const query of [
      "?page=-3&per=7&sort=evil&segment=%FF&kind=evil",
      "?has=nonsense&has=&page=abc&kind=&q=%40%40..%40",
      "?q=" + "x".repeat(500),
      "?page=99999",
    ]) {
      const response = await page.goto(`/ja/providers${query}`);
      expect(response?.status(), query).toBe(200);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("サービス一覧");
      await expect(page.getByLabel(KIND_JA), query).toHaveValue("all");
    }
  });

  test("each row shows the date of its newest evidence, marked stale after 36 months", async ({ page, request }) => {
    // rental servers for individuals: 2006-page services, documented ones and some with no evidence
    const query = "?kind=hosting&segment=personal";
    const items = (await apiPage(request, query)).items;
    await page.goto(`/ja/providers${query}`);
    await expect(page.getByRole("columnheader", { name: "根拠の日付" })).toBeVisible();
    await expectResults(page, items.length);
    for (const item of items) {
      const cell = page.locator(`tr[data-slug="${item.slug}"] td.col-evidence`);
      if (item.newestEvidence === null) {
        await expect(cell, item.slug).toHaveText("根拠なし");
        continue;
      }
      await expect(cell.locator("time"), item.slug).toHaveAttribute("datetime", item.newestEvidence);
      const stale = monthsOld(item.newestEvidence) >= STALE_AFTER_MONTHS;
      await expect(cell.locator("[data-stale]"), `${item.slug} ${item.newestEvidence}`).toHaveCount(stale ? 1 : 0);
    }
    // the 2006 page is the only source for Ablenet
    const ablenet = page.locator('tr[data-slug="ablenet"] td.col-evidence');
    await expect(ablenet).toContainText("2006年2月");
    await expect(ablenet.locator("[data-stale]")).toContainText("古い情報");
    expect(items.some((i) => i.newestEvidence === null)).toBe(true);
    await expect(page.getByLabel(KIND_JA)).toHaveValue("hosting");
  });

  test("a mark whose only listed setting sends the password in clear carries a warning", async ({ page, request }) => {
    // goo lists settings without TLS only: its SMTP AUTH "yes" is not a safe yes
    const goo = (await apiPage(request, `?q=${encodeURIComponent("goo.jp")}`)).items[0];
    expect(goo?.slug).toBe("goo");
    expect(goo?.support["smtp-auth"]?.warnings).toEqual(["password-without-tls"]);
    await page.goto(`/ja/providers?q=${encodeURIComponent("goo.jp")}`);
    const gooRow = page.locator('tr[data-slug="goo"]');
    await expect(gooRow.locator("[data-insecure-settings]")).toContainText(
      "パスワードを暗号化せずに送る設定が出典に載っています",
    );
    const warned = gooRow.locator('.support[data-warning="password-without-tls"]');
    await expect(warned).toHaveCount(1);
    await expect(warned).toHaveAttribute("data-support", "yes");
    await expect(warned).toHaveAttribute("title", "記載の設定はパスワードを暗号化せずに送ります");
    // spelled out for screen readers, not only shown as ⚠
    await expect(warned).toContainText("記載の設定はパスワードを暗号化せずに送ります");
    await expectNoAxeViolations(page);

    // @nifty lists only unencrypted settings, though with a hashed password
    await page.goto(`/ja/providers?q=${encodeURIComponent("taro@nifty.com")}`);
    const nifty = page.locator('tr[data-slug="nifty"]');
    await expect(nifty.locator('.support[data-warning="only-unencrypted-settings"]')).toContainText(
      "記載の設定はどれも暗号化されていません",
    );

    // onamae's help page lists SSL settings and, beside them, ones without: the row says so,
    // but its marks need no warning
    await page.goto(`/ja/providers?q=${encodeURIComponent("お名前")}`);
    const onamae = page.locator('tr[data-slug="onamae-rs"]');
    await expect(onamae.locator("[data-insecure-settings]")).toBeVisible();
    await expect(onamae.locator("[data-warning]")).toHaveCount(0);
  });

  // axe reads every cell of the table: a full page of 20 services takes it several seconds
  test("no accessibility violations: a full page filtered by a property", async ({ page }) => {
    test.slow();
    await page.goto("/ja/providers?has=pop3s");
    await expect(rows(page)).toHaveCount(PER_PAGE);
    await expectNoAxeViolations(page);
  });

  test("no accessibility violations: the kind filter, in English", async ({ page }) => {
    // kind · segment and evidence-date columns, stale marks
    await page.goto("/en/providers?kind=university");
    await expect(page.getByLabel("Kind of service")).toHaveValue("university");
    await expect(page.getByRole("columnheader", { name: "Evidence date" })).toBeVisible();
    await expectNoAxeViolations(page);
  });
});

test.describe("catalogue without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the filter is a working GET form", async ({ page, request }) => {
    const expected = await apiPage(request, "?segment=business&has=pop3s&has=smtps");
    await page.goto("/ja/providers");
    await page.getByRole("checkbox", { name: "POP3 over SSL (995番)" }).check();
    await page.getByRole("checkbox", { name: "SMTP over SSL (465番)" }).check();
    await page.getByRole("radio", { name: "法人向け" }).check();
    await page.getByRole("button", { name: "この条件で表示" }).click();
    await expect(page).toHaveURL(/segment=business/);
    await expect(page).toHaveURL(/has=pop3s/);
    await expectResults(page, expected.total);
    expect(await listedSlugs(page)).toEqual(expected.items.map((i) => i.slug));
  });

  test("the kind filter is part of the form", async ({ page, request }) => {
    const universities = (await apiPage(request, "?kind=university")).total;
    await page.goto("/ja/providers");
    await page.getByLabel(KIND_JA).selectOption({ label: "大学・教育機関" });
    await page.getByRole("button", { name: "この条件で表示" }).click();
    await expect(page).toHaveURL(/[?&]kind=university(&|$)/);
    await expect(page.getByLabel(KIND_JA)).toHaveValue("university");
    await expectResults(page, universities);
    await expectEveryRow(page, "大学・教育機関");
  });

  test("text search finds a former name", async ({ page }) => {
    await page.goto("/ja/providers");
    await page.getByLabel(SEARCH_JA).fill("スマートコネクト");
    await page.getByRole("button", { name: "この条件で表示" }).click();
    await expect(rows(page)).toHaveCount(1);
    await expect(page.locator('tr[data-slug="smileserver"]')).toBeVisible();
  });

  test("an address with a kind puts the provider serving it first", async ({ page }) => {
    await page.goto("/ja/providers");
    await page.getByLabel(SEARCH_JA).fill("taro@nifty.com");
    await page.getByLabel(KIND_JA).selectOption("isp");
    await page.getByRole("button", { name: "この条件で表示" }).click();
    await expect(page).toHaveURL(/q=taro%40nifty\.com/);
    await expect(page).toHaveURL(/kind=isp/);
    await expect(rows(page).first()).toHaveAttribute("data-slug", "nifty");
    await expect(rows(page).first()).toContainText("@nifty");
  });
});
