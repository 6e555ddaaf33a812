import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/db";
import { readQueueConfig } from "@/lib/queue/config";
import { enqueueVerifications, startBoss, VERIFY_QUEUE, type Boss } from "@/lib/queue/queue";
import type { VerifyOutcome } from "@/lib/verify/types";
import { isPostgresUrl } from "../helpers/postgres";
import { createTempDatabase, type TempDatabase } from "../helpers/temp-db";
import { spawnWorker, type WorkerProcess } from "../helpers/worker-process";
import { isDovecotInstalled, DOVECOT_INSTALL_HINT } from "../servers";
import { startSimulatedInternet, type SimulatedInternet } from "../servers/simulated-internet";
import {
  changeTwoProviders,
  expectFirstRound,
  expectSecondRound,
  expectSecondRoundOutcomes,
  FIRST,
  importSimulated,
  SECOND,
  type Scenario,
} from "./simulated-scenario";

// Issue 13's simulated-internet scenario (simulated-scenario.ts) through the PostgreSQL queue:
// each round enqueues the four simulated providers and two real `npm run worker` processes share
// the queue and the per-host slots, dating their evidence with VERIFY_TEST_TODAY. The queue needs
// PostgreSQL (decision 0011); on the embedded SQLite default this is skipped, and the one-process
// run (simulated-internet.integration.test.ts) covers the scenario.
const onPostgres = isPostgresUrl(inject("migratedTemplate"));
const title = onPostgres
  ? "the simulated internet through the queue, two worker processes on PostgreSQL"
  : "the simulated internet through the queue (skipped: needs DATABASE_URL=postgresql://…, see scripts/test-postgres.sh)";

// Generous for a loaded two-core machine; the loop below ends as soon as the queue is drained.
const ROUND_DEADLINE_MS = 150_000;

type JobRow = { id: string; slug: string; state: string; output: unknown };

