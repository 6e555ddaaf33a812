import type PgBoss from "pg-boss";
import { readFileSync } from "node:fs";
import { isIP } from "node:net";
import { Pool } from "pg";
import { createPrismaClient, type PrismaClient } from "@/lib/db";
import { probeEndpoint } from "@/lib/probe/probe-endpoint";
import { getServiceTargets, isoDay } from "@/lib/probe/store";
import type { LookupAll } from "@/lib/probe/types";
import { readDomainCheckDeps } from "@/lib/verify/domain-deps";
import { verifyService as defaultVerifyService } from "@/lib/verify/verify-service";
import { RetryableVerifyError, type VerifyDeps, type VerifyOutcome, type VerifyService } from "@/lib/verify/types";
import type { QueueConfig } from "./config";
import { createPostgresHostLimiter, installHostLimiter } from "./host-limiter";
import {
  enqueueDueVerifications,
  failWithoutRetry,
  SCHEDULE_QUEUE,
  scheduleWeeklyVerification,
  startBoss,
  VERIFY_QUEUE,
  verifyJobSchema,
  type Boss,
} from "./queue";

export type WorkerEvents = {
  onDone?: (outcome: VerifyOutcome, ms: number) => void;
  onRetry?: (slug: string, error: Error) => void;
  onFailed?: (slug: string | null, error: Error) => void;
};

export type RunningWorker = { boss: Boss; stop: (options?: { timeoutMs?: number }) => Promise<void> };

// The name seam for tests and the benchmark: the listed names resolve to their (loopback)
// addresses and every other name is refused, so allowing loopback cannot reach anything the
// test did not name. Never on in production.
export function testLookup(hosts: Record<string, string>): LookupAll {
  const table = new Map(Object.entries(hosts).map(([name, address]) => [name.toLowerCase(), address]));
  return (host) => {
    const address = table.get(host.toLowerCase());
    if (address === undefined) {
      const error = Object.assign(new Error(`getaddrinfo ENOTFOUND ${host} (not in VERIFY_TEST_HOSTS)`), {
        code: "ENOTFOUND",
      });
      return Promise.reject(error);
    }
    return Promise.resolve([{ address, family: isIP(address) }]);
  };
}

// Prisma's codes for a lost connection or a transaction that lost a race (a write conflict or
// deadlock between two jobs storing at once): the next attempt will most likely pass.
// P2028: an interactive transaction that timed out, mostly waiting for another job's locks.
const TRANSIENT_PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2028", "P2034"]);

export function isTransientDatabaseError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && TRANSIENT_PRISMA_CODES.has(code);
}

// VERIFY_STORE=0 (bench:verify): the same probes through the same limits, nothing written.
const probeWithoutStoring: VerifyService = async (deps, slug) => {
  const { targets } = await getServiceTargets(deps.db, slug);
  const results = await Promise.all(targets.map((t) => deps.hosts.run(t.host, () => probeEndpoint(t, deps.probe))));
  const unreachable = results.filter((r) => r.greeting === null).length;
  if (targets.length > 0 && unreachable === targets.length)
    throw new RetryableVerifyError(`${slug}: no endpoint answered`);
  return {
    slug,
    endpoints: targets.length,
    verifiedAgain: 0,
    changed: 0,
    unreachable,
    domainCheck: "not-configured",
    domainFindings: 0,
  };
};

// The test seams (VERIFY_TEST_*) are refused with NODE_ENV=production by readQueueConfig.
function probeOptions(config: QueueConfig): VerifyDeps["probe"] {
  const base = { timeoutMs: config.limits.stepTimeoutMs, overallTimeoutMs: config.overallTimeoutMs };
  if (config.testHosts === null) return base;
  return {
    ...base,
    lookup: testLookup(config.testHosts),
    allowLoopback: true,
    ...(config.testCaFile ? { ca: readFileSync(config.testCaFile, "utf8") } : {}),
  };
}

function evidenceDay(testToday: string | null): VerifyDeps["today"] {
  return testToday === null ? () => isoDay(new Date()) : () => testToday;
}

// One worker process: `concurrency` job slots on the verification queue, the hourly schedule,
// and the host limiter shared with every other worker through the same database.
export async function startWorker(
  databaseUrl: string,
  config: QueueConfig,
  {
    verify = config.store ? defaultVerifyService : probeWithoutStoring,
    ...events
  }: WorkerEvents & { verify?: VerifyService } = {},
): Promise<RunningWorker> {
  const boss = await startBoss(databaseUrl, config, { schedule: true });
  const pool = new Pool({ connectionString: databaseUrl, max: 4 });
  const db: PrismaClient = createPrismaClient(databaseUrl);
  try {
    await installHostLimiter(pool);
    await scheduleWeeklyVerification(boss);
  } catch (error) {
    await Promise.allSettled([boss.stop({ graceful: false }), pool.end(), db.$disconnect()]);
    throw error;
  }
  const deps: VerifyDeps = {
    db,
    hosts: createPostgresHostLimiter(pool, {
      perHost: config.limits.perHostConcurrency,
      pauseMs: config.limits.perHostPauseMs,
      leaseMs: config.hostLeaseMs,
    }),
    probe: probeOptions(config),
    today: evidenceDay(config.testToday),
    // with the test seams on, the test names live only in VERIFY_TEST_HOSTS: no mail-domain check
    // (it would ask the real DNS about them); the job's own test gives it a local DNS server
    ...(config.testHosts === null ? { domain: readDomainCheckDeps() } : {}),
  };

  const handle = async ([job]: PgBoss.Job<unknown>[]) => {
    if (job === undefined) return;
    const data = verifyJobSchema.safeParse(job.data);
    if (!data.success) {
      const error = new Error(`bad job data: ${JSON.stringify(job.data).slice(0, 200)}`);
      await failWithoutRetry(boss, job.id);
      events.onFailed?.(null, error);
      throw error;
    }
    const started = performance.now();
    try {
      const outcome = await verify(deps, data.data.slug);
      events.onDone?.(outcome, performance.now() - started);
      return outcome;
    } catch (error) {
      if (error instanceof RetryableVerifyError || isTransientDatabaseError(error)) {
        events.onRetry?.(data.data.slug, error as Error);
      } else {
        // an unknown service, a bug: running it again would end the same way
        await failWithoutRetry(boss, job.id);
        events.onFailed?.(data.data.slug, error as Error);
      }
      throw error;
    }
  };
  // One work() per slot, each taking one job at a time: a batch would hold its fast jobs until
  // its slowest finished.
  for (let i = 0; i < config.limits.concurrency; i++) {
    await boss.work(VERIFY_QUEUE, { batchSize: 1, pollingIntervalSeconds: config.pollSeconds }, handle);
  }
  await boss.work(SCHEDULE_QUEUE, { batchSize: 1, includeMetadata: true }, async ([job]) => {
    if (job) await enqueueDueVerifications(boss, db, job.createdOn);
  });

  return {
    boss,
    // Takes no new jobs, waits up to timeoutMs for running ones, then hands back what is left
    // (pg-boss fails them into "retry", so another worker takes them again).
    async stop({ timeoutMs = 30_000 } = {}) {
      await boss.stop({ graceful: true, wait: true, timeout: timeoutMs });
      await Promise.allSettled([pool.end(), db.$disconnect()]);
    },
  };
}
