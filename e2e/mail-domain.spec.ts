import { mkdirSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { refreshCurrentClaims } from "@/lib/catalogue/current-claims";
import { createPrismaClient, type PrismaClient } from "@/lib/db";
import { parseCsv } from "@/lib/open-data/csv";
import { expectNoAxeViolations } from "./axe";

// The mail domain's protection as the site shows it: the service page's own section (value, note,
// source, date, "last verified"; "not checked" where no claim is), the catalogue's one summary
// cell per row and its filter, the compare page's group and the CSV. The reviewed data has no
// domain claims (only the verification job makes them), so this spec adds the claims the job
// would store for one service and removes them after. It writes to the shared e2e database, so it
// runs in a project of its own after the others (playwright.config.ts).
const DATABASE_URL = process.env.E2E_DATABASE_URL ?? "file:./.tmp/e2e.db";
const SOURCE_KEY = "e2e-mail-domain-probe";
const SLUG = "gmail";
const OTHER = "xserver";
const DAY = "2026-12-03";
const CLAIMS = [
  ["mx-starttls", "yes", "STARTTLS on port 25 offered by 1 of 1 MX host(s) of gmail.com"],
  ["mta-sts", "yes", "MTA-STS policy mode enforce, max_age 86400"],
  ["tls-rpt", "yes", "_smtp._tls TXT record with 1 reporting address(es)"],
  ["dane", "no", "TLSA per MX host: gmail-smtp-in.l.google.com none"],
] as const;
const SCREENSHOT_DIR = process.env.E2E_SCREENSHOT_DIR ?? "test-results/mail-domain";
// the per-host evidence the job stores with a domain claim (lib/mx/claims.ts)
const DANE_DETAILS = {
  kind: "mail-domain",
  domain: "gmail.com",
  checkedAt: `${DAY}T03:00:00.000Z`,
  hosts: [{ host: "gmail-smtp-in.l.google.com", verdict: "unsigned" }],
};

test.describe.configure({ mode: "serial" });
test.skip(Boolean(process.env.E2E_BASE_URL), "writes to the database of the server it starts itself");

let db: PrismaClient;

async function removeClaims() {
  await db.$transaction(async (tx) => {
    await tx.claim.deleteMany({ where: { source: { key: SOURCE_KEY } } });
    await tx.source.deleteMany({ where: { key: SOURCE_KEY } });
    await refreshCurrentClaims(tx);
  });
}

test.beforeAll(async () => {
  db = createPrismaClient(DATABASE_URL);
  await removeClaims();
  await db.$transaction(async (tx) => {
    const source = await tx.source.create({
      data: { key: SOURCE_KEY, kind: "probe", title: "実機検査 (試験)", titleEn: "Live probe (test)", asOf: DAY },
    });
    const service = await tx.service.findUniqueOrThrow({ where: { slug: SLUG }, select: { id: true } });
    for (const [key, value, note] of CLAIMS) {
      const property = await tx.property.findUniqueOrThrow({ where: { key }, select: { id: true } });
      await tx.claim.create({
        data: {
          serviceId: service.id,
          propertyId: property.id,
          sourceId: source.id,
          value,
          asOf: DAY,
          verifiedOn: DAY,
          note,
          details: key === "dane" ? DANE_DETAILS : undefined,
        },
      });
    }
    await refreshCurrentClaims(tx);
  });
});

test.afterAll(async () => {
  if (!db) return;
  await removeClaims();
  await db.$disconnect();
});

test("a service page shows the mail domain's protection as its own group, with source and date", async ({ page }) => {
  await page.goto(`/ja/providers/${SLUG}`);
  const section = page.locator("[data-domain-protection]");
  await expect(section.getByRole("heading", { level: 2 })).toHaveText("受信ドメインの保護");
  await expect(section.locator("tr[data-property]")).toHaveCount(4);
  const sts = section.locator('tr[data-property="mta-sts"]');
  await expect(sts).toContainText("対応");
  await expect(sts).toContainText("実機検査 (試験)");
  await expect(sts.locator("[data-last-verified]")).toHaveAttribute("data-last-verified", DAY);
  await expect(sts).toContainText("mode enforce");
  const dane = section.locator('tr[data-property="dane"]');
  await expect(dane).toContainText("非対応");
  // the job's per-host evidence, in the page's language
  await expect(dane.getByRole("list", { name: "gmail.com の受信サーバー (MX) ごとの結果" })).toContainText(
    "gmail-smtp-in.l.google.com",
  );
  await expect(dane).toContainText("TLSA はあるが DNSSEC の署名がありません");
  // the group is not repeated in the main support table
  await expect(page.locator('[aria-label="暗号化と認証への対応"] tr[data-property="mta-sts"]')).toHaveCount(0);
  await expectNoAxeViolations(page);

  // a service without domain claims says "not checked", not "no"
  await page.goto(`/en/providers/${OTHER}`);
  const other = page.locator("[data-domain-protection]");
  await expect(other.getByRole("heading", { level: 2 })).toHaveText("Mail domain protection");
  await expect(other.locator('tr[data-property="mx-starttls"]')).toContainText("Not checked yet");
  await expect(other.locator('tr[data-property="mx-starttls"]')).not.toContainText("Not supported");
});

test("the catalogue filters on a domain property and shows one summary cell for the group", async ({ page }) => {
  await page.goto(`/ja/providers?has=mta-sts&q=${SLUG}`);
  const row = page.locator("table.catalogue-table tbody tr").filter({ hasText: "Gmail" }).first();
  await expect(row).toBeVisible();
  const cell = row.locator("td.s");
  await expect(cell).toHaveCount(1);
  await expect(cell).toHaveText(/^3\/4/);
  await expect(cell.locator(".sr-only")).toContainText("MTA-STS");
  await expect(page.locator("table.catalogue-table thead .col-group").last()).toContainText("ドメイン");
  // the filter's fieldset for the group
  await expect(page.getByRole("group", { name: "受信ドメインの保護" })).toBeVisible();

  // a service with none of the group known has the plain "unknown" cell, not "0/4"
  await page.goto(`/en/providers?q=${OTHER}`);
  const otherRow = page.locator("table.catalogue-table tbody tr").first();
  await expect(otherRow.locator("td.s")).toHaveCount(0);

  // the filter that no one meets lists nothing
  await page.goto(`/en/providers?has=dane&q=${SLUG}`);
  await expect(page.locator("table.catalogue-table tbody tr")).toHaveCount(0);
});

test("the compare page shows the group like the others, and the CSV has its columns", async ({ page, request }) => {
  await page.goto(`/en/compare?s=${SLUG}&s=${OTHER}`);
  const group = page.locator('tbody[data-group="domain"]');
  await expect(group.getByRole("rowheader").first()).toHaveText("Mail domain protection");
  await expect(group.locator("tr[data-property]")).toHaveCount(4);

  const csv = await (await request.get(`/api/providers.csv?has=mta-sts&q=${SLUG}`)).text();
  const [columns = [], ...rows] = parseCsv(csv.replace(/^\uFEFF/, ""));
  const row = rows.find((r) => r[columns.indexOf("slug")] === SLUG);
  expect(row?.[columns.indexOf("mta-sts")]).toBe("yes");
  expect(row?.[columns.indexOf("dane")]).toBe("no");
  expect(row?.[columns.indexOf("dane_as_of")]).toBe(DAY);
});

test("the service page's domain group fits phone and desk widths (screenshots kept for review)", async ({ page }) => {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  for (const [width, height] of [
    [390, 844],
    [1366, 900],
  ] as const) {
    await page.setViewportSize({ width, height });
    for (const locale of ["ja", "en"]) {
      await page.goto(`/${locale}/providers/${SLUG}`);
      const section = page.locator("[data-domain-protection]");
      await section.scrollIntoViewIfNeeded();
      await section.screenshot({ path: `${SCREENSHOT_DIR}/service-${locale}-${width}.png` });
      // nothing in the group makes the page scroll sideways
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await page.goto(`/${locale}/providers?q=${SLUG}`);
      await page.screenshot({ path: `${SCREENSHOT_DIR}/catalogue-${locale}-${width}.png` });
    }
  }
});
