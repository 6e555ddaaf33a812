import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";

// The change calendar of issue 14: the four dates with their sources on the page in both
// languages, "changes ahead" on an affected service's page and on the clients page, and the
// iCalendar feed the page links to. Gmail's entry has no announced end, so it is "ahead" on any
// day; the others move from ahead to past as the calendar turns, so only their dates are checked.
const FOUR = [
  {
    id: "outlook-com-modern-auth",
    who: "Microsoft (Outlook.com)",
    datetime: "2024-09-16",
    source: "https://borncity.com/win/2024/06/18/microsoft-will-better-secure-private-outlook-mail-accounts",
  },
  { id: "gmail-pop-fetch-gmailify", who: "Google (Gmail)", datetime: "2026-01", source: "https://heise.de/-11185502" },
  {
    id: "exchange-online-pop-imap-legacy-tls",
    who: "Microsoft (Exchange Online)",
    datetime: "2026-07-01",
    source:
      "https://techcommunity.microsoft.com/t5/exchange-team-blog/deprecating-legacy-tls-and-endpoints-for-pop-and-imap-in/ba-p/4515201",
  },
  {
    id: "exchange-online-smtp-auth-basic",
    who: "Microsoft (Exchange Online)",
    datetime: "2026-12",
    source:
      "https://techcommunity.microsoft.com/blog/exchange/updated-exchange-online-smtp-auth-basic-authentication-deprecation-timeline/4489835",
  },
] as const;

for (const locale of ["ja", "en"] as const) {
  test(`${locale} calendar: the four dates, each with its dated source, and the .ics link`, async ({ page }) => {
    await page.goto(`/${locale}/calendar`);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    for (const { id, who, datetime, source } of FOUR) {
      const entry = page.locator(`[data-calendar-entry][id="${id}"]`);
      await expect(entry, id).toHaveCount(1);
      await expect(entry.locator(`[data-calendar-date] time[datetime="${datetime}"]`).first(), id).toBeVisible();
      const cited = entry.locator(`[data-calendar-source] a[href="${source}"]`);
      await expect(cited, id).toBeVisible();
      // every source states when it was read
      await expect(entry.locator("[data-calendar-source]").first().locator("time").last(), id).toHaveAttribute(
        "datetime",
        /^\d{4}-\d{2}-\d{2}$/,
      );
      // who, what stops working, what to do: each a term with its text
      const facts = entry.locator("dl > div");
      await expect(facts.nth(0), id).toContainText(who);
      await expect(facts.nth(1).locator("dd"), id).not.toBeEmpty();
      await expect(facts.nth(2).locator("dd"), id).not.toBeEmpty();
    }
    // an ongoing change is listed under "ahead", a finished one under "past"
    await expect(page.locator('[data-calendar-section="ahead"] [id="gmail-pop-fetch-gmailify"]')).toHaveCount(1);
    await expect(page.locator('[data-calendar-section="past"] [id="outlook-com-modern-auth"]')).toHaveCount(1);

    const link = page.locator("a[data-calendar-ics]");
    await expect(link).toHaveAttribute("href", `/${locale}/calendar.ics`);
    await expect(page.locator('head link[rel="alternate"][type="text/calendar"]')).toHaveAttribute(
      "href",
      new RegExp(`/${locale}/calendar\\.ics$`),
    );
    const download = page.waitForEvent("download");
    await link.click();
    const file = await (await download).path();
    const { readFile } = await import("node:fs/promises");
    const text = await readFile(file, "utf8");
    expect(text.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    expect(text.match(/BEGIN:VEVENT\r\n/g)).toHaveLength(FOUR.length);
    await expectNoAxeViolations(page);
  });

  test(`${locale} the feed answers as a calendar with a validator`, async ({ request }) => {
    const response = await request.get(`/${locale}/calendar.ics`);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
    const text = await response.text();
    for (const line of text.split("\r\n")) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(text).toContain("DTSTART;VALUE=DATE:20240916");
    expect(text).toContain("DTSTART;VALUE=DATE:20260701\r\nDTEND;VALUE=DATE:20270101");
    const etag = response.headers()["etag"]!;
    const again = await request.get(`/${locale}/calendar.ics`, { headers: { "If-None-Match": etag } });
    expect(again.status()).toBe(304);
  });

  test(`${locale} an affected service and client show the change ahead, linked to its entry`, async ({ page }) => {
    await page.goto(`/${locale}/providers/gmail`);
    const box = page.locator("[data-changes-ahead]");
    await expect(box).toBeVisible();
    const link = box.locator('[data-change-ahead="gmail-pop-fetch-gmailify"] a');
    await expect(link).toHaveAttribute("href", `/${locale}/calendar#gmail-pop-fetch-gmailify`);
    await link.click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/calendar#gmail-pop-fetch-gmailify$`));
    await expect(page.locator('[id="gmail-pop-fetch-gmailify"]')).toBeInViewport();

    // a service no entry names has no box
    await page.goto(`/${locale}/providers/cpi`);
    await expect(page.locator("[data-changes-ahead]")).toHaveCount(0);

    await page.goto(`/${locale}/clients`);
    await expect(
      page.locator('[data-client-ahead="gmail-app"] [data-change-ahead="gmail-pop-fetch-gmailify"]'),
    ).toBeVisible();
    // the calendar links each client to its row on this page
    await page.goto(`/${locale}/calendar`);
    await expect(
      page.locator(`[id="gmail-pop-fetch-gmailify"] a[href="/${locale}/clients#client-gmail-app"]`),
    ).toBeVisible();
  });
}
