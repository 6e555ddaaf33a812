import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";

// The Received header analyzer: a form posting to a server action, which must work the same
// with JavaScript on (enhanced in place) and off (the page is posted and re-rendered).

const FIXTURES = path.resolve(import.meta.dirname, "../tests/fixtures/received");
// Six hops: three over TLS 1.3, one plain ESMTP hop (hop 4), then two inside the server.
const MULTI_HOP = readFileSync(path.join(FIXTURES, "multi-hop-crlf.eml"), "utf8");
const PAGE_JA = "/ja/tools/received";
const PAGE_EN = "/en/tools/received";

async function pasteAndAnalyze(page: Page, text: string): Promise<void> {
  await page.getByLabel("メールのヘッダー").fill(text);
  await page.getByRole("button", { name: "解析する", exact: true }).click();
}

async function expectMultiHopResult(page: Page): Promise<void> {
  await expect(page.getByRole("heading", { level: 2, name: "解析結果" })).toBeVisible();
  await expect(page.getByTestId("received-verdict")).toContainText("区間 4 から暗号化されていません。");
  await expect(page.getByTestId("received-verdict")).toContainText("lists.example.org から mx.example.com へ");

  const path = page.getByRole("list", { name: "経路 (送信者から受信者へ)" });
  const hops = path.getByRole("listitem");
  await expect(hops).toHaveCount(6);
  // oldest first, each state named in words beside its mark
  await expect(hops.nth(0)).toContainText("区間 1");
  await expect(hops.nth(0)).toContainText("[IPv6:2001:db8:1::25] から submit.example.net へ");
  await expect(hops.nth(0)).toContainText("暗号化 (TLS)");
  await expect(hops.nth(0)).toContainText("TLS 1.3 TLS_AES_128_GCM_SHA256");
  await expect(hops.nth(3)).toContainText("暗号化なし");
  await expect(hops.nth(4)).toContainText("サーバー内部");
  await expect(hops.nth(4)).toContainText("同じサーバー内 (localhost) の受け渡し");
  await expect(hops.nth(5)).toContainText("メールボックスへの配送 (LMTP)");
  await expect(path.locator("svg")).toHaveCount(6);

  const table = page.getByRole("table", { name: "区間ごとの詳細 (古い順)" });
  await expect(table.locator("tbody tr")).toHaveCount(6);
  const plainRow = table.locator('tr[data-hop="4"]');
  await expect(plainRow).toContainText("lists.example.org");
  await expect(plainRow).toContainText("ESMTP");
  await expect(plainRow).toContainText("暗号化なし");
  await expect(plainRow).toContainText("2 秒");
  await expect(table.locator('tr[data-hop="1"]')).toContainText("認証あり");
  await expect(table.locator('tr[data-hop="1"]')).toContainText("2023-11-16 02:41:04 +01:00");
}

