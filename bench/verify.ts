// npm run bench:verify: the verification queue (lib/queue) under load. A throwaway PostgreSQL
// server, simulated providers (loopback SMTP servers that answer after 50–150 ms, reached through
// the probe's name seam), and 1, 2 and 4 worker processes (`npm run worker`) taking the same
// 1,000 endpoints from the queue. Reports endpoints per second, peak memory per worker, the
// most connections one host saw at once, and the workers 300,000 endpoints a week would need.
import { execFileSync, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { createPrismaClient } from "@/lib/db";
import { readQueueConfig } from "@/lib/queue/config";
import { HOST_LIMIT_SCHEMA } from "@/lib/queue/host-limiter";
import { BOSS_SCHEMA, enqueueVerifications, startBoss, VERIFY_QUEUE } from "@/lib/queue/queue";
import { createEndpointServices } from "../tests/helpers/endpoint-services";
import { startSlowSmtp, type SlowSmtpServer } from "../tests/servers/slow-smtp";
import { parseCliOptions, ROOT, run, runScript, startChild, step } from "./harness";

const USAGE = `Usage: npm run bench:verify -- [--services 250] [--endpoints 4] [--hosts 50] [--workers 1,2,4]
       [--concurrency 8] [--per-host 2] [--pause-ms 100] [--min-latency 50] [--max-latency 150]
       [--store-workers 1] [--pg-port 5448]

The runs with 1, 2 and 4 workers probe through the queue and the host limits but store nothing
(VERIFY_STORE=0: the queue's own throughput); one more run with --store-workers workers (0: none)
stores the evidence as npm run worker does.`;

const count = (min: number, max: number, fallback: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);
const optionsSchema = z
  .object({
    services: count(1, 10_000, 250),
    endpoints: count(1, 12, 4),
    hosts: count(1, 500, 50),
    workers: z
      .string()
      .default("1,2,4")
      .transform((s) => s.split(",").map(Number))
      .pipe(z.array(z.number().int().min(1).max(16)).min(1)),
    concurrency: count(1, 256, 8),
    "per-host": count(1, 64, 2),
    "pause-ms": count(0, 60_000, 100),
    "min-latency": count(0, 10_000, 50),
    "max-latency": count(0, 10_000, 150),
    "store-workers": count(0, 16, 1),
    "pg-port": count(1024, 65_535, 5448),
  })
  .refine((o) => o["min-latency"] <= o["max-latency"], "--min-latency is above --max-latency")
  .refine((o) => o.endpoints <= o.hosts, "--endpoints must not exceed --hosts (one endpoint per host per service)");
type Options = z.infer<typeof optionsSchema>;

const SECONDS_PER_WEEK = 7 * 24 * 3600;
const WEEKLY_ENDPOINTS = 300_000;

function parseOptions(argv: string[]): Options {
  const s = { type: "string" } as const;
  return parseCliOptions(
    argv,
    {
      services: s,
      endpoints: s,
      hosts: s,
      workers: s,
      concurrency: s,
      "per-host": s,
      "pause-ms": s,
      "min-latency": s,
      "max-latency": s,
      "store-workers": s,
      "pg-port": s,
    },
    optionsSchema,
    USAGE,
  );
}

// Peak resident memory of one process (VmHWM), in MiB.
function peakRssMiB(pid: number): number {
  const kb = Number(/^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? NaN);
  return Math.round(kb / 102.4) / 10;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function startPostgres(port: number): { url: string; stop: () => void } {
  const env = { ...process.env, TEST_PG_PORT: String(port), TEST_PG_DIR: path.join(ROOT, ".tmp/pg-bench-verify") };
  const out = execFileSync("bash", ["scripts/test-postgres.sh", "start"], { cwd: ROOT, env, encoding: "utf8" });
  const url = /DATABASE_URL=(\S+)/.exec(out)?.[1];
  if (!url) throw new Error(`scripts/test-postgres.sh printed no DATABASE_URL: ${out}`);
  return { url, stop: () => void execFileSync("bash", ["scripts/test-postgres.sh", "stop"], { cwd: ROOT, env }) };
}

function psql(url: string, sql: string): string {
  return execFileSync("psql", ["-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-d", url, "-c", sql], {
    encoding: "utf8",
  });
}

function spawnWorker(env: NodeJS.ProcessEnv): { child: ChildProcess; ready: Promise<void>; exited: Promise<void> } {
  const child = startChild(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const ready = new Promise<void>((resolve, reject) => {
    let rest = "";
    const onData = (chunk: Buffer) => {
      const lines = (rest + chunk.toString("utf8")).split("\n");
      rest = lines.pop() ?? "";
      for (const line of lines) {
        output += `${line}\n`;
        if (/jobs at once/.test(line)) resolve();
        if (/^(failed|retry|queue:) /.test(line)) console.error(`   worker ${child.pid}: ${line}`);
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => reject(new Error(`worker exited (${code}) before it was ready:\n${output}`)));
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return { child, ready, exited };
}

type RunResult = { workers: number; store: boolean; seconds: number; perSecond: number; rss: number[]; failed: number };

async function main(argv: string[]): Promise<number> {
  const options = parseOptions(argv);
  const endpoints = options.services * options.endpoints;
  const pg = await step(`Starting PostgreSQL on 127.0.0.1:${options["pg-port"]}`, () =>
    Promise.resolve(startPostgres(options["pg-port"])),
  );
  const servers: SlowSmtpServer[] = [];
  try {
    const url = pg.url.replace(/\/[^/]*$/, "/msc_bench_verify");
    psql(pg.url, "DROP DATABASE IF EXISTS msc_bench_verify WITH (FORCE)");
    psql(pg.url, "CREATE DATABASE msc_bench_verify");
    const env = { ...process.env, DATABASE_URL: url };
    await step("Migrating", () => run("npx", ["tsx", "prisma/migrate.ts", "deploy"], env));

    const { "min-latency": min, "max-latency": max } = options;
    await step(`Starting ${options.hosts} simulated mail hosts (${min}–${max} ms per reply)`, async () => {
      for (let i = 0; i < options.hosts; i++) {
        servers.push(
          await startSlowSmtp({ name: `mx-${i}.bench.test`, delayMs: () => min + Math.random() * (max - min) }),
        );
      }
    });
    const hostName = (i: number) => `mx-${i}.bench.test`;
    const db = createPrismaClient(url);
    await step(`Creating ${options.services} services × ${options.endpoints} endpoints`, () =>
      createEndpointServices(
        db,
        Array.from({ length: options.services }, (_, s) => ({
          slug: `bench-${s}`,
          endpoints: Array.from({ length: options.endpoints }, (_, k) => {
            const h = (s * options.endpoints + k) % options.hosts;
            return { host: hostName(h), port: servers[h]!.port };
          }),
        })),
      ),
    );
    const workerEnv: NodeJS.ProcessEnv = {
      ...env,
      VERIFY_CONCURRENCY: String(options.concurrency),
      VERIFY_PER_HOST: String(options["per-host"]),
      VERIFY_HOST_PAUSE_MS: String(options["pause-ms"]),
      VERIFY_STEP_TIMEOUT_MS: "5000",
      VERIFY_RETRIES: "2",
      VERIFY_RETRY_BACKOFF_MS: "1000",
      VERIFY_POLL_SECONDS: "0.5",
      VERIFY_TEST_HOSTS: JSON.stringify(
        Object.fromEntries(Array.from({ length: options.hosts }, (_, i) => [hostName(i), "127.0.0.1"])),
      ),
    };
    const boss = await startBoss(url, readQueueConfig(workerEnv));
    const results: RunResult[] = [];
    try {
      const runs = [
        ...options.workers.map((n) => ({ n, store: false })),
        ...(options["store-workers"] > 0 ? [{ n: options["store-workers"], store: true }] : []),
      ];
      for (const { n, store } of runs) {
        results.push(
          await step(
            `${n} worker${n === 1 ? "" : "s"}, ${endpoints} endpoints, ${store ? "storing evidence" : "probe only"}`,
            async () => {
              psql(url, `DELETE FROM ${BOSS_SCHEMA}.job WHERE name = '${VERIFY_QUEUE}'`);
              const workers = Array.from({ length: n }, () =>
                spawnWorker({ ...workerEnv, VERIFY_STORE: store ? "1" : "0" }),
              );
              await Promise.all(workers.map((w) => w.ready));
              psql(url, `DELETE FROM ${HOST_LIMIT_SCHEMA}.host_slot`);
              const started = performance.now();
              await enqueueVerifications(boss, db, "all");
              let failed = 0;
              // asked without blocking: the simulated hosts answer from this process's event loop
              for (;;) {
                const { rows } = await boss.getDb().executeSql(
                  `SELECT count(*) FILTER (WHERE state IN ('completed', 'failed'))::int AS done,
                     count(*) FILTER (WHERE state = 'failed')::int AS failed
                   FROM ${BOSS_SCHEMA}.job WHERE name = $1`,
                  [VERIFY_QUEUE],
                );
                const row = rows[0] as { done: number; failed: number } | undefined;
                failed = row?.failed ?? 0;
                if ((row?.done ?? 0) >= options.services) break;
                await sleep(100);
              }
              const seconds = (performance.now() - started) / 1000;
              const rss = workers.map((w) => peakRssMiB(w.child.pid!));
              for (const w of workers) w.child.kill("SIGTERM");
              await Promise.all(workers.map((w) => w.exited));
              const result = { workers: n, store, seconds, perSecond: endpoints / seconds, rss, failed };
              console.log(
                `   ${result.perSecond.toFixed(1)} endpoints/s in ${seconds.toFixed(1)} s; peak RSS per worker ${rss.join(", ")} MiB` +
                  (failed > 0 ? `; ${failed} jobs FAILED` : ""),
              );
              return result;
            },
          ),
        );
      }
    } finally {
      await boss.stop({ graceful: false });
      await db.$disconnect();
    }

    const peak = Math.max(...servers.map((s) => s.peak()));
    const connections = servers.reduce((sum, s) => sum + s.connections(), 0);
    console.log(
      `\nSettings: ${options.concurrency} jobs per worker, ${options["per-host"]} per host, ${options["pause-ms"]} ms pause; ` +
        `${options.hosts} hosts, ${min}–${max} ms per reply (greeting, EHLO, QUIT: about ${3 * ((min + max) / 2)} ms per endpoint)`,
    );
    console.log(
      "\n| workers | stores | seconds | endpoints/s | per worker | peak RSS per worker (MiB) | failed jobs |",
    );
    console.log("| ------- | ------ | ------- | ----------- | ---------- | ------------------------- | ----------- |");
    for (const r of results) {
      console.log(
        `| ${r.workers} | ${r.store ? "yes" : "no"} | ${r.seconds.toFixed(1)} | ${r.perSecond.toFixed(1)} | ${(r.perSecond / r.workers).toFixed(1)} | ${r.rss.join(", ")} | ${r.failed} |`,
      );
    }
    console.log(
      `\nMost connections one host saw at once: ${peak} (limit ${options["per-host"]}); ${connections} connections in all.`,
    );
    // from the run that stores (what a worker really does), else the one-worker probe-only run
    const one = results.find((r) => r.store) ?? results.find((r) => r.workers === 1) ?? results[0]!;
    const perWorker = one.perSecond / one.workers;
    const needed = WEEKLY_ENDPOINTS / (perWorker * SECONDS_PER_WEEK);
    console.log(
      `Projection: ${WEEKLY_ENDPOINTS.toLocaleString("en")} endpoints a week at ${perWorker.toFixed(1)} endpoints/s per worker ` +
        `need ${needed.toFixed(3)} worker-weeks: ${Math.max(1, Math.ceil(needed))} worker` +
        ` (one worker busy ${(needed * 168) | 0 || "<1"} h of the week's 168).`,
    );
    return results.some((r) => r.failed > 0) || peak > options["per-host"] ? 1 : 0;
  } finally {
    await Promise.allSettled(servers.map((s) => s.close()));
    pg.stop();
  }
}

runScript("bench:verify", () => main(process.argv.slice(2)));
