import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/db";
import { parseProbeDetails } from "@/lib/probe/evidence";
import { createTempDatabase, REPO_ROOT, seedReviewedData } from "../helpers/temp-db";
import { isDovecotInstalled, startTestServers, type TestServers } from "../servers";
import { insertLocalTestService, LOCAL_SERVICE_SLUG } from "../servers/local-service";

const run = promisify(execFile);

let servers: TestServers;
let database: ReturnType<typeof createTempDatabase>;
let db: PrismaClient;

// The CLI as npm runs it (tsx scripts/probe.ts; node --import tsx skips npx's start-up), against
// a seeded temporary database.
async function probeCli(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", "scripts/probe.ts", ...args], {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        DATABASE_URL: database.url,
        PROBE_ALLOW_LOOPBACK: "1",
        NODE_EXTRA_CA_CERTS: servers.certs.caFile,
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

async function probeClaims() {
  return db.claim.findMany({
    where: { service: { slug: LOCAL_SERVICE_SLUG }, source: { key: "live-probe" } },
    select: {
      value: true,
      asOf: true,
      note: true,
      details: true,
      isCurrent: true,
      property: { select: { key: true } },
    },
    orderBy: { property: { position: "asc" } },
  });
}

beforeAll(async () => {
  // Dovecot's endpoints are added when it is installed; the SMTP ones carry the test on their own.
  servers = await startTestServers({ dovecot: isDovecotInstalled() });
  database = createTempDatabase();
  db = createPrismaClient(database.url);
  await seedReviewedData(db);
  await insertLocalTestService(db, servers);
});

afterAll(async () => {
  await db?.$disconnect();
  database?.cleanup();
  await servers?.stop();
});

describe("npm run probe -- <service>", () => {
  it("probes the service's endpoints and stores today's evidence as claims", async () => {
    const { code, stdout } = await probeCli([LOCAL_SERVICE_SLUG, "--timeout", "3000"]);
    expect(code).toBe(0);
    expect(stdout).toContain(`Probe of ${LOCAL_SERVICE_SLUG}`);
    expect(stdout).toContain("! not offered");
    expect(stdout).toContain("! password methods offered before TLS: PLAIN LOGIN");
    expect(stdout).toMatch(/Stored \d+ claim\(s\) for local-test-mail from source "live-probe"/);

    const today = new Date().toISOString().slice(0, 10);
    const claims = await probeClaims();
    const values = Object.fromEntries(claims.map((c) => [c.property.key, c.value]));
    expect(values).toMatchObject({ smtps: "yes", "submission-starttls": "no", "smtp-auth": "yes", "cram-md5": "yes" });
    if (servers.dovecot)
      expect(values).toMatchObject({ imaps: "yes", "imap-starttls": "yes", "pop3-stls": "yes", apop: "no" });
    for (const c of claims) {
      expect(c.asOf).toBe(today);
      // today's probe is newer than the 2006 page, and first-hand
      expect(c.isCurrent).toBe(true);
      expect(c.note).toBeTruthy();
    }
    const smtps = claims.find((c) => c.property.key === "smtps")!;
    const details = parseProbeDetails(smtps.details);
    expect(details?.endpoints[0]).toMatchObject({
      port: servers.smtp.implicitTls,
      outcome: "yes",
      chainValid: true,
      hostnameMatches: true,
      certExpired: false,
      authAfterTls: ["PLAIN", "LOGIN", "CRAM-MD5"],
    });
    expect(details?.endpoints[0]?.tlsVersion).toMatch(/^TLSv1\.[23]$/);
    expect(details?.endpoints[0]?.timings.totalMs).toBeGreaterThan(0);
    const starttls = claims.find((c) => c.property.key === "submission-starttls")!;
    expect(parseProbeDetails(starttls.details)?.endpoints[0]).toMatchObject({
      starttlsOffered: false,
      plaintextAuthBeforeTls: ["PLAIN", "LOGIN"],
    });

    const service = await db.service.findUniqueOrThrow({
      where: { slug: LOCAL_SERVICE_SLUG },
      select: { supportCount: true },
    });
    expect(service.supportCount).toBe(claims.filter((c) => c.value === "yes").length);
  });

  it("replaces the same day's earlier probe instead of adding to it", async () => {
    const before = await probeClaims();
    const { code } = await probeCli([LOCAL_SERVICE_SLUG, "--sequential", "--timeout", "3000"]);
    expect(code).toBe(0);
    const after = await probeClaims();
    expect(after.map((c) => c.property.key)).toEqual(before.map((c) => c.property.key));
  });

  it("prints without storing when told --no-store, and probes a bare host on the ports given", async () => {
    await db.claim.deleteMany({ where: { source: { key: "live-probe" } } });
    const [{ code, stdout }, stored] = await Promise.all([
      probeCli(["localhost", "--ports", `${servers.smtp.implicitTls}=smtps`, "--no-store"]),
      probeCli([LOCAL_SERVICE_SLUG, "--no-store"]),
    ]);
    expect(code).toBe(0);
    expect(stdout).toContain(`SMTP localhost:${servers.smtp.implicitTls} (implicit TLS)`);
    expect(stdout).toContain("chain        trusted");
    expect(stored.stdout).toContain("Not stored (--no-store)");
    expect(await probeClaims()).toEqual([]);
  });

  it("says so when a service has no endpoints, and refuses loopback and other ports unless allowed", async () => {
    const [none, refused, notMail] = await Promise.all([
      probeCli(["cpi"]),
      probeCli(["localhost", "--ports", "465"], { PROBE_ALLOW_LOOPBACK: "" }),
      // refused before DNS is asked, so the name is never looked up
      probeCli(["mail.example.com", "--ports", "8080=smtps"], { PROBE_ALLOW_LOOPBACK: "" }),
    ]);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain("has no recorded mail server endpoints");
    expect(refused.stdout).toContain("refused-address");
    expect(refused.stdout).toContain("PROBE_ALLOW_LOOPBACK=1");
    expect(notMail.stdout).toContain("refused-port");
    expect(notMail.stdout).toContain("the probe connects only to mail ports (25, 110, 143, 465, 587, 993, 995, 2525)");
    expect(notMail.stdout).toContain("PROBE_ALLOW_LOOPBACK=1");
  });

  it("rejects bad arguments with the usage text", async () => {
    const [bad, unknown] = await Promise.all([
      probeCli(["localhost", "--timeout", "soon"]),
      probeCli(["no-such-service"]),
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--timeout");
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('no service with the slug "no-such-service"');
  });
});
