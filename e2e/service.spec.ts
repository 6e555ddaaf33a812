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
  const first = page.locator("table.support-table tbody tr[data-slug]").first();
  await expect(first).toHaveAttribute("data-slug", "gmail");
  await first.getByRole("link", { name: "Gmail" }).click();
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
