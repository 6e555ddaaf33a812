import { expect, test, type Locator, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";

// A service page built from several sources: the settings to type into a mail app, what to change
// when a listed setting sends the password in clear, the service's mail domains, and the notes the
// sources give beside their facts.

const SETTINGS_JA = "メールソフトに入力する設定";

// The label → value pairs of one direction in the settings box ("ポート" → "995").
async function settingFields(item: Locator): Promise<Record<string, string>> {
  await expect(item).toBeVisible();
  return item
    .locator(".settings-box__fields > div")
    .evaluateAll((divs) =>
      Object.fromEntries(
        divs.map((d) => [
          (d.querySelector("dt")?.textContent ?? "").trim(),
          (d.querySelector("dd")?.textContent ?? "").trim(),
        ]),
      ),
    );
}

const settingsBox = (page: Page): Locator => page.locator("[data-settings]");

test("the settings to type, and a notice for each listed setting that sends the password in clear", async ({
  page,
}) => {
  // onamae's help page lists SSL settings, and POP3 on 110 and SMTP on 587 without TLS beside them
  await page.goto("/ja/providers/onamae-rs");
  await expect(page.locator("dl.facts")).toContainText("レンタルサーバー・ホスティング");
  const box = settingsBox(page);
  await expect(box).toHaveCount(1);
  await expect(page.getByRole("region", { name: SETTINGS_JA })).toHaveAttribute("data-settings");
  await expect(box.getByRole("heading", { level: 2 })).toHaveText(SETTINGS_JA);

  expect(await settingFields(box.locator('[data-direction="incoming"]'))).toMatchObject({
    サーバー: "pop.<domain> (POP3)",
    ポート: "995",
    暗号化: "SSL/TLS (接続時から暗号化)",
    出典: expect.stringContaining("お名前.com ヘルプ"),
  });
  expect(await settingFields(box.locator('[data-direction="outgoing"]'))).toMatchObject({
    サーバー: "smtp.<domain> (SMTP)",
    ポート: "465",
    暗号化: "SSL/TLS (接続時から暗号化)",
    出典: expect.stringContaining("お名前.com ヘルプ"),
  });
  await expect(box).toContainText("「pop.<domain>」の <domain> はご自分のメールドメインに置き換えてください。");

  await expect(box.locator("[data-change]")).toHaveText([
    "今の設定が「POP3 pop.<domain>:110 (暗号化なし)」なら、「POP3 pop.<domain>:995 (SSL/TLS (接続時から暗号化))」に変更してください。パスワードが暗号化されずに送られています。",
    "今の設定が「SMTP smtp.<domain>:587 (暗号化なし)」なら、「SMTP smtp.<domain>:465 (SSL/TLS (接続時から暗号化))」に変更してください。パスワードが暗号化されずに送られています。",
  ]);

  // the help page's own warning, kept as a note from the source
  const notes = page.getByRole("region", { name: "出典からの注意" });
  await expect(notes.locator('[data-notice="warning"]').filter({ hasText: "POP 110 番" })).toContainText(
    "お名前.com ヘルプ",
  );
  await expectNoAxeViolations(page);

  await page.goto("/en/providers/onamae-rs");
  await expect(
    settingsBox(page).getByRole("heading", { level: 2, name: "Settings to type into your mail app" }),
  ).toBeVisible();
  await expect(settingsBox(page).locator("[data-change]").first()).toHaveText(
    "If your app uses “POP3 pop.<domain>:110 (None)”, change it to “POP3 pop.<domain>:995 (SSL/TLS (encrypted from the start))”: your password is currently sent unencrypted.",
  );
  await expect(page.getByRole("heading", { level: 2, name: "Notes from the sources" })).toBeVisible();
});

test("an address leads to its provider's page, with its mail domains, settings and the datasets' notes", async ({
  page,
}) => {
  await page.goto(`/ja/providers?q=${encodeURIComponent("taro@gmail.com")}`);
  // the table on a desktop, the cards on a phone: whichever the reader sees
  const first = page.locator(".catalogue__results tbody tr:visible").first();
  await expect(first.locator("th > a").first()).toHaveAttribute("href", /\/providers\/gmail$/);
  await first.getByRole("link", { name: "Gmail", exact: true }).click();
  await expect(page).toHaveURL(/\/ja\/providers\/gmail$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Gmail");

  const domains = page.locator("[data-domains]");
  await expect(domains).toContainText("gmail.com");
  await expect(domains).toContainText("googlemail.com");

  // every dataset lists Google's servers with TLS from the start: nothing to change
  const box = settingsBox(page);
  expect(await settingFields(box.locator('[data-direction="incoming"]'))).toMatchObject({
    サーバー: "imap.gmail.com (IMAP)",
    ポート: "993",
    暗号化: "SSL/TLS (接続時から暗号化)",
  });
  expect(await settingFields(box.locator('[data-direction="outgoing"]'))).toMatchObject({
    サーバー: "smtp.gmail.com (SMTP)",
    ポート: "465",
    暗号化: "SSL/TLS (接続時から暗号化)",
  });
  await expect(box.locator("[data-change]")).toHaveCount(0);

  // Delta Chat's provider database says Gmail needs preparing (an app password or OAuth)
  await expect(page.locator('[data-notice="status"]')).toContainText(
    /^Delta Chat provider database: 使う前に利用者側の設定が必要 \(\d{4}年\d{1,2}月 時点\)$/,
  );

  await page.goto("/en/providers/gmail");
  await expect(page.locator("[data-domains]")).toContainText("googlemail.com");
  await expect(page.locator('[data-notice="status"]')).toContainText(
    "Delta Chat provider database: needs a setting changed by the user first",
  );
});

test("how to sign in: OAuth2 and app password with their sources, partial and unknown kept apart", async ({ page }) => {
  const mark = (property: string) => page.locator(`tr[data-property="${property}"] [data-support]`).first();
  await page.goto("/en/providers/gmail");
  await expect(page.locator('tr[data-property="oauth2"] th')).toContainText("OAuth2 sign-in");
  await expect(mark("oauth2")).toHaveAttribute("data-support", "yes");
  await expect(mark("app-password")).toHaveAttribute("data-support", "yes");
  await expect(page.locator('tr[data-property="app-password"]')).toContainText("FairEmail provider list");
  // the ISPDB's Gmail file names OAuth2 on each server: the settings are its note
  await expect(page.locator('tr[data-property="oauth2"]')).toContainText("imap imap.gmail.com:993 tls");

  // MIT's ISPDB file names OAuth2 for IMAP, not for SMTP
  await page.goto("/en/providers/mit");
  await expect(mark("oauth2")).toHaveAttribute("data-support", "partial");
  await expect(page.locator('tr[data-property="oauth2"]')).toContainText("imap outlook.office365.com:993 tls");

  // no source says whether Outlook.com wants an app password: unknown, not "no"
  await page.goto("/en/providers/outlook-com");
  await expect(mark("oauth2")).toHaveAttribute("data-support", "yes");
  await expect(mark("app-password")).toHaveAttribute("data-support", "unknown");
});

test("a provider with many domains lists the first ones and counts the rest", async ({ page }) => {
  await page.goto("/ja/providers/mail-com");
  const domains = page.locator("[data-domains]");
  await expect(domains).toContainText(/ ほか \d+ 件$/);
  const listed = ((await domains.textContent()) ?? "").replace(/ ほか \d+ 件$/, "").split("、");
  expect(listed).toHaveLength(12);
  expect(listed.every((d) => /^[a-z0-9.-]+\.[a-z]+$/.test(d))).toBe(true);
});

test("notes from the sources name each source by its title", async ({ page }) => {
  // a note's source is the one that gave it, whether or not that source has a claim for the
  // service; a reader can look up a title, not an internal key such as "deltachat-provider-db"
  for (const slug of ["gmail", "mail-com", "sakura-rs", "xserver"]) {
    await page.goto(`/ja/providers/${slug}`);
    const notices = page.locator('[data-notice="status"], [data-notice="warning"]');
    expect(await notices.count(), slug).toBeGreaterThan(0);
    for (const text of await notices.allTextContents()) {
      expect(text, `${slug}: ${text}`).not.toMatch(/(^|— )[a-z0-9]+(-[a-z0-9]+)+(:|$)/);
    }
  }
});

test("when the sources list only unencrypted settings, the settings box says so and lists them", async ({ page }) => {
  // CLIO: the dataset lists POP3 on 110 and SMTP on 587, neither with TLS; "no settings listed"
  // would hide that a reader's app is probably set up that way
  await page.goto("/ja/providers/clio");
  const box = page.getByRole("region", { name: SETTINGS_JA });
  await expect(box).not.toContainText("出典に設定の記載がありません");
  await expect(box).toContainText("出典に載っている設定は、どれも暗号化なしです。");
  await expect(box.locator("[data-unencrypted] li")).toHaveText([
    "受信: mail.clio.ne.jp ポート 110 (POP3、暗号化なし)",
    "送信: mail.clio.ne.jp ポート 587 (SMTP、暗号化なし)",
  ]);
  await expectNoAxeViolations(page);

  await page.goto("/en/providers/nifty");
  await expect(page.locator("[data-unencrypted]")).toContainText("Every setting the sources list is unencrypted.");
  await expect(page.locator("[data-unencrypted] li")).toHaveText([
    "Incoming: pop.nifty.com port 110 (POP3, unencrypted)",
    "Outgoing: smtp.nifty.com port 587 (SMTP, unencrypted)",
  ]);
});

test("add to compare opens the comparison with this service", async ({ page }) => {
  await page.goto("/ja/providers/onamae-rs");
  const add = page.getByRole("link", { name: "比較に追加" });
  expect((await add.boundingBox())?.height).toBeGreaterThanOrEqual(44);
  await add.click();
  await expect(page).toHaveURL(/\/ja\/compare\?s=onamae-rs$/);
  await expect(page.locator(".compare-table thead th[data-slug]")).toHaveText([/^お名前\.com レンタルサーバー/]);
  await expect(page.getByText("選択中: 1 / 4 件")).toBeVisible();
});

// The e2e server is started with CORRECTIONS_CONTACT=corrections@example.jp (playwright.config.ts).
test("a correction report names the service and the feature", async ({ page, request }) => {
  await page.goto("/ja/providers/onamae-rs");
  const link = page.locator('tr[data-property="smtps"] [data-correction]');
  await expect(link).toHaveAccessibleName(/^訂正を報告\s*: SMTP over SSL \(465番\)$/);
  const href = (await link.getAttribute("href")) ?? "";
  expect(href).toMatch(/^mailto:corrections@example\.jp\?/);
  const params = new URLSearchParams(href.split("?")[1]?.replace(/\+/g, "%2B"));
  expect(params.get("subject")).toMatch(/^訂正の報告: お名前\.com レンタルサーバー の SMTP over SSL/);
  expect(params.get("body")).toContain("サービス: お名前.com レンタルサーバー (onamae-rs)");
  expect(params.get("body")).toContain("(smtps)");
  expect(params.get("body")).not.toContain("localhost");

  const whole = page.getByRole("link", { name: "このページの誤りを報告する" });
  await expect(whole).toHaveAttribute("href", /^mailto:corrections@example\.jp\?subject=/);

  const txt = await request.get("/.well-known/security.txt");
  expect(txt.status()).toBe(200);
  const body = await txt.text();
  expect(body).toMatch(/^Contact: mailto:corrections@example\.jp$/m);
  expect(body).toMatch(/^Preferred-Languages: ja, en$/m);
  expect(body).toMatch(/^Expires: \d{4}-\d\d-\d\dT00:00:00Z$/m);
});

test("on a phone the service page does not scroll sideways and its tables become cards", async ({ page }, info) => {
  test.skip(info.project.name !== "mobile", "phone layout");
  for (const slug of ["onamae-rs", "gmail", "clio"]) {
    await page.goto(`/ja/providers/${slug}`);
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
    }));
    expect(scrollWidth, slug).toBeLessThanOrEqual(innerWidth);
  }
  await page.goto("/ja/providers/onamae-rs");
  // a server row shows each value beside its name, inside the screen
  const row = page.locator(".endpoint-table tbody tr").first();
  const rowBox = await row.boundingBox();
  expect(rowBox!.x + rowBox!.width).toBeLessThanOrEqual(390);
  await expect(row.locator('td[data-label="ポート"]')).toHaveText("110");
});

