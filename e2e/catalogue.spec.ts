import { expect, test, type Locator, type Page, type TestInfo } from "@playwright/test";
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

const APPLY_JA = "この条件で表示";

// A table row at a desk, a card on a phone: whichever the page shows.
// A row is known by its service link (the rows carry no slug attribute: the 20-row page's HTML
// budget); the table on a desktop and the cards on a phone are the same rows.
const rows = (page: Page): Locator => page.locator(".catalogue__results tbody tr:visible");
const row = (page: Page, slug: string): Locator =>
  page.locator(`.catalogue__results tbody tr:visible:has(th > a[href$="/providers/${slug}"])`);
const serviceLink = (r: Locator, slug: string) =>
  expect(r.locator("th > a").first()).toHaveAttribute("href", new RegExp(`/providers/${slug}$`));
const onPhone = (testInfo: TestInfo): boolean => testInfo.project.name === "mobile";

async function listedSlugs(page: Page): Promise<string[]> {
  return rows(page).evaluateAll((trs) =>
    trs.map((r) => r.querySelector("th > a")?.getAttribute("href")?.split("/").pop() ?? ""),
  );
}

// On a phone the filters sit behind the "絞り込み (n)" toggle; at a desk they are always shown.
async function openFilters(page: Page): Promise<void> {
  const summary = page.locator(".filters-toggle__summary");
  if ((await summary.isVisible()) && (await page.locator(".filters-toggle[open]").count()) === 0) await summary.click();
}

// The filter form's handlers are attached (hydrated); before that it is a plain GET form.
async function enhanced(page: Page): Promise<void> {
  await expect(page.locator("form.filters[data-enhanced]")).toBeAttached();
}

async function apply(page: Page): Promise<void> {
  await openFilters(page);
  await page.getByRole("button", { name: APPLY_JA }).click();
}

// The heading over the table ("303 件中 1–20 件を表示") and one row per service, up to a page.
async function expectResults(page: Page, total: number, per = PER_PAGE): Promise<void> {
  await expect(page.locator(".results-count")).toContainText(`${total.toLocaleString("ja-JP")} 件中`);
  await expect(rows(page)).toHaveCount(Math.min(total, per));
}

// Every listed row's kind · segment cell names the kind (and segment) filtered on.
async function expectEveryRow(page: Page, text: string): Promise<void> {
  const cells = await page.locator(".catalogue__results tbody tr:visible .col-kind").allTextContents();
  expect(cells.length).toBeGreaterThan(0);
  for (const cell of cells) expect(cell).toContain(text);
}

