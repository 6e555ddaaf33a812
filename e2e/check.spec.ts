import { execFile, spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import net from "node:net";
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
import { startDnsServer, type TestDnsServer, type Zone } from "../tests/check/dns-server";
import { expectNoAxeViolations } from "./axe";

// Live probes against real mail servers on loopback (tests/servers/start.ts), seen through the
// site: a probed service's page, and the check page. The web server must run with
// PROBE_ALLOW_LOOPBACK=1 and AUTOCONFIG_BASE_URL=http://127.0.0.1:<E2E_AUTOCONFIG_PORT> (see
// playwright.config.ts), and read the database this spec writes to (E2E_DATABASE_URL). Its DNS
// questions about a domain go to this spec's DNS server (CHECK_DNS_SERVER=127.0.0.1:<E2E_DNS_PORT>).
const DATABASE_URL = process.env.E2E_DATABASE_URL ?? "file:./.tmp/e2e.db";
const AUTOCONFIG_PORT = Number(process.env.E2E_AUTOCONFIG_PORT ?? 3399);
const DNS_PORT = Number(process.env.E2E_DNS_PORT ?? 3398);
const CHECK_DOMAIN = "local-test.example";
// exists, has an MX record, publishes no settings
const NO_SETTINGS_DOMAIN = "no-settings.example";
// publishes settings whose servers are on closed ports, and one that accepts and says nothing
const CLOSED_DOMAIN = "closed-ports.example";
// how a domain receives mail: its MX is localhost, whose port 25 is closed here (as OP25B looks
// from a blocked network); an _mta-sts TXT record whose policy host does not exist; TLS-RPT;
// TLSA records the (signed) zone does not sign; SPF and DMARC
const RECEIVING_DOMAIN = "receiving.example";

// What the spec's DNS server knows; any other name is NXDOMAIN. example.com is the check's
// control lookup (CHECK_DNS_CONTROL_NAME's default).
const ZONE: Zone = {
  "example.com": { a: ["192.0.2.10"] },
  [CHECK_DOMAIN]: { a: ["127.0.0.1"] },
  [NO_SETTINGS_DOMAIN]: { a: ["192.0.2.20"], mx: [{ exchange: "mx.no-settings.example", priority: 10 }] },
  [CLOSED_DOMAIN]: { mx: [{ exchange: "mx.closed-ports.example", priority: 10 }] },
  // the signed root: this resolver is on loopback and "validates", so DANE can be judged
  "": { signed: true },
  [RECEIVING_DOMAIN]: {
    a: ["192.0.2.30"],
    mx: [{ exchange: "localhost", priority: 10 }],
    txt: ["v=spf1 mx -all"],
    signed: true,
  },
  [`_mta-sts.${RECEIVING_DOMAIN}`]: { txt: ["v=STSv1; id=20261206"], signed: true },
  [`_smtp._tls.${RECEIVING_DOMAIN}`]: { txt: [`v=TLSRPTv1; rua=mailto:tls@${RECEIVING_DOMAIN}`], signed: true },
  [`_dmarc.${RECEIVING_DOMAIN}`]: { txt: ["v=DMARC1; p=quarantine"], signed: true },
  "_25._tcp.localhost": { tlsa: [{ usage: 3, selector: 1, matching: 1, data: "ab".repeat(32) }] },
};

type StartedServers = Omit<TestServers, "stop" | "certs"> & { caFile: string };

test.describe.configure({ mode: "serial" });

let child: ChildProcessWithoutNullStreams;
let servers: StartedServers;
let autoconfig: AutoconfigServer;
let db: PrismaClient;
let dns: TestDnsServer;
let closedPorts: number[];

// A port nothing listens on: bound once by us, then let go.
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

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
  closedPorts = [await closedPort(), await closedPort()];
  autoconfig = await startAutoconfigServer(
    {
      [CHECK_DOMAIN]: clientConfigXml(CHECK_DOMAIN, entries),
      [CLOSED_DOMAIN]: clientConfigXml(CLOSED_DOMAIN, [
        { type: "imap", hostname: "localhost", port: closedPorts[0]!, socketType: "SSL" },
        { type: "smtp", hostname: "localhost", port: closedPorts[1]!, socketType: "SSL" },
        { type: "smtp", hostname: "localhost", port: servers.silent, socketType: "STARTTLS" },
      ]),
    },
    AUTOCONFIG_PORT,
  );
  dns = await startDnsServer(ZONE, DNS_PORT);
  db = createPrismaClient(DATABASE_URL);
});

