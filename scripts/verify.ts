import { parseArgs } from "node:util";
import { isEntryPoint } from "@/lib/cli/entry-point";
import { createPrismaClient, type PrismaClient } from "@/lib/db";
import { databaseProvider } from "@/lib/db-provider";
import { getEnv } from "@/lib/env";
import { readQueueConfig } from "@/lib/queue/config";
import { enqueueVerifications, startBoss } from "@/lib/queue/queue";
import { readProbeConfig } from "@/lib/probe/config";
import { isoDay } from "@/lib/probe/store";
import { calendarDateSchema } from "@/lib/schemas/dates";
import { readVerifyLimits } from "@/lib/verify/config";
import { MemoryHostLimiter, runVerifications, type VerificationResult } from "@/lib/verify/host-limiter";
import { readDomainCheckDeps } from "@/lib/verify/domain-deps";
import type { DomainCheckDeps, VerifyDeps, VerifyLimits } from "@/lib/verify/types";

const USAGE = `Usage: npm run verify -- --all | <service-slug>… [--in-process] [--today YYYY-MM-DD]

  --all         every service with recorded mail server endpoints
  --in-process  on PostgreSQL, run the jobs here instead of queueing them for the workers
  --today       the day the evidence is dated (default: today, UTC; only in this process)

On the embedded database (SQLite) the jobs run in this process. On PostgreSQL they are queued
for \`npm run worker\` (decision 0011), unless --in-process is given.
Probes each service's endpoints again, and checks its mail domain (MX STARTTLS, MTA-STS,
TLS-RPT, DANE) through CHECK_DNS_SERVER or the system resolver; MX_PORT25=off where port 25 is
blocked (those checks then say nothing). A property whose current claim the probe confirms is
marked "verified again"; a different value becomes a new dated claim of the live probe.
Limits come from VERIFY_CONCURRENCY, VERIFY_PER_HOST, VERIFY_HOST_PAUSE_MS,
VERIFY_STEP_TIMEOUT_MS, VERIFY_RETRIES and VERIFY_RETRY_BACKOFF_MS (lib/verify/config.ts).
Loopback addresses are refused unless PROBE_ALLOW_LOOPBACK=1.`;

export class UsageError extends Error {}

export type VerifyArgs = { all: boolean; slugs: string[]; today: string | undefined; inProcess: boolean };