test.describe("catalogue with JavaScript", () => {
  test("ticking POP over SSL and SMTP over SSL lists all nine source services and updates the URL", async ({
    page,
    request,
  }) => {
    await page.goto("/ja/providers");
    await enhanced(page);
    await expect(page.getByRole("heading", { level: 1, name: "サービス一覧" })).toBeVisible();

    await openFilters(page);
    await page.getByRole("checkbox", { name: "POP3 over SSL (995番)" }).check();
    await expect(page).toHaveURL(/[?&]has=pop3s(&|$)/);
    await page.getByRole("checkbox", { name: "SMTP over SSL (465番)" }).check();
    await expect(page).toHaveURL(/has=pop3s&has=smtps/);

    // the datasets add many more services with both; all nine must be among them
    const both = (await apiAll(request, "?has=pop3s&has=smtps")).map((i) => i.slug);
    expect(both).toEqual(expect.arrayContaining(SOURCE_SERVICES));
    await page.getByLabel("表示件数").selectOption("100");
    await apply(page);
    await expect(page).toHaveURL(/per=100/);
    await expectResults(page, both.length, 100);
    expect(await listedSlugs(page)).toEqual(both.slice(0, 100));
  });

  test("unknown is shown as unknown, not supported as not supported, and a rare claim lists only its service", async ({
    page,
    request,
  }) => {
    await page.goto("/ja/providers");
    await enhanced(page);
    const cpiRow = row(page, "cpi");
    // IMAP over SSL is stated by none of CPI's sources: unknown, not "not supported"
    // a property cell without a class is "unknown"; its label is its own text
    const unknown = cpiRow.locator("td:nth-child(n + 4):not([class])").first();
    await expect(unknown).toBeVisible();
    await expect(unknown).toHaveText("不明");
    await expect(cpiRow.locator("td.m-no")).toHaveCount(0);

    // only CPI's own documentation claims POP before SMTP
    await openFilters(page);
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
    const m365 = row(page, "microsoft-365");
    await expect(m365.locator("td.m-no")).toHaveCount(1);
    await expect(m365.locator("td.m-no")).toContainText("非対応");
  });

  test("OAuth2 and app password required are filters, not columns", async ({ page, request }) => {
    await page.goto("/ja/providers");
    await enhanced(page);
    // 11 property columns and the mail domain's one summary column
    const marks = () => rows(page).first().locator("td:nth-child(n + 4)");
    await expect(marks()).toHaveCount(12);
    await openFilters(page);
    await page.getByRole("checkbox", { name: /^OAuth2 でログイン/ }).check();
    await expect(page).toHaveURL(/has=oauth2/);
    const oauth2 = (await apiAll(request, "?has=oauth2")).map((i) => i.slug);
    expect(oauth2).toEqual(expect.arrayContaining(["gmail", "outlook-com", "yahoo"]));
    await expectResults(page, oauth2.length);
    await page.getByRole("checkbox", { name: /^アプリパスワード必須/ }).check();
    await expect(page).toHaveURL(/has=oauth2&has=app-password/);
    const both = (await apiAll(request, "?has=oauth2&has=app-password")).map((i) => i.slug);
    // Gmail: OAuth2 and app passwords both; Outlook.com: no source states an app password
    expect(both).toContain("gmail");
    expect(both).not.toContain("outlook-com");
    await expectResults(page, both.length);
    expect(await listedSlugs(page)).toEqual(both.slice(0, PER_PAGE));
    await expect(marks()).toHaveCount(12);
  });

  test("searching a former name finds the renamed service", async ({ page }) => {
    await page.goto("/ja/providers");
    await enhanced(page);
    await openFilters(page);
    await page.getByLabel(SEARCH_JA).fill("スマートコネクト");
    await expect(page).toHaveURL(/q=%E3%82%B9/);
    await expect(rows(page)).toHaveCount(1);
    await expect(row(page, "smileserver")).toContainText("スマイルサーバ");
    await expect(row(page, "smileserver")).toContainText("NTTスマートコネクト");
  });

  test("typing an address or a domain puts the provider serving it first", async ({ page }) => {
    await page.goto("/ja/providers");
    await enhanced(page);
    await openFilters(page);
    const box = page.getByLabel(SEARCH_JA);
    await box.fill("taro@ocn.ne.jp");
    await expect(page).toHaveURL(/q=taro%40ocn\.ne\.jp/);
    await serviceLink(rows(page).first(), "ocn");

    // "mail.com" is also part of many other providers' domains (gmail.com, hotmail.com…), which
    // match as text; the provider whose domain it is comes before them all
    await box.fill("mail.com");
    await expect(page).toHaveURL(/q=mail\.com(&|$)/);
    await serviceLink(rows(page).first(), "mail-com");
    expect(await rows(page).count()).toBeGreaterThan(1);
    await expect(row(page, "gmail")).toBeVisible();
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
      // one filter is active, and the toggle says so
      await expect(page.locator(".filters-toggle__summary"), q).toHaveAttribute("data-active-filters", "1");
      await expect(page.getByLabel(SEARCH_JA), q).toHaveValue(q);
      await serviceLink(rows(page).first(), slug);
    }
  });

  test("segment filter and the back button", async ({ page, request }) => {
    const personal = (await apiPage(request, "?segment=personal")).total;
    const business = (await apiPage(request, "?segment=business")).total;
    await page.goto("/ja/providers");
    await openFilters(page);
    // a radio applies with the button (a submitted search: one history entry each)
    await page.getByRole("radio", { name: "個人向け" }).check();
    await expect(page.locator("[data-pending-choice]")).toBeVisible();
    await expect(page).toHaveURL(/\/ja\/providers$/);
    await apply(page);
    await expect(page).toHaveURL(/segment=personal/);
    await expectResults(page, personal);
    await expectEveryRow(page, "個人向け");

    await openFilters(page);
    await page.getByRole("radio", { name: "法人向け" }).check();
    await apply(page);
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
    await expect(row(page, "cpi")).toBeVisible();
  });

  test("the kind filter narrows the list, and the back button undoes it", async ({ page, request }) => {
    const universities = (await apiPage(request, "?kind=university")).total;
    const suites = (await apiPage(request, "?kind=suite")).total;
    expect(universities).toBeGreaterThan(0);
    expect(suites).toBeGreaterThan(0);

    await page.goto("/ja/providers");
    await openFilters(page);
    const kind = page.getByLabel(KIND_JA);
    await expect(kind).toHaveValue("all");
    await kind.selectOption({ label: "大学・教育機関" });
    await apply(page);
    await expect(page).toHaveURL(/[?&]kind=university(&|$)/);
    await expectResults(page, universities);
    await expectEveryRow(page, "大学・教育機関");

    await openFilters(page);
    await kind.selectOption("suite");
    await apply(page);
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
    // segment, kind and one feature narrow the list; the sort order is not counted
    await expect(page.locator(".filters-toggle__summary")).toHaveAttribute("data-active-filters", "3");
    await openFilters(page);
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

  test("each row shows the date of its newest evidence, marked stale after 36 months", async ({
    page,
    request,
  }, testInfo) => {
    // rental servers for individuals: 2006-page services, documented ones and some with no evidence
    const query = "?kind=hosting&segment=personal";
    const items = (await apiPage(request, query)).items;
    await page.goto(`/ja/providers${query}`);
    if (!onPhone(testInfo)) await expect(page.getByRole("columnheader", { name: "根拠の日付" })).toBeVisible();
    await expectResults(page, items.length);
    for (const item of items) {
      const cell = row(page, item.slug).locator(".col-evidence");
      if (item.newestEvidence === null) {
        await expect(cell, item.slug).toContainText("根拠なし");
        continue;
      }
      await expect(cell.locator("time"), item.slug).toHaveAttribute("datetime", item.newestEvidence);
      const stale = monthsOld(item.newestEvidence) >= STALE_AFTER_MONTHS;
      await expect(cell.locator("[data-stale]"), `${item.slug} ${item.newestEvidence}`).toHaveCount(stale ? 1 : 0);
    }
    // the 2006 page is the only source for Ablenet
    const ablenet = row(page, "ablenet").locator(".col-evidence");
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
    const gooRow = row(page, "goo");
    await expect(gooRow.locator("[data-insecure-settings]")).toContainText(
      "パスワードを暗号化せずに送る設定が出典に載っています",
    );
    const warned = gooRow.locator('td[data-warning="password-without-tls"]');
    await expect(warned).toHaveCount(1);
    await expect(warned).toHaveClass(/\bm-yes\b/);
    await expect(warned).toHaveAttribute("title", "記載の設定はパスワードを暗号化せずに送ります");
    // spelled out for screen readers, not only shown as ⚠
    await expect(warned).toContainText("記載の設定はパスワードを暗号化せずに送ります");
    await expectNoAxeViolations(page);

    // @nifty lists only unencrypted settings, though with a hashed password
    await page.goto(`/ja/providers?q=${encodeURIComponent("taro@nifty.com")}`);
    const nifty = row(page, "nifty");
    await expect(nifty.locator('td[data-warning="only-unencrypted-settings"]')).toContainText(
      "記載の設定はどれも暗号化されていません",
    );

    // onamae's help page lists SSL settings and, beside them, ones without: the row says so,
    // but its marks need no warning
    await page.goto(`/ja/providers?q=${encodeURIComponent("お名前")}`);
    const onamae = row(page, "onamae-rs");
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

  test("no accessibility violations: the kind filter, in English", async ({ page }, testInfo) => {
    // kind · segment and evidence-date columns, stale marks
    await page.goto("/en/providers?kind=university");
    await expect(page.getByLabel("Kind of service")).toHaveValue("university");
    if (!onPhone(testInfo)) await expect(page.getByRole("columnheader", { name: "Evidence date" })).toBeVisible();
    await expectNoAxeViolations(page);
  });
});

test.describe("catalogue layout at both sizes", () => {
  for (const locale of ["ja", "en"] as const) {
    test(`${locale}: no sideways page scroll; every column fits at a desk, cards on a phone`, async ({
      page,
    }, testInfo) => {
      await page.goto(`/${locale}/providers?s=cpi&s=xserver`);
      await expect(rows(page)).toHaveCount(PER_PAGE);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      // one markup: a table at a desk, laid out as a card per service on a phone
      const table = page.locator("table.catalogue-table");
      if (onPhone(testInfo)) {
        await expect(table.locator("thead")).toBeHidden();
        // each card names its marks by group (receive, send, login) and each mark by its property
        const first = rows(page).first();
        const marks = first.locator("td:nth-child(n + 4)");
        await expect(marks).toHaveCount(12);
        const labels = await marks.evaluateAll((tds) =>
          tds.map((td) => ({
            mark: getComputedStyle(td, "::before").content,
            group: getComputedStyle(td, "::after").content,
          })),
        );
        expect(labels.filter((l) => l.group !== "none")).toHaveLength(3);
        for (const l of labels) expect(l.mark).toMatch(/^".+ .+" \/ ".+"$/);
        const box = await first.boundingBox();
        expect(box!.width).toBeLessThanOrEqual(390);
        // the filters are folded away and the result count is on the first screen
        await expect(page.locator(".filters-toggle__summary")).toBeVisible();
        await expect(page.getByLabel(locale === "ja" ? SEARCH_JA : "Search by name or address")).toBeHidden();
        const count = await page.locator(".results-count").boundingBox();
        expect(count).not.toBeNull();
        expect(count!.y + count!.height).toBeLessThanOrEqual(844);
        return;
      }
      await expect(table).toBeVisible();
      await expect(table.locator("thead")).toBeVisible();
      const viewport = page.viewportSize()!;
      // all 11 property columns, the mail domain's summary column (its group header spans both
      // rows), and the name and date columns, inside the window
      const headers = table.locator("thead th");
      expect(await headers.count()).toBe(3 + 4 + 11);
      for (const header of await headers.all()) {
        const box = await header.boundingBox();
        expect(box, await header.innerText()).not.toBeNull();
        expect(box!.x).toBeGreaterThanOrEqual(0);
        expect(box!.x + box!.width, await header.innerText()).toBeLessThanOrEqual(viewport.width);
      }
      const widths = await table.evaluate((t) => ({ scroll: t.scrollWidth, client: t.parentElement!.clientWidth }));
      expect(widths.scroll).toBeLessThanOrEqual(widths.client);
      // the filters stay beside the table, no toggle needed
      await expect(page.locator(".filters-toggle__summary")).toBeHidden();
      await expect(page.getByLabel(locale === "ja" ? SEARCH_JA : "Search by name or address")).toBeVisible();
      // the header row stays on screen while the list scrolls
      await page.mouse.wheel(0, 900);
      await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(500);
      const head = await table.locator("thead").boundingBox();
      expect(head!.y).toBeGreaterThanOrEqual(-1);
      expect(head!.y).toBeLessThan(5);
    });
  }

  test("column headers: one sort link and one ? per group, not a link per property", async ({ page }, testInfo) => {
    test.skip(onPhone(testInfo), "the table is a desk view");
    await page.goto("/ja/providers");
    const head = page.locator("table.catalogue-table thead");
    await expect(head.getByRole("link")).toHaveCount(5);
    await expect(page.getByRole("columnheader", { name: "POP3 over SSL (995番)" })).toBeVisible();
    // the marks are explained on the page; the "?" leads to every column's full name and article
    await expect(
      page
        .locator("#legend")
        .getByRole("listitem")
        .filter({ hasText: /^×非対応$/ }),
    ).toBeVisible();
    await head.getByRole("link", { name: "受信の各項目の説明" }).click();
    await expect(page).toHaveURL(/\/ja\/providers\/legend$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("一覧表の見方");
    await page.getByRole("link", { name: "POP3 over SSL (995番)" }).click();
    await expect(page).toHaveURL(/\/ja\/articles\//);
    await page.goto("/ja/providers");
    await head.getByRole("link", { name: /名前順に並べる/ }).click();
    await expect(page).toHaveURL(/sort=name/);
    // collated: case does not put "ACTIVE 24" and "AOL" before "Ablenet"
    const slugs = await listedSlugs(page);
    expect(slugs.indexOf("ablenet")).toBeGreaterThanOrEqual(0);
    expect(slugs.indexOf("ablenet")).toBeLessThan(slugs.indexOf("active24"));
  });

  test("the skip link takes the keyboard straight to the results", async ({ page }) => {
    await page.goto("/ja/providers");
    const skip = page.getByRole("link", { name: "検索結果へ移動" });
    await skip.focus();
    await expect(skip).toBeVisible();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/#results$/);
    // the next Tab lands in the results, not in the filters
    await page.keyboard.press("Tab");
    const inResults = await page.evaluate(() => !!document.activeElement?.closest("#results"));
    expect(inResults).toBe(true);
  });
});

test.describe("keyboard: selects and radios do not navigate", () => {
  test("ArrowDown in the sort select changes nothing until the button is pressed", async ({ page }) => {
    await page.goto("/ja/providers");
    await enhanced(page);
    await openFilters(page);
    const sort = page.getByLabel("並び順");
    await sort.focus();
    await page.keyboard.press("ArrowDown");
    await expect(sort).toHaveValue("name");
    await expect(page.locator("[data-pending-choice]")).toBeVisible();
    // give a navigation time to happen if one were coming
    await page.waitForTimeout(1000);
    await expect(page).toHaveURL(/\/ja\/providers$/);
    await expect(sort).toBeFocused();

    // the kind radios' arrow keys likewise
    const all = page.getByRole("radio", { name: "すべて" });
    await all.focus();
    await page.keyboard.press("ArrowDown");
    await expect(page.getByRole("radio", { name: "個人向け" })).toBeChecked();
    await page.waitForTimeout(500);
    await expect(page).toHaveURL(/\/ja\/providers$/);

    await apply(page);
    await expect(page).toHaveURL(/segment=personal/);
    await expect(page).toHaveURL(/sort=name/);
    await expect(page.locator("[data-pending-choice]")).toHaveCount(0);
  });
});

test.describe("comparison selection", () => {
  const bar = (page: Page) => page.locator("[data-compare-bar]");
  const reason = (page: Page) => page.locator("[data-compare-reason]");
  const toggle = (page: Page, slug: string) => row(page, slug).locator("[data-compare-toggle]");

  test("survives paging, filters and the back button, and reaches the compare page", async ({ page }) => {
    await page.goto("/ja/providers?sort=name");
    await enhanced(page);
    const button = bar(page).getByRole("button");
    await expect(bar(page)).toContainText("0 件選択中");
    await expect(button).toBeDisabled();
    await expect(reason(page)).toContainText("2〜4 件");

    const [first] = await listedSlugs(page);
    await toggle(page, first!).click();
    await expect(page).toHaveURL(new RegExp(`[?&]s=${first}(&|$)`));
    await expect(toggle(page, first!)).toHaveAttribute("data-compare-toggle", "on");
    await expect(bar(page)).toContainText("1 件選択中");
    await expect(button).toBeDisabled();
    await expect(reason(page)).toContainText("あと 1 件");

    await page.getByRole("navigation", { name: "ページ送り" }).getByRole("link", { name: "次へ" }).click();
    await expect(page).toHaveURL(/page=2/);
    await expect(page).toHaveURL(new RegExp(`[?&]s=${first}(&|$)`));
    await expect(bar(page).locator(`[data-compare-selected="${first}"]`)).toBeVisible();
    const [second] = await listedSlugs(page);
    await toggle(page, second!).click();
    await expect(page).toHaveURL(new RegExp(`s=${first}&s=${second}$`));
    await expect(bar(page)).toContainText("2 件選択中");
    await expect(button).toBeEnabled();

    // a ticked feature keeps the selection
    await openFilters(page);
    await page.getByRole("checkbox", { name: "SMTP over SSL (465番)" }).check();
    await expect(page).toHaveURL(/has=smtps/);
    await expect(page).toHaveURL(new RegExp(`s=${first}&s=${second}$`));

    // ticks replace history entries: Back returns to page 1 with the first pick
    await page.goBack();
    await expect(page).toHaveURL(/sort=name&s=/);
    await expect(page).not.toHaveURL(/page=2/);
    await expect(bar(page)).toContainText("1 件選択中");
    await page.goForward();
    await expect(bar(page)).toContainText("2 件選択中");

    await bar(page).getByRole("button").click();
    await expect(page).toHaveURL(new RegExp(`/ja/compare\\?s=${first}&s=${second}$`));
  });

  test("the counter and the button: a fifth cannot be added, and removing is labelled", async ({ page }) => {
    const four = ["cpi", "xserver", "sakura-rs", "gmail"];
    await page.goto(`/ja/providers?${four.map((s) => `s=${s}`).join("&")}`);
    await expect(bar(page)).toContainText("4 件選択中");
    await expect(bar(page).getByRole("button")).toBeEnabled();
    await expect(reason(page)).toContainText("4 件まで");
    // every unselected service's control is disabled and says why
    const other = rows(page)
      .filter({ has: page.locator('[data-compare-toggle="disabled"]') })
      .first();
    await expect(other).toContainText("比較は 4 件まで");
    // remove is a labelled link, never "×"
    const remove = bar(page).getByRole("link", { name: "エックスサーバー を比較から外す" });
    await expect(remove.locator('[aria-hidden="true"]')).toHaveText("外す");
    await expect(bar(page)).not.toContainText("×");
    const box = await remove.boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(44);
    await remove.click();
    await expect(page).not.toHaveURL(/s=xserver/);
    await expect(bar(page)).toContainText("3 件選択中");
    await expect(rows(page).locator('[data-compare-toggle="disabled"]')).toHaveCount(0);

    // more than four in a URL: the first four are kept and the page says why
    await page.goto("/ja/providers?s=cpi&s=xserver&s=sakura-rs&s=gmail&s=ablenet");
    await expect(bar(page)).toContainText("4 件選択中");
    await expect(reason(page)).toContainText("5 件目以降");
    await expect(bar(page).locator("[data-compare-selected]")).toHaveCount(4);
  });

  test("compare targets are 44 px", async ({ page }) => {
    await page.goto("/ja/providers?s=cpi");
    for (const target of [rows(page).locator("[data-compare-toggle]").first(), bar(page).getByRole("button")]) {
      const box = await target.boundingBox();
      expect(box!.width).toBeGreaterThanOrEqual(44);
      expect(box!.height).toBeGreaterThanOrEqual(44);
    }
  });

  for (const locale of ["ja", "en"] as const) {
    test(`no accessibility violations with a selection (${locale})`, async ({ page }) => {
      test.slow();
      await page.goto(`/${locale}/providers?s=cpi&s=xserver&has=smtps`);
      await expect(bar(page).locator("[data-compare-selected]")).toHaveCount(2);
      await expectNoAxeViolations(page);
      await openFilters(page);
      await expectNoAxeViolations(page);
    });
  }
});

test.describe("catalogue without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the filter is a working GET form", async ({ page, request }) => {
    const expected = await apiPage(request, "?segment=business&has=pop3s&has=smtps");
    await page.goto("/ja/providers");
    await openFilters(page);
    await page.getByRole("checkbox", { name: "POP3 over SSL (995番)" }).check();
    await page.getByRole("checkbox", { name: "SMTP over SSL (465番)" }).check();
    await page.getByRole("radio", { name: "法人向け" }).check();
    await apply(page);
    await expect(page).toHaveURL(/segment=business/);
    await expect(page).toHaveURL(/has=pop3s/);
    await expectResults(page, expected.total);
    expect(await listedSlugs(page)).toEqual(expected.items.map((i) => i.slug));
  });

  test("the kind filter is part of the form", async ({ page, request }) => {
    const universities = (await apiPage(request, "?kind=university")).total;
    await page.goto("/ja/providers");
    await openFilters(page);
    await page.getByLabel(KIND_JA).selectOption({ label: "大学・教育機関" });
    await apply(page);
    await expect(page).toHaveURL(/[?&]kind=university(&|$)/);
    await expect(page.getByLabel(KIND_JA)).toHaveValue("university");
    await expectResults(page, universities);
    await expectEveryRow(page, "大学・教育機関");
  });

  test("text search finds a former name", async ({ page }) => {
    await page.goto("/ja/providers");
    await openFilters(page);
    await page.getByLabel(SEARCH_JA).fill("スマートコネクト");
    await apply(page);
    await expect(rows(page)).toHaveCount(1);
    await expect(row(page, "smileserver")).toBeVisible();
  });

  test("an address with a kind puts the provider serving it first", async ({ page }) => {
    await page.goto("/ja/providers");
    await openFilters(page);
    await page.getByLabel(SEARCH_JA).fill("taro@nifty.com");
    await page.getByLabel(KIND_JA).selectOption("isp");
    await apply(page);
    await expect(page).toHaveURL(/q=taro%40nifty\.com/);
    await expect(page).toHaveURL(/kind=isp/);
    await serviceLink(rows(page).first(), "nifty");
    await expect(rows(page).first()).toContainText("@nifty");
  });

  test("adding to the comparison is a link, and the filter form keeps the selection", async ({ page }) => {
    await page.goto(`/ja/providers?q=${encodeURIComponent("エックスサーバー")}&s=cpi`);
    await row(page, "xserver").locator("[data-compare-toggle]").click();
    await expect(page).toHaveURL(/s=cpi&s=xserver/);
    await expect(page.locator("[data-compare-bar]")).toContainText("2 件選択中");
    await openFilters(page);
    await page.getByRole("checkbox", { name: "SMTP over SSL (465番)" }).check();
    await apply(page);
    await expect(page).toHaveURL(/has=smtps/);
    await expect(page).toHaveURL(/s=cpi&s=xserver/);
    await page.locator("[data-compare-bar]").getByRole("button").click();
    await expect(page).toHaveURL(/\/ja\/compare\?s=cpi&s=xserver$/);
  });
});
