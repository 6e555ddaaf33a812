import { execFile, spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { createInterface } from "node:readline";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import { createPrismaClient, type PrismaClient } from "@/lib/db";
import {
  clientConfigXml,
  startAutoconfigServer,
  type AutoconfigServer,
  type AutoconfigServerEntry,
} from "../tests/servers/autoconfig";
import type { TestServers } from "../tests/servers";
import { insertLocalTestService, LOCAL_SERVICE_SLUG, removeLocalTestService } from "../tests/servers/local-service";
import { expectNoAxeViolations } from "./axe";

// Live probes against real mail servers on loopback (tests/servers/start.ts), seen through the
// site: a probed service's page, and the check page. The web server must run with
// PROBE_ALLOW_LOOPBACK=1 and AUTOCONFIG_BASE_URL=http://127.0.0.1:<E2E_AUTOCONFIG_PORT> (see
// playwright.config.ts), and read the database this spec writes to (E2E_DATABASE_URL).
const DATABASE_URL = process.env.E2E_DATABASE_URL ?? "file:./.tmp/e2e.db";
const AUTOCONFIG_PORT = Number(process.env.E2E_AUTOCONFIG_PORT ?? 3399);
const CHECK_DOMAIN = "local-test.example";

type StartedServers = Omit<TestServers, "stop" | "certs"> & { caFile: string };

test.describe.configure({ mode: "serial" });

let child: ChildProcessWithoutNullStreams;
let servers: StartedServers;
let autoconfig: AutoconfigServer;
let db: PrismaClient;

async function startMailServers(): Promise<StartedServers> {
  child = spawn(process.execPath, ["--import", "tsx", "tests/servers/start.ts"], { stdio: ["pipe", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  const lines = createInterface({ input: child.stdout });
  return new Promise((resolve, reject) => {
    lines.once("line", (line) => resolve(JSON.parse(line) as StartedServers));
    child.once("exit", (code) => reject(new Error(`tests/servers/start.ts exited with ${code}:\n${stderr}`)));
  });
}

test.beforeAll(async () => {
  test.setTimeout(120_000);
  servers = await startMailServers();
  const entries: AutoconfigServerEntry[] = [
    { type: "smtp", hostname: "localhost", port: servers.smtp.implicitTls, socketType: "SSL" },
    // declared STARTTLS, but this server never offers it and takes passwords in clear
    { type: "smtp", hostname: "localhost", port: servers.smtp.plainOnly, socketType: "STARTTLS" },
  ];
  if (servers.dovecot) {
    const d = servers.dovecot;
    entries.unshift(
      { type: "imap", hostname: d.strictHost, port: d.imaps, socketType: "SSL" },
      { type: "pop3", hostname: d.strictHost, port: d.pop3, socketType: "STARTTLS" },
    );
  }
  autoconfig = await startAutoconfigServer({ [CHECK_DOMAIN]: clientConfigXml(CHECK_DOMAIN, entries) }, AUTOCONFIG_PORT);
  db = createPrismaClient(DATABASE_URL);
});

test.afterAll(async () => {
  if (db) {
    // Leaves the shared database as the other specs expect it: no extra service.
    await removeLocalTestService(db);
    await db.$disconnect();
  }
  await autoconfig?.close();
  if (child && child.exitCode === null) {
    const exited = new Promise((r) => child.once("exit", r));
    child.stdin.end();
    await exited;
  }
});

test.describe("a service probed with npm run probe", () => {
  test("its page shows the probe evidence and where it contradicts the 2006 page", async ({ page }) => {
    test.setTimeout(120_000);
    await insertLocalTestService(db, servers);
    const { stdout } = await promisify(execFile)(
      "npm",
      ["run", "probe", "--", LOCAL_SERVICE_SLUG, "--timeout", "5000"],
      {
        env: { ...process.env, DATABASE_URL, PROBE_ALLOW_LOOPBACK: "1", NODE_EXTRA_CA_CERTS: servers.caFile },
        timeout: 90_000,
      },
    );
    expect(stdout).toContain(`for ${LOCAL_SERVICE_SLUG} from source "live-probe"`);

    await page.goto(`/ja/providers/${LOCAL_SERVICE_SLUG}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("ローカル試験メール");
    await expect(page.locator("[data-probe-contradictions]")).toContainText("STARTTLS (送信・587番)");

    const smtps = page.locator('tr[data-property="smtps"]');
    await expect(smtps.locator(".probe-evidence")).toContainText("実機検査");
    await expect(smtps.locator(".probe-evidence")).toContainText("対応を確認");
    await expect(smtps.locator(".probe-evidence")).toContainText(/TLSv1\.[23]/);
    await expect(smtps.locator(".probe-evidence")).toContainText("証明書は有効");
    await expect(smtps.locator("[data-contradiction]")).toHaveCount(0);

    const submission = page.locator('tr[data-property="submission-starttls"]');
    // the probe is today's first-hand evidence, so it is the current value
    await expect(submission.locator("td").first()).toContainText("非対応");
    await expect(submission.locator(".probe-evidence")).toContainText("STARTTLS の提示なし");
    await expect(submission.locator(".probe-evidence")).toContainText(
      "暗号化の前にパスワードを平文で送る方式を提示: PLAIN LOGIN",
    );
    await expect(submission.locator("[data-contradiction]")).toContainText("食い違います");
    await expect(submission.locator("[data-contradiction]")).toContainText("2006年2月");
    // the probe and the 2006 page give different values (the seeded data has no such pair)
    await expect(submission.locator("[data-disagree]")).toHaveText("出典の間で食い違いがあります");
    await expect(smtps.locator("[data-disagree]")).toHaveCount(0);

    // the settings to type: the implicit-TLS port, not the one declared STARTTLS
    const outgoing = page.locator('[data-settings] [data-direction="outgoing"]');
    await expect(outgoing).toContainText(`localhost (SMTP)`);
    await expect(outgoing.locator("code").nth(1)).toHaveText(String(servers.smtp.implicitTls));
    await expect(outgoing).toContainText("SSL/TLS (接続時から暗号化)");
    await expect(page.locator("[data-settings] [data-change]")).toHaveCount(0);
    await expectNoAxeViolations(page);

    await page.goto(`/en/providers/${LOCAL_SERVICE_SLUG}`);
    await expect(page.locator('tr[data-property="submission-starttls"] [data-contradiction]')).toContainText(
      "contradicts",
    );
    await expect(page.locator('tr[data-property="smtps"] .probe-evidence')).toContainText("Live probe");
    await expect(page.locator('tr[data-property="submission-starttls"] [data-disagree]')).toHaveText(
      "The sources disagree",
    );
  });
});

async function checkDomain(page: import("@playwright/test").Page, domain: string) {
  await page.getByLabel("メールのドメイン").fill(domain);
  await page.getByRole("button", { name: "検査する" }).click();
}

async function expectVerdict(page: import("@playwright/test").Page) {
  await expect(page.getByRole("heading", { level: 2, name: `${CHECK_DOMAIN} の検査結果` })).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.locator('[data-verdict="sending"]')).toHaveAttribute("data-value", "partly");
  await expect(page.locator('[data-verdict="passwords"]')).toHaveAttribute("data-value", "yes");
  await expect(page.locator('[data-verdict="passwords"]')).toContainText(
    `SMTP localhost:${servers.smtp.plainOnly}: PLAIN, LOGIN`,
  );
  // the web server does not trust the test CA, as a visitor's check would not
  await expect(page.locator('[data-verdict="certificates"]')).toHaveAttribute("data-value", "problems");
  await expect(page.locator('[data-verdict="tls"]')).toHaveAttribute("data-value", "ok");
  await expect(page.locator('[data-verdict="receiving"]')).toHaveAttribute(
    "data-value",
    servers.dovecot ? "encrypted" : "unknown",
  );
  await expect(page.locator('[data-verdict="passwords"] a[href="/ja/articles/smtp-auth"]')).toBeVisible();
  await expect(page.locator(`tr[data-server="localhost:${servers.smtp.implicitTls}"]`)).toHaveAttribute(
    "data-outcome",
    "yes",
  );
  await expect(page.locator(`tr[data-server="localhost:${servers.smtp.plainOnly}"]`)).toHaveAttribute(
    "data-outcome",
    "no",
  );
}

test.describe("the check page with JavaScript", () => {
  test.use({ extraHTTPHeaders: { "x-forwarded-for": "198.51.100.10" } });

  test("checks a domain in place and gives a verdict", async ({ page }) => {
    await page.goto("/ja/tools/check");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("メールサーバーの暗号化を検査する");
    await expectNoAxeViolations(page);
    await checkDomain(page, `postmaster@${CHECK_DOMAIN}`);
    await expectVerdict(page);
    await expect(page.getByRole("heading", { level: 2, name: `${CHECK_DOMAIN} の検査結果` })).toBeFocused();
    await expect(page).toHaveURL(/\/ja\/tools\/check$/);
    await expectNoAxeViolations(page);
  });

  test("explains a domain it cannot read", async ({ page }) => {
    await page.goto("/en/tools/check");
    await page.getByLabel("Mail domain").fill("not a domain");
    await page.getByRole("button", { name: "Check" }).click();
    await expect(page.locator("#check-error")).toContainText("“not a domain” is not a domain name");
    await expect(page.getByLabel("Mail domain")).toHaveAttribute("aria-invalid", "true");
  });
});

test.describe("the check page without JavaScript", () => {
  test.use({ javaScriptEnabled: false, extraHTTPHeaders: { "x-forwarded-for": "198.51.100.11" } });

  test("the form posts and the page comes back with the verdict", async ({ page }) => {
    await page.goto("/ja/tools/check");
    await checkDomain(page, CHECK_DOMAIN);
    await expectVerdict(page);
  });
});

test.describe("the check page's rate limit", () => {
  test.use({ extraHTTPHeaders: { "x-forwarded-for": "198.51.100.12" } });

  test("a sixth check within a minute is refused with a clear message", async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto("/ja/tools/check");
    for (let i = 0; i < 5; i++) {
      await checkDomain(page, CHECK_DOMAIN);
      await expect(page.getByRole("heading", { level: 2, name: `${CHECK_DOMAIN} の検査結果` })).toBeVisible({
        timeout: 30_000,
      });
      await expect(page.getByRole("button", { name: "検査する" })).toBeEnabled();
    }
    await checkDomain(page, CHECK_DOMAIN);
    await expect(page.locator("[data-rate-limited]")).toContainText("1 分間に 5 回");
    await expect(page.getByRole("heading", { level: 2, name: `${CHECK_DOMAIN} の検査結果` })).toHaveCount(0);
  });
});
