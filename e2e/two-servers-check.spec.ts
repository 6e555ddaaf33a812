import { execFile, spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { createInterface } from "node:readline";
import { promisify } from "node:util";
import { expect, test, type Page } from "@playwright/test";
import { startDnsServer, type TestDnsServer } from "../tests/check/dns-server";

// Two app processes (server.ts, the production build the other specs use) on one database of
// their own: the check page's per-client limit holds across both, as behind a proxy that sends a
// visitor to either (decision 0012). Ports: E2E_PORT + 3 and + 5 for the servers, + 4 for the
// DNS server both ask, which answers NXDOMAIN for every checked name, so each check is quick.
const BASE_PORT = Number(process.env.E2E_PORT ?? 3100);
const PORTS = [BASE_PORT + 3, BASE_PORT + 5];
const DNS_PORT = BASE_PORT + 4;
const DIST_DIR = ".next-e2e";
const DATABASE_FILE = ".tmp/e2e-two-servers.db";
const DATABASE_URL = `file:./${DATABASE_FILE}`;

test.describe.configure({ mode: "serial" });
// the build comes from e2e/serve.sh; a run against E2E_BASE_URL has none here
test.skip(!existsSync(`${DIST_DIR}/BUILD_ID`), `no production build in ${DIST_DIR}`);

let servers: ChildProcessWithoutNullStreams[] = [];
let dns: TestDnsServer | undefined;

function startServer(port: number): Promise<ChildProcessWithoutNullStreams> {
  const child = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_DIST_DIR: DIST_DIR,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL,
      // the browser names its client in X-Forwarded-For, as a proxy on loopback would
      TRUSTED_PROXIES: "127.0.0.1",
      CHECK_DNS_SERVER: `127.0.0.1:${DNS_PORT}`,
      CHECK_DNS_TIMEOUT_MS: "2000",
    },
  });
  let output = "";
  const collect = (chunk: Buffer) => (output += chunk.toString());
  child.stderr.on("data", collect);
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).on("line", (line) => {
      if (line.startsWith("> Ready on")) resolve(child);
      else output += `${line}\n`;
    });
    child.once("exit", (code) => reject(new Error(`server.ts on ${port} exited with ${code}:\n${output}`)));
  });
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  rmSync(DATABASE_FILE, { force: true });
  await promisify(execFile)(process.execPath, ["--import", "tsx", "prisma/migrate.ts", "deploy"], {
    env: { ...process.env, DATABASE_URL },
  });
  // example.com is the check's control name: it resolves, so NXDOMAIN means "no such domain"
  dns = await startDnsServer({ "example.com": { a: ["192.0.2.10"] } }, DNS_PORT);
  servers = await Promise.all(PORTS.map(startServer));
});

test.afterAll(async () => {
  await Promise.all(
    servers.map((child) => {
      if (child.exitCode !== null) return Promise.resolve();
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      return exited;
    }),
  );
  await dns?.close();
  rmSync(DATABASE_FILE, { force: true });
});

async function checkOn(page: Page, port: number, domain: string) {
  await page.goto(`http://127.0.0.1:${port}/ja/tools/check`);
  await page.getByLabel("メールのドメイン").fill(domain);
  await page.getByRole("button", { name: "検査する", exact: true }).click();
}

test("one client gets five checks a minute from two app processes together, not five from each", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "198.51.100.240" } });
  const page = await context.newPage();
  for (let i = 0; i < 5; i++) {
    const domain = `typo-${i}.example`;
    await checkOn(page, PORTS[i % 2]!, domain);
    await expect(page.getByRole("heading", { level: 2, name: `${domain} の検査結果` })).toBeVisible({
      timeout: 30_000,
    });
  }
  // three went through the first process and two through the second: both refuse the sixth
  for (const port of PORTS) {
    await checkOn(page, port, "typo-5.example");
    await expect(page.locator("[data-rate-limited]")).toContainText("1 分間に 5 回");
  }
  // another client is counted apart, on either process
  await context.setExtraHTTPHeaders({ "x-forwarded-for": "198.51.100.241" });
  await checkOn(page, PORTS[1]!, "typo-6.example");
  await expect(page.getByRole("heading", { level: 2, name: "typo-6.example の検査結果" })).toBeVisible({
    timeout: 30_000,
  });
  await context.close();
});
