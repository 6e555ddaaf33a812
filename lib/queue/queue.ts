import PgBoss from "pg-boss";
import { z } from "zod";
import { databaseProvider } from "@/lib/db-provider";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { UnknownServiceError } from "@/lib/probe/store";
import type { QueueConfig } from "./config";
import { slugsDueAt } from "./schedule";

// The verification queue (issue 13): pg-boss 10 in PostgreSQL, in its own schema ("pgboss").
export const VERIFY_QUEUE = "verify-service";
// Hourly cron job: enqueues the services whose weekly hour has come (schedule.ts).
export const SCHEDULE_QUEUE = "verify-schedule";
export const SCHEDULE_CRON = "0 * * * *";
export const BOSS_SCHEMA = "pgboss";

export const verifyJobSchema = z.object({ slug: z.string().min(1).max(200) });
export type VerifyJob = z.infer<typeof verifyJobSchema>;

export class QueueNeedsPostgresError extends Error {
  constructor() {
    super(
      "The verification queue and `npm run worker` need PostgreSQL (DATABASE_URL=postgresql://…, decision 0010). " +
        "On the embedded SQLite database run the same job in one process instead: npm run verify -- --all | <service>…",
    );
    this.name = "QueueNeedsPostgresError";
  }
}

export async function startBoss(databaseUrl: string, config: QueueConfig, options: { schedule?: boolean } = {}) {
  if (databaseProvider(databaseUrl) !== "postgresql") throw new QueueNeedsPostgresError();
  const boss = new PgBoss({
    connectionString: databaseUrl,
    schema: BOSS_SCHEMA,
    application_name: "msc-verify",
    // job fetches and state changes are short; a few connections serve every job slot
    max: 4,
    // the cron clock runs in workers; a command that only enqueues leaves it off
    schedule: options.schedule ?? false,
    supervise: options.schedule ?? false,
  });
  boss.on("error", (error) => console.error(`queue: ${error.message}`));
  await boss.start();
  await ensureQueues(boss, config);
  return boss;
}

export type Boss = PgBoss;

// Created once and then brought up to the current settings: createQueue keeps an existing
// queue's options as they were.
async function ensureQueues(boss: PgBoss, config: QueueConfig): Promise<void> {
  const verify: PgBoss.Queue = {
    name: VERIFY_QUEUE,
    // "short": at most one waiting job per singletonKey (the slug), so asking twice before a
    // worker takes the first queues nothing more; a running job does not block the next request
    policy: "short",
    retryLimit: config.limits.retries,
    // seconds; with backoff pg-boss waits delay·2^(n-1) to twice that before attempt n+1
    retryDelay: Math.max(1, Math.round(config.limits.retryBackoffMs / 1000)),
    retryBackoff: true,
    expireInSeconds: config.jobTimeoutSeconds,
    retentionMinutes: 7 * 24 * 60,
  };
  const schedule: PgBoss.Queue = { name: SCHEDULE_QUEUE, policy: "short", retryLimit: 2, expireInSeconds: 600 };
  for (const queue of [verify, schedule]) {
    await boss.createQueue(queue.name, queue);
    await boss.updateQueue(queue.name, queue);
  }
}

export async function scheduleWeeklyVerification(boss: PgBoss): Promise<void> {
  await boss.schedule(SCHEDULE_QUEUE, SCHEDULE_CRON, {}, { tz: "UTC" });
}

const INSERT_CHUNK = 1000;

// Queues one job per service; a service already waiting is not queued again (policy "short").
// Returns the slugs asked for. Unknown slugs fail the call before anything is queued.
export async function enqueueVerifications(
  boss: PgBoss,
  db: PrismaClient,
  which: readonly string[] | "all",
): Promise<string[]> {
  let slugs: string[];
  if (which === "all") {
    slugs = (await db.service.findMany({ select: { slug: true }, orderBy: { id: "asc" } })).map((s) => s.slug);
  } else {
    const wanted = [...new Set(which)];
    const found = new Set(
      (await db.service.findMany({ where: { slug: { in: wanted } }, select: { slug: true } })).map((s) => s.slug),
    );
    const missing = wanted.filter((slug) => !found.has(slug));
    if (missing.length > 0) throw new UnknownServiceError(`no service with the slug ${missing.join(", ")}`);
    slugs = wanted;
  }
  for (let i = 0; i < slugs.length; i += INSERT_CHUNK) {
    await boss.insert(
      slugs
        .slice(i, i + INSERT_CHUNK)
        .map((slug) => ({ name: VERIFY_QUEUE, data: { slug } satisfies VerifyJob, singletonKey: slug })),
    );
  }
  return slugs;
}

// The hourly cron job's work: the services whose weekly hour is the hour the job was made in
// (not the hour it runs in, so a late job still picks the right ones).
export async function enqueueDueVerifications(boss: PgBoss, db: PrismaClient, at: Date): Promise<string[]> {
  const all = (await db.service.findMany({ select: { slug: true } })).map((s) => s.slug);
  const due = slugsDueAt(all, at);
  return due.length === 0 ? [] : enqueueVerifications(boss, db, due);
}

// pg-boss retries every job its handler throws on, up to the queue's retryLimit; it has no
// "fail for good". A job that must not run again (an unknown service, a bug) gets its retry
// limit lowered to the attempts it has had, so the throw that follows fails it with its error
// kept in the job's output. (Cancelling would also stop it, but records no error.)
export async function failWithoutRetry(boss: PgBoss, jobId: string): Promise<void> {
  await boss
    .getDb()
    .executeSql(`UPDATE ${BOSS_SCHEMA}.job SET retry_limit = retry_count WHERE name = $1 AND id = $2`, [
      VERIFY_QUEUE,
      jobId,
    ]);
}
