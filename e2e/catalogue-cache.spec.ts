import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";

// The catalogue and its API are answered from a cache (proxy.ts, docs/decisions/0008). This spec
// changes a claim the way an editor does, by re-seeding from data files in a separate process,
// and expects the very next request to show it. It writes to the shared e2e database, so it runs
// in a project of its own, after the specs that read the catalogue (playwright.config.ts).
const DATABASE_URL = process.env.E2E_DATABASE_URL ?? "file:./.tmp/e2e.db";
const LIST = "/ja/providers?q=ablenet&has=pop3s";
const API = "/api/providers?q=ablenet";

// ABLENET's only source is the 2006 page, which says it offers POP3 over SSL.
function withAblenetPop3s(dataDir: string, value: "yes" | "no") {
  const file = path.join(dataDir, "companies.json");
  const companies = JSON.parse(readFileSync(file, "utf8")) as Array<{
    services?: Array<{ slug: string; claims?: Array<{ property: string; value: string }> }>;
  }>;
  const claim = companies
    .flatMap((c) => c.services ?? [])
    .find((s) => s.slug === "ablenet")
    ?.claims?.find((c) => c.property === "pop3s");
  if (!claim) throw new Error("data/companies.json no longer has ABLENET's pop3s claim; pick another for this spec");
  claim.value = value;
  writeFileSync(file, JSON.stringify(companies, null, 2));
}

const seed = (dataDir: string) =>
  promisify(execFile)("npx", ["tsx", "prisma/seed.ts", dataDir], {
    env: { ...process.env, DATABASE_URL },
    timeout: 120_000,
  });

test.describe.configure({ mode: "serial" });
test.skip(Boolean(process.env.E2E_BASE_URL), "writes to the database of the server it starts itself");

let dataDir: string;
test.beforeAll(() => {
  dataDir = path.join(mkdtempSync(path.join(tmpdir(), "msc-cache-e2e-")), "data");
  cpSync("data", dataDir, { recursive: true });
});
test.afterAll(async () => {
  // Leaves the shared database as the other specs expect it.
  await seed(path.resolve("data"));
  rmSync(path.dirname(dataDir), { recursive: true, force: true });
});

test("a claim changed by a separate import process shows on the next request, page and API", async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  const first = await request.get(LIST);
  expect(first.status()).toBe(200);
  // the second answer for the same catalogue, spelt differently, comes from the cache
  const again = await request.get(`${LIST}&sort=recommended&page=1`);
  expect(again.headers()["x-nextjs-cache"]).toBe("HIT");
  expect(again.headers()["cache-control"]).toMatch(/s-maxage=\d+/);
  expect(again.headers()["etag"]).toBeTruthy();
  await page.goto(LIST);
  await expect(page.locator("#results")).toContainText(/ablenet/i);
  const pop3s = async () => {
    const body = (await (await request.get(API)).json()) as {
      items: Array<{ slug: string; support: Record<string, { value: string }> }>;
    };
    return body.items.find((i) => i.slug === "ablenet")?.support.pop3s?.value;
  };
  expect(await pop3s()).toBe("yes");
  expect(await pop3s()).toBe("yes");

  withAblenetPop3s(dataDir, "no");
  await seed(dataDir);

  await page.goto(LIST);
  await expect(page.locator("#results-heading")).toContainText("条件に合うサービスはありません");
  await expect(page.locator("#results")).not.toContainText(/ablenet/i);
  expect(await pop3s()).toBe("no");

  // and back: the cache follows every change, not only the first
  withAblenetPop3s(dataDir, "yes");
  await seed(dataDir);
  await page.goto(LIST);
  await expect(page.locator("#results")).toContainText(/ablenet/i);
});

test("a revalidating client gets 304 from the API while nothing changed", async ({ request }) => {
  const first = await request.get(API);
  const etag = first.headers()["etag"];
  expect(etag).toBeTruthy();
  const revalidated = await request.get(API, { headers: { "If-None-Match": etag ?? "" } });
  expect(revalidated.status()).toBe(304);
});

test("the cached routes cannot be requested by their own address", async ({ request }) => {
  const page = await request.get("/ja/catalogue-cache/any/all");
  expect(page.status()).toBe(404);
  const api = await request.get("/api/catalogue-cache/any/all");
  expect(api.status()).toBe(404);
});
