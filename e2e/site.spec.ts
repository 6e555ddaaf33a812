import { expect, test, type ConsoleMessage } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";

// Every kind of page, in both languages, at both sizes (the desktop and mobile projects): the
// page never scrolls sideways, logs no error, passes axe, has a title of its own and carries no
// no localhost URL anywhere in its HTML. One page load per page, language and size; all checks reuse it.
const LOCALES = ["ja", "en"] as const;
const SITE_NAME = { ja: "メールセキュリティ・コンパス", en: "Mail Security Compass" } as const;

type SitePage = {
  name: string;
  path: string;
  // the HTTP status the page answers with
  status?: number;
  // the page may not exist on every branch yet: a 404 skips it instead of failing
  optional?: boolean;
};

const PAGES: SitePage[] = [
  { name: "home", path: "" },
  { name: "catalogue", path: "/providers" },
  { name: "catalogue legend", path: "/providers/legend" },
  { name: "service", path: "/providers/cpi" },
  { name: "compare", path: "/compare?s=cpi&s=smileserver" },
  { name: "clients", path: "/clients" },
  { name: "articles", path: "/articles" },
  { name: "article", path: "/articles/starttls" },
  { name: "glossary", path: "/glossary" },
  { name: "received", path: "/tools/received" },
  { name: "check", path: "/tools/check" },
  { name: "about", path: "/about", optional: true },
  { name: "recent changes", path: "/changes" },
  { name: "recent changes filtered", path: "/changes?direction=new&property=smtps&page=2" },
  { name: "change calendar", path: "/calendar" },
  { name: "service with changes ahead", path: "/providers/gmail" },
  { name: "404", path: "/no-such-page", status: 404 },
];

for (const locale of LOCALES) {
  for (const sitePage of PAGES) {
    test(`${locale} ${sitePage.name}: fits the screen, no errors, axe clean, own title, no localhost`, async ({
      page,
    }) => {
      const url = `/${locale}${sitePage.path}`;
      const errors: string[] = [];
      const expectedStatus = sitePage.status ?? 200;
      page.on("pageerror", (error) => errors.push(`page error: ${error.message}`));
      page.on("console", (message: ConsoleMessage) => {
        if (message.type() !== "error") return;
        // a 404 page's own document load is logged by the browser; that is the page working
        const ownStatus =
          expectedStatus !== 200 &&
          message.text().startsWith("Failed to load resource") &&
          new URL(message.location().url).pathname === new URL(url, "http://x").pathname;
        if (!ownStatus) errors.push(`console: ${message.text()} (${message.location().url})`);
      });

      const response = await page.goto(url);
      expect(response, url).not.toBeNull();
      if (sitePage.optional && response!.status() === 404) {
        test.skip(true, `${url} does not exist on this branch yet`);
      }
      expect(response!.status(), url).toBe(expectedStatus);
      const html = await response!.text();
      await page.waitForLoadState("load");

      // as a URL's host: the analyzer's own wording may name "localhost" as a mail hop
      const localhostUrl = /\/\/localhost|localhost:\d/i;
      expect(html, "server HTML names localhost").not.toMatch(localhostUrl);
      expect(await page.content(), "DOM names localhost").not.toMatch(localhostUrl);

      const title = await page.title();
      expect(title.trim(), "a title").not.toBe("");
      if (sitePage.name === "home") expect(title).toContain(SITE_NAME[locale]);
      else expect(title, "a title of its own, not just the site name").not.toBe(SITE_NAME[locale]);

      const { scrollWidth, clientWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth,
      }));
      expect(scrollWidth, `${url} scrolls sideways`).toBeLessThanOrEqual(clientWidth);

      await expectNoAxeViolations(page);
      expect(errors, errors.join("\n")).toEqual([]);
    });
  }
}

test.describe("the language of /", () => {
  // These read only the redirect; one project is enough.
  test.skip(({ isMobile }) => isMobile, "the same on every screen size");

  const root = async (
    request: import("@playwright/test").APIRequestContext,
    headers: Record<string, string>,
    path = "/",
  ) => {
    const response = await request.get(path, { headers, maxRedirects: 0 });
    expect(response.status()).toBe(307);
    return response.headers();
  };

  test("Japanese by default, English when the browser prefers it, and the answer varies on both", async ({
    request,
  }) => {
    expect((await root(request, { "Accept-Language": "" }))["location"]).toBe("/ja");
    expect((await root(request, { "Accept-Language": "fr-FR,fr;q=0.9" }))["location"]).toBe("/ja");
    expect((await root(request, { "Accept-Language": "ja,en-US;q=0.9,en;q=0.8" }))["location"]).toBe("/ja");
    const en = await root(request, { "Accept-Language": "en-US,en;q=0.9,ja;q=0.8" });
    expect(en["location"]).toBe("/en");
    expect(en["vary"]).toMatch(/Accept-Language/i);
    expect(en["vary"]).toMatch(/Cookie/i);
    // other paths without a language keep their path and query
    expect((await root(request, { "Accept-Language": "en" }, "/providers?has=smtps"))["location"]).toBe(
      "/en/providers?has=smtps",
    );
  });

  test("the Host header never makes it into a redirect", async ({ request }) => {
    const headers = await root(request, { "Accept-Language": "en", Host: "attacker.example" });
    expect(headers["location"]).toBe("/en");
  });

  test("a choice made with the language switch wins over the browser's preference", async ({ browser }) => {
    const context = await browser.newContext({ locale: "en-US" });
    const page = await context.newPage();
    await page.goto("/");
    await expect(page).toHaveURL(/\/en$/);
    await page.getByRole("link", { name: "Switch to Japanese" }).click();
    await expect(page).toHaveURL(/\/ja$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "ja");
    await page.goto("/");
    await expect(page).toHaveURL(/\/ja$/);
    await page.goto("/glossary");
    await expect(page).toHaveURL(/\/ja\/glossary$/);
    // and back: choosing English again is remembered too
    await page.getByRole("link", { name: "英語版へ切り替え" }).click();
    await expect(page).toHaveURL(/\/en\/glossary$/);
    await page.goto("/");
    await expect(page).toHaveURL(/\/en$/);
    await context.close();
  });

  test("the choice is a cookie, so it works without JavaScript", async ({ browser }) => {
    const context = await browser.newContext({ locale: "ja-JP", javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/ja/articles");
    await page.getByRole("link", { name: "英語版へ切り替え" }).click();
    await expect(page).toHaveURL(/\/en\/articles$/);
    const [cookie] = (await context.cookies()).filter((c) => c.name === "lang");
    expect(cookie).toMatchObject({ value: "en", sameSite: "Lax", path: "/" });
    expect(cookie!.expires * 1000 - Date.now()).toBeGreaterThan(300 * 24 * 3600 * 1000);
    await page.goto("/");
    await expect(page).toHaveURL(/\/en$/);
    await context.close();
  });
});