describe.skipIf(!onPostgres)(title, () => {
  let internet: SimulatedInternet;
  let temp: TempDatabase;
  let db: PrismaClient;
  let boss: Boss;
  let scenario: Scenario;
  let workers: WorkerProcess[] = [];
  const seenJobs = new Set<string>();

  beforeAll(async () => {
    if (!isDovecotInstalled()) throw new Error(DOVECOT_INSTALL_HINT);
    internet = await startSimulatedInternet();
    temp = createTempDatabase();
    db = createPrismaClient(temp.url);
    scenario = await importSimulated(db, internet);
    boss = await startBoss(temp.url, readQueueConfig(workerEnv(FIRST)));
  }, 180_000);

  afterAll(async () => {
    await Promise.allSettled(workers.map((w) => w.stop()));
    await boss?.stop({ graceful: false });
    await db?.$disconnect();
    temp?.cleanup();
    await internet?.stop();
    scenario?.cleanup();
  });

  function workerEnv(day: string): Record<string, string> {
    return {
      DATABASE_URL: temp.url,
      // One job at a time per worker, one connection per host across both, a second's pause:
      // every provider but bravo names the same Dovecot POP3 host, so a round takes a few
      // seconds at the least and a worker that is busy with one job leaves the next waiting
      // job to the other. Both take jobs, and the shared host slots are in play.
      VERIFY_CONCURRENCY: "1",
      VERIFY_PER_HOST: "1",
      VERIFY_HOST_PAUSE_MS: "1000",
      // as SIMULATED_LIMITS: a handshake can take seconds here, and a timeout would read as a
      // wrong result
      VERIFY_STEP_TIMEOUT_MS: "10000",
      // two jobs storing at once may lose a race (a transient database error): tried again
      VERIFY_RETRIES: "3",
      VERIFY_RETRY_BACKOFF_MS: "1000",
      VERIFY_POLL_SECONDS: "0.5",
      VERIFY_TEST_HOSTS: JSON.stringify(internet.addresses()),
      VERIFY_TEST_CA_FILE: internet.certs.caFile,
      VERIFY_TEST_TODAY: day,
    };
  }

  async function roundJobs(): Promise<JobRow[]> {
    // through pg-boss's pool, not psql: a blocking call would stall the simulated servers,
    // which answer from this process's event loop
    const { rows } = await boss
      .getDb()
      .executeSql(`SELECT id, data->>'slug' AS slug, state, output FROM pgboss.job WHERE name = $1`, [VERIFY_QUEUE]);
    return (rows as JobRow[]).filter((r) => !seenJobs.has(r.id));
  }

  const log = (workers: WorkerProcess[]) => workers.map((w, i) => w.lines.map((l) => `[${i}] ${l.text}`).join("\n"));

  // Enqueues every simulated provider, starts two workers dating their evidence `day`, waits
  // until each of the round's jobs is completed (failing at once on a failed job or a worker
  // that exits), stops the workers and returns the jobs' outcomes by domain.
  async function verifyRound(day: string): Promise<Map<string, VerifyOutcome>> {
    const round = [spawnWorker(workerEnv(day)), spawnWorker(workerEnv(day))];
    workers = round;
    // both ready before anything is queued, or the first to start could take every job
    await Promise.all(round.map((w) => w.ready));
    const slugs = [...scenario.slugs.values()];
    expect(await enqueueVerifications(boss, db, slugs)).toEqual(slugs);

    const deadline = Date.now() + ROUND_DEADLINE_MS;
    let jobs: JobRow[];
    for (;;) {
      jobs = await roundJobs();
      const failed = jobs.filter((j) => j.state === "failed");
      if (failed.length > 0) throw new Error(`failed jobs: ${JSON.stringify(failed)}\n${log(round).join("\n")}`);
      const gone = round.map((w) => w.child.exitCode ?? w.child.signalCode).filter((c) => c !== null);
      if (gone.length > 0) throw new Error(`a worker exited (${gone.join(", ")}):\n${log(round).join("\n")}`);
      if (jobs.length === slugs.length && jobs.every((j) => j.state === "completed")) break;
      if (Date.now() > deadline)
        throw new Error(
          `queue not drained in ${ROUND_DEADLINE_MS} ms: ${JSON.stringify(jobs)}\n${log(round).join("\n")}`,
        );
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(await Promise.all(round.map((w) => w.stop()))).toEqual([0, 0]);
    for (const job of jobs) seenJobs.add(job.id);

    // both processes took jobs, and every job was done once by one of them
    const done = round.map((w) =>
      w.lines.map((l) => /^done (\S+):/.exec(l.text)?.[1]).filter((s): s is string => s !== undefined),
    );
    for (const [i, slugsDone] of done.entries())
      expect(slugsDone.length, `worker ${i}\n${log(round)[i]}`).toBeGreaterThan(0);
    expect(done.flat().sort()).toEqual([...slugs].sort());

    const outcomes = new Map<string, VerifyOutcome>();
    for (const [domain, slug] of scenario.slugs) {
      const job = jobs.find((j) => j.slug === slug);
      outcomes.set(domain, job?.output as VerifyOutcome);
    }
    return outcomes;
  }

  it(
    "imports four providers, verifies them with two workers, verifies again after two change, and keeps every claim",
    async () => {
      const first = await verifyRound(FIRST);
      for (const [domain, outcome] of first) expect(outcome, domain).toMatchObject({ unreachable: 0 });
      const after = await expectFirstRound(scenario);

      await changeTwoProviders(internet);
      const second = await verifyRound(SECOND);
      for (const [domain, outcome] of second) expect(outcome, domain).toMatchObject({ unreachable: 0 });
      expectSecondRoundOutcomes((domain) => second.get(domain));
      await expectSecondRound(scenario, after);
    },
    2 * ROUND_DEADLINE_MS + 60_000,
  );
});