test.afterAll(async () => {
  if (db) {
    // Leaves the shared database as the other specs expect it: no extra service.
    await removeLocalTestService(db);
    await db.$disconnect();
  }
  await autoconfig?.close();
  await dns?.close();
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

type Page = import("@playwright/test").Page;

// Each test checks from an address of its own, so the rate limit (5 a minute) counts its checks only.
let clientNumber = 20;
async function asNewClient(page: Page) {
  await page.setExtraHTTPHeaders({ "x-forwarded-for": `198.51.100.${clientNumber++}` });
}

async function checkDomain(page: Page, domain: string) {
  await page.getByLabel("メールのドメイン").fill(domain);
  await page.getByRole("button", { name: "検査する", exact: true }).click();
}

async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

const resultHeading = (page: Page, domain = CHECK_DOMAIN) =>
  page.getByRole("heading", { level: 2, name: `${domain} の検査結果` });

async function expectVerdict(page: Page) {
  await expect(resultHeading(page)).toBeVisible({ timeout: 30_000 });
  // the fragment brings the result into view; with JavaScript the page drops it after moving focus
  await expect(page).toHaveURL(new RegExp(`/ja/tools/check\\?domain=${CHECK_DOMAIN}(#check-result)?$`));
  await expect(page.locator("[data-check-outcome]")).toHaveAttribute("data-check-outcome", "checked");
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
  // one card per host, its ports inside
  const localhost = page.locator('[data-host="localhost"]');
  await expect(localhost).toHaveCount(1);
  await expect(localhost.locator("[data-server]")).toHaveCount(2);
  await expect(page.locator("[data-host]")).toHaveCount(servers.dovecot ? 2 : 1);
  if (servers.dovecot)
    await expect(page.locator(`[data-host="${servers.dovecot.strictHost}"] [data-server]`)).toHaveCount(2);
  await expect(localhost.locator(`[data-server="localhost:${servers.smtp.implicitTls}"]`)).toHaveAttribute(
    "data-outcome",
    "yes",
  );
  await expect(localhost.locator(`[data-server="localhost:${servers.smtp.plainOnly}"]`)).toHaveAttribute(
    "data-outcome",
    "no",
  );
}

test.describe("the check page with JavaScript", () => {
  test("checks a domain, gives a verdict by host, and lands on the result's own URL", async ({ page }) => {
    await asNewClient(page);
    await page.goto("/ja/tools/check");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("メールサーバーの暗号化を検査する");
    await expect(page).toHaveTitle(/メールサーバーの暗号化を検査する/);
    await expectNoAxeViolations(page);
    await checkDomain(page, `postmaster@${CHECK_DOMAIN}`);
    await expectVerdict(page);
    await expect(resultHeading(page)).toBeFocused();
    await expect(page.locator("[data-share-link]")).toHaveAttribute("href", `/ja/tools/check?domain=${CHECK_DOMAIN}`);
    await expectNoAxeViolations(page);
  });

  test("explains a domain it cannot read", async ({ page }) => {
    await asNewClient(page);
    await page.goto("/en/tools/check");
    await page.getByLabel("Mail domain").fill("not a domain");
    await page.getByRole("button", { name: "Check", exact: true }).click();
    await expect(page.locator("#check-error")).toContainText("“not a domain” is not a domain name");
    await expect(page.getByLabel("Mail domain")).toHaveAttribute("aria-invalid", "true");
  });
});

test.describe("what the check says when it cannot give a verdict", () => {
  test("a domain that does not exist is called a typo, not a failure", async ({ page }) => {
    await asNewClient(page);
    await page.goto("/ja/tools/check");
    await checkDomain(page, "exmaple-typo.example");
    const outcome = page.locator('[data-check-outcome="no-such-domain"]');
    await expect(outcome).toContainText("「exmaple-typo.example」というドメインは存在しません", { timeout: 30_000 });
    await expect(outcome).toContainText("綴りを確かめてください");
    await expect(page).toHaveURL("/ja/tools/check?domain=exmaple-typo.example");
    await expect(resultHeading(page, "exmaple-typo.example")).toBeFocused();
    await expect(page.locator("[data-host]")).toHaveCount(0);
    await expect(page.locator("[data-verdict]")).toHaveCount(0);
    await expectNoAxeViolations(page);
  });

  test("a domain without published settings is never said to have them", async ({ page }) => {
    await asNewClient(page);
    await page.goto("/en/tools/check");
    await page.getByLabel("Mail domain").fill(NO_SETTINGS_DOMAIN);
    await page.getByRole("button", { name: "Check", exact: true }).click();
    const outcome = page.locator('[data-check-outcome="no-settings"]');
    await expect(outcome).toContainText(`${NO_SETTINGS_DOMAIN} publishes no mail settings`, { timeout: 30_000 });
    await expect(outcome).toContainText("mx.no-settings.example");
    await expect(page.locator(".check-result")).not.toContainText(/came from|found by guess/i);
    // the guessed imap./pop./smtp. names do not exist here: no cards for servers that are not there
    await expect(page.locator("[data-host]")).toHaveCount(0);
    await expect(page.locator("[data-verdict]")).toHaveCount(0);
    await expectNoAxeViolations(page);
  });

  test("published servers that cannot be reached are named, closed and silent ones alike", async ({ page }) => {
    await asNewClient(page);
    await page.goto("/ja/tools/check");
    await checkDomain(page, CLOSED_DOMAIN);
    const outcome = page.locator('[data-check-outcome="unreachable"]');
    await expect(outcome).toContainText("メールサーバーに接続できませんでした", { timeout: 30_000 });
    const ports = [...closedPorts, servers.silent];
    for (const port of ports) await expect(outcome).toContainText(`localhost:${port}`);
    const card = page.locator('[data-host="localhost"]');
    await expect(card).toHaveCount(1);
    await expect(card.locator("[data-server]")).toHaveCount(3);
    // a refused connection and a silent port read the same, so the page is no port scanner
    for (const port of ports) {
      await expect(card.locator(`[data-server="localhost:${port}"] .check-port__result`)).toHaveText(
        "接続できませんでした (ポートが閉じているか、応答がありません)",
      );
    }
    await expect(page.locator(".check-result")).not.toContainText(/unresolvable|ECONNREFUSED|断られ|時間切れ/);
    // nor does what was stored
    const stored = await db.checkResult.findUniqueOrThrow({ where: { domain: CLOSED_DOMAIN } });
    const failures = (stored.report as { servers: Array<{ failure: unknown }> }).servers.map((s) => s.failure);
    expect(new Set(failures.map((f) => JSON.stringify(f))).size).toBe(1);
    await expectNoAxeViolations(page);
  });

  test("our own resolver failing is our problem, not the domain's, and is not stored", async ({ page }) => {
    await asNewClient(page);
    await page.goto("/ja/tools/check");
    await dns.close();
    try {
      await checkDomain(page, "outage.example");
      const outcome = page.locator('[data-check-outcome="network-failed"]');
      await expect(outcome).toContainText("こちらのネットワークの問題で、検査できませんでした", { timeout: 30_000 });
      await expect(outcome).toContainText("outage.example に問題があるとは限りません");
    } finally {
      dns = await startDnsServer(ZONE, DNS_PORT);
    }
    await expect(page).toHaveURL("/ja/tools/check");
    expect(await db.checkResult.findUnique({ where: { domain: "outage.example" } })).toBeNull();
    await expectNoAxeViolations(page);
  });
});

test.describe("the check page without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the form posts and the page comes back at the result's URL with the verdict", async ({ page }) => {
    await asNewClient(page);
    await page.goto("/ja/tools/check");
    await checkDomain(page, CHECK_DOMAIN);
    await expectVerdict(page);
  });

  test("a shared URL shows the stored result without probing, and run again checks anew", async ({ page }) => {
    await asNewClient(page);
    const url = `/ja/tools/check?domain=${CHECK_DOMAIN}`;
    await page.goto(url);
    await expect(resultHeading(page)).toBeVisible();
    const checkedAt = await page.locator("[data-checked-at]").getAttribute("data-checked-at");
    expect(checkedAt).not.toBeNull();
    const stored = await db.checkResult.findUniqueOrThrow({ where: { domain: CHECK_DOMAIN } });
    expect(stored.checkedAt.toISOString()).toBe(checkedAt);
    await page.reload();
    await expect(page.locator("[data-checked-at]")).toHaveAttribute("data-checked-at", checkedAt!);
    await expect(page.locator("[data-checked-at]")).toContainText("検査日時: ");

    await page.getByRole("button", { name: "もう一度検査する" }).click();
    await expect(page).toHaveURL(`${url}#check-result`);
    await expect(page.locator("[data-checked-at]")).not.toHaveAttribute("data-checked-at", checkedAt!, {
      timeout: 30_000,
    });
  });

  test("a domain never checked is offered a check, and a bad one a message, never a probe", async ({ page }) => {
    await asNewClient(page);
    const response = await page.goto("/en/tools/check?domain=never-checked.example");
    expect(response?.status()).toBe(200);
    await expect(page.locator("[data-not-checked]")).toContainText("never-checked.example has not been checked yet");
    await expect(page.getByRole("button", { name: "Check never-checked.example" })).toBeVisible();
    expect(await db.checkResult.findUnique({ where: { domain: "never-checked.example" } })).toBeNull();

    const bad = await page.goto("/en/tools/check?domain=not%20a%20domain");
    expect(bad?.status()).toBe(200);
    await expect(page.locator("[data-invalid-param]")).toContainText(
      "“not a domain” in the address is not a domain name",
    );
    await page.goto("/en/tools/check?domain=a&domain=b");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check a mail domain's encryption");
  });
});