test.describe("with JavaScript", () => {
  test("analyzes a pasted multi-hop header in place", async ({ page }) => {
    await page.goto(PAGE_JA);
    await expect(page).toHaveTitle(/Received ヘッダー解析/);
    await expect(page.getByTestId("received-privacy")).toContainText("保存もログへの記録もしません");
    await expectNoAxeViolations(page);

    await pasteAndAnalyze(page, MULTI_HOP);
    await expectMultiHopResult(page);
    await expect(page.getByRole("heading", { level: 2, name: "解析結果" })).toBeFocused();
    await expect(page).toHaveURL(new RegExp(`${PAGE_JA}$`));
    // the pasted text stays in the box for another look
    await expect(page.getByLabel("メールのヘッダー")).toHaveValue(/lists\.example\.org/);
    // a second paste replaces the result in place; the first paste is not uploaded again with it
    const second = page.waitForRequest((r) => r.method() === "POST" && r.url().endsWith(PAGE_JA));
    await pasteAndAnalyze(page, readFileSync(path.join(FIXTURES, "gmail.eml"), "utf8"));
    const body = (await second).postData() ?? "";
    expect(body).toContain("X-Google-Smtp-Source");
    expect(body).not.toContain("List-Id: <list.lists.example.org>");
    await expect(page.getByTestId("received-verdict")).toContainText(
      "記録されているすべての区間が暗号化されていました。",
    );
    await expect(page.getByLabel("メールのヘッダー")).toHaveValue(/mx\.google\.com/);
    await expect(page.getByRole("heading", { level: 2, name: "解析結果" })).toHaveCount(1);
    await pasteAndAnalyze(page, MULTI_HOP);
    await expect(page.getByTestId("received-verdict")).toContainText("区間 4 から暗号化されていません。");
    await expect(page.getByRole("link", { name: "暗号化されない区間が残る理由 (STARTTLS)" })).toHaveAttribute(
      "href",
      "/ja/articles/starttls",
    );
    await expectNoAxeViolations(page);
  });

  test("the 2006 sample's headline says weak and names TLS 1.0, 3DES and the unverified certificate", async ({
    page,
  }) => {
    await page.goto(PAGE_JA);
    await page.getByLabel("見本のヘッダー").selectOption({ label: "Sendmail (2006 年、TLS 1.0 で暗号化)" });
    await page.getByRole("button", { name: "見本を解析する" }).click();

    await expect(page.getByText("見本「Sendmail (2006 年、TLS 1.0 で暗号化)」を解析しました。")).toBeVisible();
    await expect(page.getByLabel("メールのヘッダー")).toHaveValue(/Fri, 10 Mar 2006 10:38:12 \+0900/);
    const verdict = page.getByTestId("received-verdict");
    // never the green "every hop encrypted" any more
    await expect(verdict).not.toContainText("記録されているすべての区間が暗号化されていました");
    await expect(verdict.locator("[data-level]")).toHaveAttribute("data-level", "weak");
    const headline = verdict.locator(".received-verdict__answer");
    await expect(headline).toContainText("弱い");
    await expect(headline).toContainText("TLS 1.0");
    await expect(headline).toContainText("3DES");
    await expect(headline).toContainText("証明書の確認なし");
    // the reasons sit in the headline box, each naming its hops
    const reasons = verdict.getByRole("list", { name: "判定の理由" });
    await expect(reasons.locator('[data-code="tls-below-1.2"]')).toContainText("区間 1");
    await expect(reasons.locator('[data-code="tls-below-1.2"]')).toContainText("区間 2");
    await expect(reasons.locator('[data-code="3des"]')).toContainText("区間 2");
    await expect(reasons.locator('[data-code="certificate-not-verified"]')).toContainText("区間 2");
    await expect(reasons.locator('[data-code="certificate-not-verified"]')).toContainText("求めていない");
    // the logged-in submission hop is not blamed for having no client certificate
    await expect(reasons.locator('[data-code="certificate-not-verified"]')).not.toContainText("区間 1");
    // the weak-cipher details come straight after the headline, before the path
    const order = await page.evaluate(() => {
      const ids = ["weak-warnings", "hop-path-heading"].map((id) => document.getElementById(id));
      return ids[0] && ids[1] ? ids[0].compareDocumentPosition(ids[1]) & Node.DOCUMENT_POSITION_FOLLOWING : 0;
    });
    expect(order).toBeTruthy();
    await expect(
      page.getByRole("list", { name: "経路 (送信者から受信者へ)" }).locator('li[data-hop="2"] [data-certificate]'),
    ).toContainText("送り元の証明書: 求めていない");
    // the weak hop's mark says so in words, not only in colour
    await expect(
      page.getByRole("list", { name: "経路 (送信者から受信者へ)" }).locator('li[data-hop="2"] .hop-mark'),
    ).toHaveText("暗号化 (弱い)");

    const warnings = page.getByRole("region", { name: "弱い暗号の警告" });
    await expect(warnings).toBeVisible();
    await expect(warnings.locator('li[data-hop="1"]')).toContainText(
      "区間 1 (mail.example.co.jp): TLS 1.0 DHE-RSA-AES256-SHA",
    );
    await expect(warnings.locator('li[data-hop="1"] [data-reason="tls-below-1.2"]')).toContainText("RFC 8996");
    await expect(warnings.locator('li[data-hop="2"] [data-reason="3des"]')).toContainText("3DES");
    await expect(page.getByRole("table").locator('tr[data-hop="2"]')).toContainText("弱い");
    await expect(page.getByRole("table").locator('tr[data-hop="2"]')).toContainText("求めていない");
    await expectNoAxeViolations(page);
    // nothing but the hop table's own scroller is wider than a phone
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

    // the warning's link lands on the article section about retired TLS versions
    await warnings.getByRole("link").click();
    await expect(page).toHaveURL(/\/ja\/articles\/since-2006#/);
    const id = decodeURIComponent(new URL(page.url()).hash.slice(1));
    await expect(page.locator(`[id="${id}"]`)).toContainText("RFC 8996");
  });

  test("a modern header, TLS 1.3 on every hop, is good", async ({ page }) => {
    await pasteAndAnalyzeAt(page, PAGE_JA, readFileSync(path.join(FIXTURES, "gmail-tls13.eml"), "utf8"));
    const verdict = page.getByTestId("received-verdict");
    await expect(verdict.locator("[data-level]")).toHaveAttribute("data-level", "good");
    await expect(verdict).toContainText("良好");
    await expect(verdict).toContainText("記録されているすべての区間が暗号化されていました。");
    await expect(verdict).toContainText("古い TLS や弱い暗号の記録はありません");
    await expect(verdict).not.toContainText("弱い点");
    await expect(page.getByRole("region", { name: "弱い暗号の警告" })).toHaveCount(0);
  });

  test("a plain hop is named as where encryption stops", async ({ page }) => {
    await page.goto(PAGE_JA);
    await page.getByLabel("見本のヘッダー").selectOption("plain-hop");
    await page.getByRole("button", { name: "見本を解析する" }).click();
    const verdict = page.getByTestId("received-verdict");
    await expect(verdict.locator("[data-level]")).toHaveAttribute("data-level", "not-encrypted");
    await expect(verdict.locator(".received-verdict__answer")).toHaveText("区間 2 から暗号化されていません。");
    await expect(verdict).toContainText("relay.example.org から mx1.example.net へ");
    await expect(
      verdict.getByRole("list", { name: "判定の理由" }).locator('[data-code="not-encrypted"]'),
    ).toContainText("区間 2");
    await expectNoAxeViolations(page);
  });

  test("in English the 2006 sample is weak, with its reasons", async ({ page }) => {
    await page.goto(PAGE_EN);
    await page.getByLabel("Sample header").selectOption("sendmail-2006");
    await page.getByRole("button", { name: "Analyze sample" }).click();
    const headline = page.getByTestId("received-verdict").locator(".received-verdict__answer");
    await expect(headline).toHaveText(
      "Encrypted, but weak: TLS 1.0 (outdated), the 3DES cipher, and certificate not verified.",
    );
    const reasons = page.getByRole("list", { name: "Why" });
    await expect(reasons.locator('[data-code="certificate-not-verified"]')).toContainText("Hop 2");
    await expect(reasons.locator('[data-code="certificate-not-verified"]')).toContainText("not requested");
    await expect(page.getByTestId("received-verdict")).toContainText(
      "whether the sender checked the receiver's is never recorded",
    );
    await expectNoAxeViolations(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  });

  test("an empty paste and an oversized paste get clear messages", async ({ page }) => {
    await page.goto(PAGE_JA);
    await page.getByRole("button", { name: "解析する", exact: true }).click();
    const textarea = page.getByLabel("メールのヘッダー");
    const error = page.locator("#received-error");
    await expect(error).toHaveAttribute("role", "alert");
    await expect(error).toContainText("ヘッダーが貼り付けられていません");
    await expect(textarea).toHaveAttribute("aria-invalid", "true");
    await expect(textarea).toBeFocused();
    await expect(page.getByRole("heading", { name: "解析結果" })).toHaveCount(0);

    // 3 bytes a character: within the textarea's maxlength, over the 1 MiB byte limit
    await textarea.fill("あ".repeat(400_000));
    await page.getByRole("button", { name: "解析する", exact: true }).click();
    await expect(error).toContainText("貼り付けた内容が大きすぎます (1,200,000 バイト)");
    await expectNoAxeViolations(page);
  });

  test("a header without Received fields says so", async ({ page }) => {
    await pasteAndAnalyzeAt(page, PAGE_JA, "From: a@example.com\nSubject: hello\n");
    await expect(page.getByTestId("received-verdict")).toContainText("Received フィールドが見つかりません。");
    await expect(page.getByRole("table")).toHaveCount(0);
  });

  test("the English page analyzes a sample and links to the articles", async ({ page }) => {
    await page.goto(PAGE_EN);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Received header analyzer");
    await expect(page).toHaveTitle(/Received header analyzer/);
    await expect(page.getByText("neither stored nor logged")).toBeVisible();
    const articles = page.getByRole("navigation", { name: "What you are looking at" });
    for (const slug of ["received-headers", "starttls", "implicit-tls", "since-2006"]) {
      await expect(articles.locator(`a[href="/en/articles/${slug}"]`)).toHaveCount(1);
    }

    await page.getByLabel("Sample header").selectOption("plain-hop");
    await page.getByRole("button", { name: "Analyze sample" }).click();
    await expect(page.getByTestId("received-verdict")).toContainText("Not encrypted from hop 2.");
    await expect(page.getByTestId("received-verdict")).toContainText("from relay.example.org to mx1.example.net");
    const hops = page.getByRole("list", { name: "Path (from sender to recipient)" }).getByRole("listitem");
    await expect(hops).toHaveCount(3);
    await expect(hops.nth(0)).toContainText("Encrypted (TLS)");
    await expect(hops.nth(1)).toContainText("Not encrypted");
    await expect(hops.nth(2)).toContainText("Inside the server");
    await expect(
      page.getByRole("table", { name: "Each hop in detail (oldest first)" }).locator('tr[data-hop="3"]'),
    ).toContainText("1 s");
    await expect(page.getByRole("region", { name: "Weak encryption warnings" })).toHaveCount(0);

    // the trust note points into the Received article's section on which lines to believe
    await page.getByRole("link", { name: "Which lines you can trust" }).click();
    await expect(page).toHaveURL(/\/en\/articles\/received-headers#which-lines-you-can-trust$/);
    await expect(page.locator("#which-lines-you-can-trust")).toBeVisible();
  });
});

async function pasteAndAnalyzeAt(page: Page, url: string, text: string): Promise<void> {
  await page.goto(url);
  await pasteAndAnalyze(page, text);
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the form posts and the page comes back with the analysis, never cached", async ({ page }) => {
    await page.goto(PAGE_JA);
    await page.getByLabel("メールのヘッダー").fill(MULTI_HOP);
    const posted = page.waitForResponse((r) => r.request().method() === "POST" && r.url().endsWith(PAGE_JA));
    await page.getByRole("button", { name: "解析する", exact: true }).click();
    const response = await posted;
    expect(response.status()).toBe(200);
    expect(response.headers()["cache-control"]).toContain("no-store");
    await expectMultiHopResult(page);
    await expect(page.getByLabel("メールのヘッダー")).toHaveValue(/lists\.example\.org/);
    // axe needs scripts, so the accessibility check of this markup is in the JavaScript test
  });

  test("a sample can be chosen and analyzed", async ({ page }) => {
    await page.goto(PAGE_JA);
    await page.getByLabel("見本のヘッダー").selectOption("jp-isp");
    await page.getByRole("button", { name: "見本を解析する" }).click();
    await expect(page.getByTestId("received-verdict")).toContainText(
      "記録されているすべての区間が暗号化されていました。",
    );
    await expect(page.getByLabel("見本のヘッダー")).toHaveValue("jp-isp");
    await expect(page.getByLabel("メールのヘッダー")).toHaveValue(/=\?ISO-2022-JP\?B\?/);
    const hops = page.getByRole("list", { name: "経路 (送信者から受信者へ)" }).getByRole("listitem");
    await expect(hops).toHaveCount(3);
    await expect(hops.nth(1)).toContainText("サーバー内部");
  });

  test("an empty paste gets the message", async ({ page }) => {
    await page.goto(PAGE_EN);
    await page.getByRole("button", { name: "Analyze", exact: true }).click();
    await expect(page.locator("#received-error")).toContainText("Nothing was pasted.");
    await expect(page.getByLabel("Message header")).toHaveAttribute("aria-invalid", "true");
  });
});
