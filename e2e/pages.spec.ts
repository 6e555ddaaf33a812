import { expect, test, type Locator } from "@playwright/test";
import { apiPage, type ApiPage } from "./api";
import { expectNoAxeViolations } from "./axe";

const KINDS = ["hosting", "isp", "mailbox", "suite", "privacy", "university", "other"];
const EVIDENCE_DATE = /^\d{4}(-\d{2}){0,2}$/;

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
  // on a phone the filters are folded away; the tick is there all the same
  await expect(page.locator('input[name="has"][value="smtps"]')).toBeChecked();
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
  // the 2006 page is its only source: the evidence is marked stale, and no settings are given
  const facts = page.locator("dl.facts");
  await expect(facts).toContainText("レンタルサーバー・ホスティング");
  await expect(facts.locator("[data-stale]")).toContainText("古い情報");
  await expect(page.locator("[data-settings]")).toHaveCount(0);
  await expect(page.getByRole("region", { name: "メールソフトに入力する設定" })).toContainText(
    "出典に設定の記載がありません",
  );
  await expectNoAxeViolations(page);

  await page.goto("/en/providers/cpi");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("CPI");
  await expect(page.getByText("Top pick")).toBeVisible();
  await expectNoAxeViolations(page);
});

test("comparing services chosen from the catalogue", async ({ page }) => {
  // the 2006 page's business services all have POP3S and SMTPS; by name they are on page 1
  await page.goto("/ja/providers?segment=business&has=pop3s&has=smtps&sort=name");
  // each tick is a link that keeps the selection in the URL (so it survives paging)
  for (const name of ["CPI", "Drive Network", "C3md"]) {
    await page.getByRole("link", { name: `${name} を比較に追加` }).click();
    await expect(page.getByRole("link", { name: `${name} を比較から外す` }).first()).toBeVisible();
  }
  await page.getByRole("button", { name: "選んだ 3 件を比較" }).click();
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

// Today's mail clients, each with sourced claims; the 2006 page's clients are kept apart as a record.
const TODAYS_CLIENTS = [
  "thunderbird",
  "apple-mail-macos",
  "outlook-classic-windows",
  "outlook-new-windows",
  "gmail-app",
  "ios-mail",
  "thunderbird-android",
  "fairemail",
];
const TODAYS_CLIENT_NAMES = [
  "Thunderbird",
  "Apple Mail",
  "Outlook (classic)",
  "Outlook (new)",
  "Gmail app",
  "Mail (iOS / iPadOS)",
  "Thunderbird for Android / K-9 Mail",
  "FairEmail",
];
const CLIENTS_OF_2006 = ["thunderbird-windows", "outlook-express-6", "netscape-7", "mail-2-osx"];

async function rowSlugs(table: Locator): Promise<string[]> {
  const slugs = await table
    .locator("tbody tr[data-slug]")
    .evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-slug") ?? ""));
  return slugs.sort();
}

test("the mail-client page: today's clients with OAuth2 and notes, the 2006 clients as a record", async ({ page }) => {
  // a long page, read twice and checked by axe once: more than the default 30 s on a busy CI machine
  test.slow();
  await page.goto("/ja/clients");
  const today = page.getByRole("table", { name: "現在のメールソフトの対応" });
  expect(await rowSlugs(today)).toEqual([...TODAYS_CLIENTS].sort());
  const names = await today.locator("tbody th[scope=row]").allTextContents();
  for (const name of TODAYS_CLIENT_NAMES) expect(names, name).toContainEqual(expect.stringContaining(name));
  // OAuth2 has its own column, after the three the 2006 page had
  await expect(today.locator("thead th").last()).toContainText("OAuth2");
  const oauth2 = (slug: string) => today.locator(`tr[data-slug="${slug}"] td`).last().locator("[data-support]");
  await expect(oauth2("thunderbird")).toHaveAttribute("data-support", "yes");
  await expect(oauth2("outlook-new-windows")).toHaveAttribute("data-support", "partial");

  // every note names its client and property, and cites its source
  const notes = page.getByRole("region", { name: "補足" }).getByRole("listitem");
  expect(await notes.count()).toBeGreaterThan(0);
  await expect(notes.filter({ hasText: /^Thunderbird — OAuth2/ })).toHaveCount(1);
  const citations = await notes.evaluateAll((lis) => lis.map((li) => li.querySelectorAll(".citation").length));
  expect(citations).toEqual(citations.map(() => 1));

  // the 2006 clients, as that page stated them
  const record = page.getByRole("region", { name: "2006 年当時のメールソフト (記録)" });
  await expect(record.getByRole("heading", { level: 2 })).toHaveText("2006 年当時のメールソフト (記録)");
  const old = record.getByRole("table", { name: "2006 年当時の対応 (記録)" });
  expect(await rowSlugs(old)).toEqual([...CLIENTS_OF_2006].sort());
  const row = old.locator('tr[data-slug="thunderbird-windows"]');
  await expect(row).toContainText("Thunderbird");
  await expect(row.locator('[data-support="yes"]')).toHaveCount(2);
  await expect(row.locator('[data-support="no"]')).toHaveCount(1);
  // OAuth2 came later: the 2006 page says nothing about it
  await expect(row.locator('[data-support="unknown"]')).toHaveCount(1);
  await expectNoAxeViolations(page);

  await page.goto("/en/clients");
  await expect(page.getByRole("heading", { level: 2, name: "Mail clients of 2006 (record)" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Notes", exact: true })).toBeVisible();
  await expect(page.getByRole("table", { name: "Today's mail clients" }).locator("thead")).toContainText("OAuth2");
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
  const body = (await all.json()) as ApiPage;
  const slugs = body.items.map((i) => i.slug);
  expect(slugs).toEqual(expect.arrayContaining(["ablenet", "cpi", "smileserver", "c3md", "iclusta"]));
  expect(slugs).toHaveLength(Math.min(body.total, 100));
  const cpi = body.items.find((i) => i.slug === "cpi")!;
  expect(cpi.support.imaps).toEqual({ value: "unknown", asOf: null, source: null, note: null, warnings: [] });
  expect(cpi.support.pop3s).toMatchObject({ value: "yes", asOf: "2006-02", warnings: [] });
  // the kind and the newest evidence date beside the fields the API always had
  expect(cpi).toMatchObject({ kind: "hosting", segment: "business", editorsPick: true, formerNames: [] });
  expect(cpi.newestEvidence).toMatch(EVIDENCE_DATE);
  for (const item of body.items) {
    expect(KINDS, item.slug).toContain(item.kind);
    if (item.newestEvidence !== null) expect(item.newestEvidence, item.slug).toMatch(EVIDENCE_DATE);
    for (const [key, support] of Object.entries(item.support)) {
      expect(Array.isArray(support.warnings), `${item.slug} ${key}`).toBe(true);
    }
  }

  // an address or a domain puts the provider serving it first; names, readings and former names
  // match as before
  for (const [q, slug] of [
    ["nifty.com", "nifty"],
    ["taro@ocn.ne.jp", "ocn"],
    ["gmail.com", "gmail"],
    ["TARO@GMAIL.COM", "gmail"],
    ["mail.com", "mail-com"],
    ["xserver", "xserver"],
    ["エックスサーバー", "xserver"],
    ["さくら", "sakura-rs"],
  ] as const) {
    expect((await apiPage(request, `?q=${encodeURIComponent(q)}`)).items[0]?.slug, q).toBe(slug);
  }
  const formerName = await apiPage(request, `?q=${encodeURIComponent("スマートコネクト")}`);
  expect(formerName.items.map((i) => i.slug)).toEqual(["smileserver"]);
  // with the warning beside a mark whose listed settings are all unencrypted
  const nifty = (await apiPage(request, `?q=${encodeURIComponent("taro@nifty.com")}`)).items[0];
  expect(nifty?.slug).toBe("nifty");
  expect(nifty?.support["smtp-auth"]?.warnings).toEqual(["only-unencrypted-settings"]);

  // the kind filter, echoed back; an unknown kind falls back to all
  const universities = await apiPage(request, "?kind=university");
  expect(universities.filters.kind).toBe("university");
  expect(universities.total).toBeGreaterThan(0);
  expect(universities.items.map((i) => i.kind)).toEqual(universities.items.map(() => "university"));
  expect((await apiPage(request, "?kind=nope")).filters.kind).toBe("all");

  const bad = await request.get("/api/providers?page=x&per=-1&has=%%");
  expect(bad.status()).toBe(200);

  const one = await request.get("/api/providers/cpi");
  expect(await one.json()).toMatchObject({ slug: "cpi", editorsPick: true, kind: "hosting" });
  expect((await request.get("/api/providers/nope")).status()).toBe(404);
});
