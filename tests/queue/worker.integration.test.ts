import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/db";
import { readQueueConfig } from "@/lib/queue/config";
import { enqueueVerifications, startBoss, VERIFY_QUEUE, type Boss } from "@/lib/queue/queue";
import { createEndpointServices } from "../helpers/endpoint-services";
import { isPostgresUrl, psql } from "../helpers/postgres";
import { createTempDatabase, type TempDatabase } from "../helpers/temp-db";
import { spawnWorker, type WorkerProcess } from "../helpers/worker-process";
import { closedPort, startSlowSmtp, type SlowSmtpServer } from "../servers/slow-smtp";

// The queue needs PostgreSQL (decision 0011); on the embedded SQLite default these are skipped.
const onPostgres = isPostgresUrl(inject("migratedTemplate"));
const title = onPostgres
  ? "verification queue: two worker processes on PostgreSQL"
  : "verification queue (skipped: needs DATABASE_URL=postgresql://…, see scripts/test-postgres.sh)";

const PER_HOST = 2;
const PAUSE_MS = 1500;
const BACKOFF_MS = 1000;
async function jobCount(boss: Boss): Promise<number> {
  const { rows } = await boss
    .getDb()
    .executeSql("SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1", [VERIFY_QUEUE]);
  return (rows[0] as { n: number }).n;
}

const BUSY = Array.from({ length: 8 }, (_, i) => `busy-${i + 1}`);