test("the badge, light and dark, with snippets that link it to this page", async ({ page }) => {
  await page.goto("/en/providers/gmail");
  const section = page.getByRole("region", { name: "Badge" });
  const images = section.getByRole("img");
  await expect(images).toHaveCount(2);
  for (const image of await images.all()) {
    await expect(image).toHaveAttribute("alt", /^Gmail, mail over TLS: IMAPS 993 /);
    // loaded under the page's own policy (img-src 'self'), not a broken image
    await expect
      .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBeGreaterThan(100);
  }
  await expect(images.first()).toHaveAttribute("src", "/en/providers/gmail/badge.svg");
  await expect(images.last()).toHaveAttribute("src", "/en/providers/gmail/badge-dark.svg");
  const html = section.locator('[data-badge-snippet="html"]');
  await expect(html).toContainText(/<a href="(https?:\/\/[^"]+)?\/en\/providers\/gmail">/);
  await expect(html).toContainText('srcset="');
  await expect(html).toContainText("/en/providers/gmail/badge-dark.svg");
  await expect(section.locator('[data-badge-snippet="markdown"]')).toContainText(
    /^\[!\[Gmail: mail over TLS \(Mail Security Compass\)\]\((https?:\/\/[^)]+)?\/en\/providers\/gmail\/badge\.svg\)\]\((https?:\/\/[^)]+)?\/en\/providers\/gmail\)$/,
  );
  await expectNoAxeViolations(page);
});
