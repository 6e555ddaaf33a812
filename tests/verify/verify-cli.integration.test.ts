import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/db";
import { isPostgresUrl, psql } from "../helpers/postgres";
import { createSeededDatabase, REPO_ROOT, type TempDatabase } from "../helpers/temp-db";
import { startTestServers, type TestServers } from "../servers";
import { insertLocalTestService, LOCAL_SERVICE_SLUG } from "../servers/local-service";

const run = promisify(execFile);

let servers: TestServers;
let database: TempDatabase;
let db: PrismaClient;

const ON_POSTGRES = isPostgresUrl(process.env.DATABASE_URL ?? "");

// npm run verify as npm runs it (node --import tsx skips npx's start-up), against local SMTP
// servers. --in-process runs the jobs here on either database (on SQLite it is the default).
async function verifyCli(args: string[], env: Record<string, string> = {}, here = true) {
  try {
    const argv = ["--import", "tsx", "scripts/verify.ts", ...args, ...(here ? ["--in-process"] : [])];
    const { stdout, stderr } = await run(process.execPath, argv, {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        DATABASE_URL: database.url,
        PROBE_ALLOW_LOOPBACK: "1",
        NODE_EXTRA_CA_CERTS: servers.certs.caFile,
        VERIFY_HOST_PAUSE_MS: "0",
        VERIFY_STEP_TIMEOUT_MS: "10000",
        ...env,
      },
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

beforeAll(async () => {
  servers = await startTestServers({ dovecot: false });
  database = await createSeededDatabase();
  db = createPrismaClient(database.url);
  await insertLocalTestService(db, { ...servers, dovecot: null });
}, 120_000);

afterAll(async () => {
  await db?.$disconnect();
  database?.cleanup();
  await servers?.stop();
});

describe("npm run verify", () => {
  it("verifies a service and says per service what was verified again, changed and unreachable", async () => {
    const { code, stdout } = await verifyCli([LOCAL_SERVICE_SLUG, "--today", "2026-12-01"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(
      new RegExp(`${LOCAL_SERVICE_SLUG}: 2 endpoint\\(s\\), \\d+ verified again, \\d+ changed, 0 unreachable`),
    );
    const again = await verifyCli([LOCAL_SERVICE_SLUG, "--today", "2026-12-02"]);
    expect(again.stdout).toMatch(
      new RegExp(`${LOCAL_SERVICE_SLUG}: 2 endpoint\\(s\\), [1-9]\\d* verified again, 0 changed`),
    );
    expect(await db.claimVerification.count({ where: { day: "2026-12-02" } })).toBeGreaterThan(0);
  });

  it("refuses bad arguments and unknown services with the usage, exit 2", async () => {
    const [none, unknown, both] = await Promise.all([
      verifyCli([]),
      verifyCli(["no-such-service"]),
      verifyCli(["--all", LOCAL_SERVICE_SLUG]),
    ]);
    for (const r of [none, unknown, both]) {
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("Usage: npm run verify");
    }
    expect(unknown.stderr).toContain('no service with the slug "no-such-service"');
  });

  it.skipIf(!ON_POSTGRES)("on PostgreSQL queues the services for the workers instead (skipped on SQLite)", async () => {
    const { code, stdout } = await verifyCli([LOCAL_SERVICE_SLUG], {}, false);
    expect(code).toBe(0);
    expect(stdout).toContain("Queued 1 service(s) for the workers");
    expect(psql(database.url, "SELECT data->>'slug' FROM pgboss.job WHERE name = 'verify-service'").trim()).toBe(
      LOCAL_SERVICE_SLUG,
    );
    const dated = await verifyCli([LOCAL_SERVICE_SLUG, "--today", "2026-12-03"], {}, false);
    expect(dated.code).toBe(2);
    expect(dated.stderr).toContain("give --in-process with it");
  });

  it("retries a service it cannot reach, then exits 1", async () => {
    await servers.stop();
    const { code, stdout } = await verifyCli([LOCAL_SERVICE_SLUG], {
      VERIFY_RETRIES: "1",
      VERIFY_RETRY_BACKOFF_MS: "10",
    });
    expect(code).toBe(1);
    expect(stdout).toContain(`${LOCAL_SERVICE_SLUG}: failed after 2 attempts`);
    expect(stdout).toContain("1 failed");
  });
});