test.describe("how the domain receives mail", () => {
  async function expectReceivingSection(page: Page, locale: "ja" | "en") {
    const section = page.locator(`[data-mail-domain="${RECEIVING_DOMAIN}"]`);
    await expect(section).toBeVisible({ timeout: 30_000 });
    const item = (property: string) => section.locator(`[data-property="${property}"]`);
    // port 25 unreachable from here: no claim, never "not supported"
    await expect(item("mx-starttls")).toHaveAttribute("data-claim", "none");
    await expect(item("mta-sts")).toHaveAttribute("data-claim", "no");
    await expect(item("tls-rpt")).toHaveAttribute("data-claim", "yes");
    await expect(item("dane")).toHaveAttribute("data-claim", "no");
    if (locale === "ja") {
      await expect(section.getByRole("heading", { level: 3 })).toHaveText("このドメインが受け取るメールの保護");
      await expect(item("mx-starttls")).toContainText("ここからは確かめられませんでした");
      await expect(item("mx-starttls")).toContainText("OP25B");
      await expect(item("mx-starttls")).not.toContainText("非対応");
      await expect(item("mta-sts")).toContainText(`mta-sts.${RECEIVING_DOMAIN} が DNS にありません`);
      await expect(item("tls-rpt")).toContainText(`mailto:tls@${RECEIVING_DOMAIN}`);
      await expect(item("dane")).toContainText("DNSSEC で署名されていません");
      await expect(section.locator('[data-context="dmarc"]')).toContainText("quarantine");
      await expect(section.locator('a[href="/ja/articles/mx-security"]')).toBeVisible();
      await expect(item("mx-starttls").locator('a[href="/ja/articles/op25b"]')).toBeVisible();
    } else {
      await expect(section.getByRole("heading", { level: 3 })).toHaveText("How this domain receives mail");
      await expect(item("mx-starttls")).toContainText("Could not test from here");
      await expect(item("mx-starttls")).toContainText("Outbound Port 25 Blocking");
      await expect(item("mx-starttls")).not.toContainText("Not supported");
      await expect(item("mta-sts")).toContainText("a TXT record without a policy");
      await expect(item("dane")).toContainText("not DNSSEC-signed");
    }
  }

  test("the check says what protects mail sent to the domain, with JavaScript and without", async ({
    page,
    browser,
  }) => {
    test.setTimeout(120_000);
    await asNewClient(page);
    await page.goto("/ja/tools/check");
    await checkDomain(page, RECEIVING_DOMAIN);
    await expectReceivingSection(page, "ja");
    await expectNoAxeViolations(page);

    const noScript = await browser.newContext({
      javaScriptEnabled: false,
      baseURL: test.info().project.use.baseURL,
      extraHTTPHeaders: { "x-forwarded-for": `198.51.100.${clientNumber++}` },
    });
    try {
      const plain = await noScript.newPage();
      await plain.goto("/en/tools/check");
      await plain.getByLabel("Mail domain").fill(RECEIVING_DOMAIN);
      await plain.getByRole("button", { name: "Check", exact: true }).click();
      await expect(plain).toHaveURL(new RegExp(`/en/tools/check\\?domain=${RECEIVING_DOMAIN}`));
      // (axe needs JavaScript; the sizes test below runs it on this stored result)
      await expectReceivingSection(plain, "en");
    } finally {
      await noScript.close();
    }
  });
});

