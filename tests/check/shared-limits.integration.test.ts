import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { createInterface } from "node:readline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CheckLimitDecision } from "@/lib/check/check-limits";
import { createTempDatabase, REPO_ROOT, type TempDatabase } from "../helpers/temp-db";

// Two app processes on one database (a SQLite file, or PostgreSQL when the run's DATABASE_URL
// names a server) enforce one limit: each process runs the real check limits
// (tests/check/limits-worker.ts), and every round starts in both at the same instant.
const LIMITS = {
  CHECK_LIMIT_PER_DOMAIN: "4",
  CHECK_LIMIT_PER_DOMAIN_WINDOW_S: "3600",
  CHECK_LIMIT_GLOBAL: "12",
  // long enough that no hit leaves a window while the test runs, however slow the machine
  CHECK_LIMIT_GLOBAL_WINDOW_S: "3600",
};

type Request = { client: string; domain: string };
type Worker = { child: ChildProcessWithoutNullStreams; next: () => Promise<string> };

function startWorker(databaseUrl: string, rounds: Request[][]): Worker {
  const child = spawn(process.execPath, ["--import", "tsx", "tests/check/limits-worker.ts"], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...LIMITS, DATABASE_URL: databaseUrl, LIMITS_WORKER_ROUNDS: JSON.stringify(rounds) },
  });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  return {
    child,
    next: async () => {
      const line = await lines.next();
      if (line.done) throw new Error(`the worker ended early (exit ${child.exitCode}): ${stderr}`);
      return line.value;
    },
  };
}

// Each process's rounds: i is the process, so no two requests share a client or a registrable
// domain (what the per-domain limit counts) by accident.
function roundsOf(i: number): Request[][] {
  return [
    // one client, through both processes: five a minute in all
    Array.from({ length: 8 }, (_, n) => ({ client: "203.0.113.7", domain: `c${i}-${n}.jp` })),
    // one target, subdomains included, from many clients: CHECK_LIMIT_PER_DOMAIN in all
    Array.from({ length: 8 }, (_, n) => ({ client: `198.51.100.${i * 10 + n}`, domain: `m${n}.victim.co.jp` })),
    // anyone, anywhere: what is left of CHECK_LIMIT_GLOBAL
    Array.from({ length: 12 }, (_, n) => ({ client: `192.0.2.${i * 20 + n}`, domain: `g${i}-${n}.jp` })),
  ];
}

describe("check limits shared by two app processes", () => {
  let temp: TempDatabase;
  let workers: Worker[] = [];

  beforeAll(() => {
    temp = createTempDatabase();
    workers = [0, 1].map((i) => startWorker(temp.url, roundsOf(i)));
  });
  afterAll(() => {
    for (const { child } of workers) if (child.exitCode === null) child.kill();
    temp.cleanup();
  });

  async function round(): Promise<CheckLimitDecision[]> {
    // both ready before either starts
    expect(await Promise.all(workers.map((w) => w.next()))).toEqual(["ready", "ready"]);
    for (const { child } of workers) child.stdin.write("go\n");
    const results = await Promise.all(workers.map((w) => w.next()));
    return results.flatMap((line) => {
      expect(line).toMatch(/^result /);
      return JSON.parse(line.slice("result ".length)) as CheckLimitDecision[];
    });
  }

  const allowed = (decisions: CheckLimitDecision[]) => decisions.filter((d) => d.allowed).length;
  const refusedBy = (decisions: CheckLimitDecision[]) => new Set(decisions.flatMap((d) => (d.allowed ? [] : d.scope)));

  it("allow exactly N hits across both, per client, per target and for the whole site", async () => {
    const perClient = await round();
    expect(perClient).toHaveLength(16);
    expect(allowed(perClient)).toBe(5);
    expect(refusedBy(perClient)).toEqual(new Set(["client"]));

    const perDomain = await round();
    expect(allowed(perDomain)).toBe(Number(LIMITS.CHECK_LIMIT_PER_DOMAIN));
    expect(refusedBy(perDomain)).toEqual(new Set(["domain"]));

    // 5 + 4 of the 12 global slots are taken; 24 hits race for the other 3
    const global = await round();
    expect(global).toHaveLength(24);
    expect(allowed(global)).toBe(Number(LIMITS.CHECK_LIMIT_GLOBAL) - 5 - 4);
    expect(refusedBy(global)).toEqual(new Set(["global"]));

    expect(await Promise.all(workers.map((w) => w.next()))).toEqual(["done", "done"]);
  }, 120_000);
});