export function parseVerifyArgs(argv: string[]): VerifyArgs | "help" {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        all: { type: "boolean", default: false },
        today: { type: "string" },
        "in-process": { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return "help";
  if (values.all && positionals.length > 0) throw new UsageError("give --all or service slugs, not both");
  if (!values.all && positionals.length === 0) throw new UsageError("name the services to verify, or --all");
  if (values.today !== undefined && !calendarDateSchema.safeParse(values.today).success)
    throw new UsageError(`--today must be a date YYYY-MM-DD, not "${values.today}"`);
  return {
    all: values.all,
    slugs: [...new Set(positionals)],
    today: values.today,
    inProcess: values["in-process"],
  };
}

function describe(result: VerificationResult): string {
  const tries = result.attempts > 1 ? ` after ${result.attempts} attempts` : "";
  if (!result.ok) return `${result.slug}: failed${tries}: ${result.error.message}`;
  const o = result.outcome;
  if (o.endpoints === 0 && o.domainCheck !== "checked") return `${o.slug}: no recorded endpoints, nothing verified`;
  const domain =
    o.domainCheck === "checked" ? `mail domain: ${o.domainFindings} finding(s)` : `mail domain: ${o.domainCheck}`;
  return `${o.slug}: ${o.endpoints} endpoint(s), ${o.verifiedAgain} verified again, ${o.changed} changed, ${o.unreachable} unreachable; ${domain}${tries}`;
}

// The direct path: the jobs run in this process with the limits, as on the embedded database.
// (On PostgreSQL the queue's workers run the same verifyService instead.)
export async function verifyInThisProcess(
  db: PrismaClient,
  slugs: readonly string[],
  limits: VerifyLimits,
  options: {
    today?: string;
    probe?: Partial<VerifyDeps["probe"]>;
    // null: no mail-domain check; absent: CHECK_DNS_SERVER and MX_* (lib/verify/domain-deps.ts)
    domain?: DomainCheckDeps | null;
    onResult?: (r: VerificationResult) => void;
  } = {},
): Promise<VerificationResult[]> {
  const deps: VerifyDeps = {
    db,
    hosts: new MemoryHostLimiter(limits),
    probe: { timeoutMs: limits.stepTimeoutMs, allowLoopback: readProbeConfig().allowLoopback, ...options.probe },
    today: () => options.today ?? isoDay(new Date()),
    ...(options.domain === null ? {} : { domain: options.domain ?? readDomainCheckDeps() }),
  };
  return runVerifications(deps, slugs, limits, { onResult: options.onResult });
}

// The queued path: on PostgreSQL the jobs go to the queue, and `npm run worker` processes (any
// number, anywhere) run verifyService with limits shared through the database.
async function enqueueForWorkers(db: PrismaClient, slugs: readonly string[]): Promise<number> {
  const boss = await startBoss(getEnv().DATABASE_URL, readQueueConfig());
  try {
    const queued = await enqueueVerifications(boss, db, slugs);
    console.log(
      `Queued ${queued.length} service(s) for the workers (a service already waiting is not queued twice). ` +
        `Run \`npm run worker\` to take them.`,
    );
    return 0;
  } finally {
    await boss.stop({ graceful: false });
  }
}

export async function main(argv: string[]): Promise<number> {
  let args: VerifyArgs | "help";
  let limits: VerifyLimits;
  try {
    args = parseVerifyArgs(argv);
    limits = readVerifyLimits();
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (args === "help") {
    console.log(USAGE);
    return 0;
  }
  const db = createPrismaClient();
  try {
    let slugs = args.slugs;
    if (args.all) {
      const services = await db.service.findMany({
        where: { endpoints: { some: {} } },
        select: { slug: true },
        orderBy: { slug: "asc" },
      });
      slugs = services.map((s) => s.slug);
    } else {
      const found = new Set(
        (await db.service.findMany({ where: { slug: { in: slugs } }, select: { slug: true } })).map((s) => s.slug),
      );
      const unknown = slugs.filter((s) => !found.has(s));
      if (unknown.length > 0) {
        console.error(`no service with the slug ${unknown.map((s) => `"${s}"`).join(", ")}\n\n${USAGE}`);
        return 2;
      }
    }
    if (databaseProvider(getEnv().DATABASE_URL) === "postgresql" && !args.inProcess) {
      if (args.today !== undefined) {
        console.error(`--today dates evidence made in this process: give --in-process with it\n\n${USAGE}`);
        return 2;
      }
      return await enqueueForWorkers(db, slugs);
    }
    console.log(
      `Verifying ${slugs.length} service(s): ${limits.concurrency} at once, ${limits.perHostConcurrency} per host, ` +
        `${limits.perHostPauseMs} ms between checks of a host, ${limits.retries} retries`,
    );
    const results = await verifyInThisProcess(db, slugs, limits, {
      today: args.today,
      onResult: (r) => console.log(describe(r)),
    });
    const failed = results.filter((r) => !r.ok);
    const totals = results.reduce(
      (t, r) =>
        r.ok
          ? {
              again: t.again + r.outcome.verifiedAgain,
              changed: t.changed + r.outcome.changed,
              down: t.down + r.outcome.unreachable,
            }
          : t,
      { again: 0, changed: 0, down: 0 },
    );
    console.log(
      `\nDone: ${results.length - failed.length} verified, ${failed.length} failed; ` +
        `${totals.again} propert(ies) verified again, ${totals.changed} changed, ${totals.down} endpoint(s) unreachable.`,
    );
    return failed.length > 0 ? 1 : 0;
  } finally {
    await db.$disconnect();
  }
}

if (isEntryPoint(import.meta.url)) process.exitCode = await main(process.argv.slice(2));