test.describe("the stored result at both sizes and in both languages", () => {
  for (const size of [
    { name: "phone", width: 390, height: 844 },
    { name: "desktop", width: 1366, height: 900 },
  ]) {
    for (const locale of ["ja", "en"] as const) {
      test(`${locale} at ${size.name} size: no sideways scroll, nothing for axe`, async ({ page }) => {
        // four pages, each through axe, on two busy cores: a hang guard, not a speed goal
        test.setTimeout(120_000);
        await page.setViewportSize({ width: size.width, height: size.height });
        await page.goto(`/${locale}/tools/check`);
        await expectNoSidewaysScroll(page);
        await expectNoAxeViolations(page);
        for (const domain of [CHECK_DOMAIN, CLOSED_DOMAIN, NO_SETTINGS_DOMAIN, RECEIVING_DOMAIN]) {
          await page.goto(`/${locale}/tools/check?domain=${domain}`);
          await expect(page.locator("[data-checked-at]")).toBeVisible();
          await expect(page).toHaveTitle(new RegExp(domain.replace(/\./g, "\\.")));
          await expectNoSidewaysScroll(page);
          await expectNoAxeViolations(page);
        }
      });
    }
  }
});

test.describe("the check page's rate limit", () => {
  test("a sixth check within a minute is refused with a clear message", async ({ page }) => {
    test.setTimeout(120_000);
    await asNewClient(page);
    await page.goto("/ja/tools/check");
    for (let i = 0; i < 5; i++) {
      await checkDomain(page, CHECK_DOMAIN);
      await expect(resultHeading(page)).toBeVisible({ timeout: 30_000 });
      await expect(page.getByRole("button", { name: "検査する", exact: true })).toBeEnabled();
    }
    const checkedAt = await page.locator("[data-checked-at]").getAttribute("data-checked-at");
    await checkDomain(page, CHECK_DOMAIN);
    await expect(page.locator("[data-rate-limited]")).toContainText("1 分間に 5 回");
    // refused before probing: the stored result is the one from before
    await expect(page.locator("[data-checked-at]")).toHaveAttribute("data-checked-at", checkedAt!);
  });
});
