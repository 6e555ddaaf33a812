import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";

// The licence page, its place in the footer, and the open-data files as the built server (with
// its proxy and response cache) answers them.
for (const locale of ["ja", "en"] as const) {
  test(`the ${locale} licence page is reachable from the footer and passes axe`, async ({ page }) => {
    await page.goto(`/${locale}/about`);
    await page
      .locator("footer")
      .getByRole("link", { name: locale === "ja" ? /ライセンス/ : /Licence/ })
      .click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/licence$`));
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.locator('a[rel="license"][href="https://creativecommons.org/licenses/by/4.0/"]')).toBeVisible();
    // every imported dataset's licence is named
    await expect(page.locator("[data-source]")).toHaveCount(5);
    await expectNoAxeViolations(page);
  });
}

test("the CSV download link gives the catalogue as a file", async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "a download does not depend on the screen");
  await page.goto("/en/licence");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.locator('a[href="/api/providers.csv"]').click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const text = await (await download.createReadStream()).toArray();
  const csv = Buffer.concat(text).toString("utf8");
  expect(csv.startsWith("\uFEFFslug,name,")).toBe(true);
});

test("the files carry the licence link and answer 304 through the proxy and cache", async ({ request }, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "headers do not depend on the screen");
  const api = (await (await request.get("/api/providers?has=pop3s&per=100")).json()) as { total: number };
  for (const path of ["/api/providers.csv?has=pop3s", "/api/catalogue/v1.json", "/providers/gmail/config-v1.1.xml"]) {
    const first = await request.get(path);
    expect(first.status(), path).toBe(200);
    const h = first.headers();
    expect(h.link, path).toContain('rel="license"');
    expect(h.etag, path).toBeTruthy();
    expect(h["last-modified"], path).toBeTruthy();
    expect((await request.get(path, { headers: { "if-none-match": h.etag! } })).status(), path).toBe(304);
    expect((await request.get(path, { headers: { "if-modified-since": h["last-modified"]! } })).status(), path).toBe(
      304,
    );
    if (path.includes(".csv")) {
      expect(h["content-type"]).toBe("text/csv; charset=utf-8");
      // one header line, one line per service (no name in the seed has a line break)
      expect((await first.text()).trimEnd().split("\r\n")).toHaveLength(api.total + 1);
    }
  }
  expect((await request.get("/providers/no-such-service/config-v1.1.xml")).status()).toBe(404);
});
