import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const BASE_URL = process.env.E2E_BASE_URL ?? `http://127.0.0.1:${PORT}`;
const SYSTEM_CHROMIUM = "/usr/bin/chromium";

// Playwright's own browser downloads are unreachable here; Debian's chromium is used instead.
const launchOptions = {
  executablePath: existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : undefined,
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
};

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: process.env.CI ? 1 : 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL: BASE_URL,
    locale: "ja-JP",
    trace: "retain-on-failure",
    launchOptions,
  },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], launchOptions } },
    { name: "mobile", use: { ...devices["Pixel 7"], launchOptions } },
  ],
  // A production build on its own database file, migrated and seeded from data/ first.
  webServer: process.env.E2E_BASE_URL
    ? undefined
    : {
        command: "bash e2e/serve.sh",
        url: `${BASE_URL}/ja`,
        timeout: 600_000,
        reuseExistingServer: !process.env.CI,
        env: { E2E_PORT: String(PORT) },
        stdout: "pipe",
        stderr: "pipe",
      },
});
