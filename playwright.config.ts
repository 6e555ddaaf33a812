import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_LAUNCH_OPTIONS } from "./e2e/chromium";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const BASE_URL = process.env.E2E_BASE_URL ?? `http://127.0.0.1:${PORT}`;
// e2e/check.spec.ts serves the check page's autoconfig answers here (the server is told below).
const AUTOCONFIG_PORT = Number(process.env.E2E_AUTOCONFIG_PORT ?? 3399);
// ...and answers the check's DNS questions (NXDOMAIN, MX) from a DNS server on this UDP port.
const DNS_PORT = Number(process.env.E2E_DNS_PORT ?? 3398);

const launchOptions = CHROMIUM_LAUNCH_OPTIONS;

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: process.env.CI ? 1 : 0,
  // axe on a long page takes seconds on a 2-core machine; this is a hang guard, not a speed goal
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL: BASE_URL,
    locale: "ja-JP",
    trace: "retain-on-failure",
    launchOptions,
  },
  projects: [
    // The two sizes the site is designed and reviewed at: a common phone and a common laptop.
    {
      name: "desktop",
      testIgnore: /(check|catalogue-cache|changes|mail-domain)\.spec\.ts/,
      use: { ...devices["Desktop Chrome"], viewport: { width: 1366, height: 900 }, launchOptions },
    },
    {
      name: "mobile",
      testIgnore: /(check|catalogue-cache|changes|mail-domain)\.spec\.ts/,
      use: { ...devices["Pixel 7"], viewport: { width: 390, height: 844 }, launchOptions },
    },
    // check.spec.ts adds a service to the shared e2e database for a while and
    // catalogue-cache.spec.ts changes a claim, so they run after the specs that read the
    // catalogue, never beside them. On its own:
    //   npx playwright test e2e/check.spec.ts --no-deps
    {
      name: "check",
      testMatch: /check\.spec\.ts/,
      dependencies: ["desktop", "mobile"],
      use: { ...devices["Desktop Chrome"], launchOptions },
    },
    // changes.spec.ts adds dated claims to one service for a while, so it too runs after the
    // readers (the catalogue's "newest first" and the site-wide pages would see them), and after
    // check.spec.ts, whose probe stores today's claims for a new service: beside it, those would
    // be the newest changes the recent-changes page and feeds list.
    {
      name: "changes",
      testMatch: /changes\.spec\.ts/,
      dependencies: ["check"],
      use: { ...devices["Desktop Chrome"], launchOptions },
    },
    // Re-seeds the shared database (which would remove check.spec.ts's service and
    // changes.spec.ts's claims), so after both (changes runs after check).
    {
      name: "catalogue-cache",
      testMatch: /catalogue-cache\.spec\.ts/,
      dependencies: ["changes"],
      use: { ...devices["Desktop Chrome"], launchOptions },
    },
    // mail-domain.spec.ts adds the mail-domain claims of one service for a while (the catalogue's
    // summary cell, the service page's group), so it runs last: its claims change no other
    // spec's counts. Alone: --project mail-domain --no-deps.
    {
      name: "mail-domain",
      testMatch: /mail-domain\.spec\.ts/,
      dependencies: ["catalogue-cache"],
      use: { ...devices["Desktop Chrome"], launchOptions },
    },
  ],
  // A production build on its own database file, migrated and seeded from data/ first.
  webServer: process.env.E2E_BASE_URL
    ? undefined
    : {
        command: "bash e2e/serve.sh",
        url: `${BASE_URL}/ja`,
        timeout: 600_000,
        reuseExistingServer: !process.env.CI,
        env: {
          E2E_PORT: String(PORT),
          // The check page probes the local test servers and reads their settings from the
          // spec's own autoconfig server, both on loopback (refused in production).
          PROBE_ALLOW_LOOPBACK: "1",
          AUTOCONFIG_BASE_URL: `http://127.0.0.1:${AUTOCONFIG_PORT}`,
          AUTOCONFIG_TIMEOUT_MS: "5000",
          CHECK_DNS_SERVER: `127.0.0.1:${DNS_PORT}`,
          PROBE_TIMEOUT_MS: "5000",
          // service pages offer correction links and /.well-known/security.txt answers only with a contact
          CORRECTIONS_CONTACT: "corrections@example.jp",
          // The browser is the only client, on loopback: trusting loopback as a proxy lets each
          // check test name a client of its own in X-Forwarded-For (check.spec.ts), and the
          // per-domain limit is raised because the tests check one domain many times.
          TRUSTED_PROXIES: "127.0.0.1",
          CHECK_LIMIT_PER_DOMAIN: "1000",
        },
        stdout: "pipe",
        stderr: "pipe",
      },
});