describe.skipIf(!onPostgres)(title, () => {
  let database: TempDatabase;
  let db: PrismaClient;
  let boss: Boss;
  let busy: SlowSmtpServer;
  let quiet: SlowSmtpServer;
  let workers: WorkerProcess[] = [];
  let states: Map<string, { state: string; retries: number; output: string }>;
  let exitCodes: Array<number | null>;
  let queued: number;

  beforeAll(async () => {
    database = createTempDatabase();
    db = createPrismaClient(database.url);
    [busy, quiet] = await Promise.all([startSlowSmtp({ name: "mx.busy.test", delayMs: () => 100 }), startSlowSmtp()]);
    const down = await closedPort();
    // Each busy service has one endpoint on the one busy host and one on a host of its own.
    await createEndpointServices(db, [
      ...BUSY.map((slug, i) => ({
        slug,
        endpoints: [
          { host: "mx.busy.test", port: busy.port },
          { host: `mx.quiet-${i}.test`, port: quiet.port },
        ],
      })),
      { slug: "down", endpoints: [{ host: "mx.down.test", port: down }] },
    ]);
    const hosts: Record<string, string> = { "mx.busy.test": "127.0.0.1", "mx.down.test": "127.0.0.1" };
    BUSY.forEach((_, i) => (hosts[`mx.quiet-${i}.test`] = "127.0.0.1"));
    const env = {
      DATABASE_URL: database.url,
      VERIFY_CONCURRENCY: "4",
      VERIFY_PER_HOST: String(PER_HOST),
      VERIFY_HOST_PAUSE_MS: String(PAUSE_MS),
      VERIFY_STEP_TIMEOUT_MS: "3000",
      VERIFY_RETRIES: "1",
      VERIFY_RETRY_BACKOFF_MS: String(BACKOFF_MS),
      VERIFY_POLL_SECONDS: "0.5",
      VERIFY_TEST_HOSTS: JSON.stringify(hosts),
    };
    boss = await startBoss(database.url, readQueueConfig(env));
    await enqueueVerifications(boss, db, "all");
    // asked again while they wait: nothing more is queued
    await enqueueVerifications(boss, db, [...BUSY, "down"]);
    // a job for a service that does not exist (deleted after it was queued)
    await boss.send(VERIFY_QUEUE, { slug: "gone" }, { singletonKey: "gone" });
    queued = await jobCount(boss);
    workers = [spawnWorker(env), spawnWorker(env)];
    await Promise.all(workers.map((w) => w.ready));

    const deadline = Date.now() + 90_000;
    for (;;) {
      // not psql: a blocking call would stall the servers' replies and close events in this process
      const result = await boss
        .getDb()
        .executeSql(
          `SELECT data->>'slug' AS slug, state, retry_count AS retries, output::text AS output FROM pgboss.job WHERE name = $1`,
          [VERIFY_QUEUE],
        );
      const rows: Array<{ slug: string; state: string; retries: number; output: string | null }> = result.rows;
      states = new Map(rows.map((r) => [r.slug, { state: r.state, retries: r.retries, output: r.output ?? "" }]));
      const jobs = [...states.values()];
      if (rows.length >= BUSY.length + 2 && jobs.every((j) => j.state === "completed" || j.state === "failed")) break;
      if (Date.now() > deadline) throw new Error(`jobs not done in 90 s: ${JSON.stringify([...states])}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    exitCodes = await Promise.all(workers.map((w) => w.stop()));
  }, 150_000);

  afterAll(async () => {
    await Promise.allSettled(workers.map((w) => w.stop()));
    await boss?.stop({ graceful: false });
    await db?.$disconnect();
    await Promise.allSettled([busy?.close(), quiet?.close()]);
    database?.cleanup();
  });

  const log = (w: WorkerProcess) => w.lines.map((l) => l.text);

  it("queues each service once and both processes take jobs", () => {
    expect(queued).toBe(BUSY.length + 2);
    expect(states.size).toBe(BUSY.length + 2);
    for (const worker of workers)
      expect(log(worker).filter((l) => l.startsWith("done busy-")).length).toBeGreaterThan(0);
  });

  it("never opens more than the per-host limit to one host across both processes, with the pause", () => {
    // a job whose write timed out behind another's is run again (P2028), so at least one each
    expect(busy.connections()).toBeGreaterThanOrEqual(BUSY.length);
    expect(busy.peak()).toBe(PER_HOST);
    // A slot is taken from a check's start until its pause after the end: no check starts while
    // PER_HOST others are inside that window (with a margin: the server sees a close a moment
    // after the client, and a loaded machine stretches that moment: half the pause, which still
    // fails a limiter that does not pause at all).
    const intervals = busy.intervals();
    for (const [start] of intervals) {
      const holding = intervals.filter(([s, e]) => s < start && start < e + PAUSE_MS / 2);
      expect(holding.length).toBeLessThan(PER_HOST);
    }
  });

  it("completes the services whose server answered 'no', never retrying for the answer", () => {
    for (const slug of BUSY) expect(states.get(slug)?.state).toBe("completed");
    // Retried only for a transient database error (the placeholder job's writes wait for each
    // other's locks), never for the server's answer.
    const retries = workers.flatMap((w) => w.lines).filter((l) => l.text.startsWith("retry busy-"));
    for (const line of retries) expect(line.text).not.toContain("RetryableVerifyError");
  });

  it("retries a network failure once, after the backoff, then fails it", () => {
    expect(states.get("down")).toMatchObject({ state: "failed", retries: 1 });
    const retries = workers
      .flatMap((w) => w.lines)
      .filter((l) => l.text.startsWith("retry down: RetryableVerifyError"));
    expect(retries).toHaveLength(2);
    const [first, second] = retries.map((l) => l.at).sort((a, b) => a - b);
    expect(second! - first!).toBeGreaterThanOrEqual(BACKOFF_MS - 100);
  });

  it("fails an unknown service at once, keeping the error", () => {
    expect(states.get("gone")).toMatchObject({ state: "failed", retries: 0 });
    expect(states.get("gone")?.output).toContain('no service with the slug \\"gone\\"');
  });

  it("stops on SIGTERM with exit code 0", () => {
    expect(exitCodes).toEqual([0, 0]);
    for (const worker of workers) expect(log(worker).some((l) => l.endsWith(": stopped"))).toBe(true);
  });
});

describe.skipIf(!onPostgres)(`${title}: stopping`, () => {
  it("finishes a running job on SIGTERM before it exits", async () => {
    const database = createTempDatabase();
    const db = createPrismaClient(database.url);
    const slow = await startSlowSmtp({ name: "mx.slow.test", delayMs: () => 1500 });
    let worker: WorkerProcess | undefined;
    let boss: Boss | undefined;
    try {
      await createEndpointServices(db, [{ slug: "slow", endpoints: [{ host: "mx.slow.test", port: slow.port }] }]);
      const env = {
        DATABASE_URL: database.url,
        VERIFY_POLL_SECONDS: "0.5",
        VERIFY_TEST_HOSTS: JSON.stringify({ "mx.slow.test": "127.0.0.1" }),
      };
      worker = spawnWorker(env);
      await worker.ready;
      boss = await startBoss(database.url, readQueueConfig(env));
      await enqueueVerifications(boss, db, ["slow"]);
      const state = () => psql(database.url, `SELECT state FROM pgboss.job WHERE name = '${VERIFY_QUEUE}'`).trim();
      while (slow.connections() === 0) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(state()).toBe("active");
      expect(await worker.stop()).toBe(0);
      expect(state()).toBe("completed");
      const log = worker.lines.map((l) => l.text);
      const stopping = log.findIndex((l) => l.includes("SIGTERM, finishing running jobs"));
      expect(stopping).toBeGreaterThanOrEqual(0);
      expect(log.findIndex((l) => l.startsWith("done slow:"))).toBeGreaterThan(stopping);
    } finally {
      await worker?.stop();
      await boss?.stop({ graceful: false });
      await db.$disconnect();
      await slow.close();
      database.cleanup();
    }
  }, 120_000);
});
