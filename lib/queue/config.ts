import { z } from "zod";
import { presentVerifyVariables, readVerifyLimits, VERIFY_LIMIT_DEFAULTS } from "@/lib/verify/config";
import type { VerifyLimits } from "@/lib/verify/types";

// A worker's defaults for the six shared limits (read by lib/verify/config.ts, with the same
// names and ranges as for npm run verify). Two differ, and only here:
export const QUEUE_LIMIT_DEFAULTS: VerifyLimits = {
  ...VERIFY_LIMIT_DEFAULTS,
  // A worker is a process that does nothing but run jobs, which mostly wait on the network,
  // against PostgreSQL's row locks rather than SQLite's one writer: twice the runner's 4
  // (decision 0011 measured with 8).
  concurrency: 8,
  // A job that failed on the network goes back to the queue and holds nothing while it waits,
  // so the wait can be long enough for a blip to pass (1, 2, 4 minutes); the runner sits out
  // its own backoff, so keeps it to seconds. pg-boss counts the delay in whole seconds
  // (queue.ts rounds, and waits at least 1 s).
  retryBackoffMs: 60_000,
};

const int = (min: number, max: number, fallback: number) => z.coerce.number().int().min(min).max(max).default(fallback);

// The queue's own settings, from the environment; a bad value stops the worker at start, naming
// the variable. An empty variable counts as unset, as for the limits.
const queueEnvSchema = z.object({
  // how often an idle job slot asks the queue for work (pg-boss allows 0.5 s at the least)
  VERIFY_POLL_SECONDS: z.coerce.number().min(0.5).max(60).default(2),
  // the most endpoints one service is expected to have; sizes the job's timeout
  VERIFY_MAX_ENDPOINTS: int(1, 200, 12),
  // bench:verify only: 0 probes every endpoint through the queue and the host limits but stores
  // nothing, to tell the queue's own throughput from the cost of writing evidence
  VERIFY_STORE: z.enum(["0", "1"]).default("1"),
  // Test seams, refused with NODE_ENV=production:
  // a JSON object mapping host names to loopback addresses, resolved instead of DNS (every other
  // name is refused), with loopback then allowed (tests and the benchmark)
  VERIFY_TEST_HOSTS: z.string().optional(),
  // a PEM file of extra trusted roots (the test CA)
  VERIFY_TEST_CA_FILE: z.string().optional(),
  // the day (YYYY-MM-DD) the worker dates its evidence, instead of today
  VERIFY_TEST_TODAY: z.iso.date().optional(),
});

const TEST_SEAMS = ["VERIFY_TEST_HOSTS", "VERIFY_TEST_CA_FILE", "VERIFY_TEST_TODAY"] as const;

export type QueueConfig = {
  limits: VerifyLimits;
  maxEndpoints: number;
  pollSeconds: number;
  store: boolean;
  // one endpoint's probe, at most (ProbeOptions.overallTimeoutMs)
  overallTimeoutMs: number;
  // pg-boss's expireInSeconds for a job: a worker that has not finished by then lost it
  jobTimeoutSeconds: number;
  // how long a host slot stays taken without its holder releasing it (a crashed worker)
  hostLeaseMs: number;
  testHosts: Record<string, string> | null;
  testCaFile: string | null;
  testToday: string | null;
};

const testHostsSchema = z.record(z.string().min(1), z.union([z.ipv4(), z.ipv6()]));

export function readQueueConfig(source: Record<string, string | undefined> = process.env): QueueConfig {
  const limits = readVerifyLimits(source, QUEUE_LIMIT_DEFAULTS);
  const present = presentVerifyVariables(source);
  const parsed = queueEnvSchema.safeParse(present);
  if (!parsed.success) throw new Error(`Invalid environment: ${z.prettifyError(parsed.error)}`);
  const env = parsed.data;
  if (source.NODE_ENV === "production") {
    const set = TEST_SEAMS.filter((name) => present[name] !== undefined);
    if (set.length > 0) throw new Error(`${set.join(", ")}: for tests only, refused with NODE_ENV=production`);
  }
  const overallTimeoutMs = limits.stepTimeoutMs * 4;
  const hostLeaseMs = overallTimeoutMs + 10_000;
  // Worst case for one job: every endpoint waits behind the per-host limit of its host, one
  // slot at a time (all endpoints on one host), each taking the whole overall timeout plus the
  // pause. Doubled, so the timeout only ends a job that is stuck, not one that is slow.
  const perEndpointMs = overallTimeoutMs + limits.perHostPauseMs;
  const worstMs = Math.ceil(env.VERIFY_MAX_ENDPOINTS / limits.perHostConcurrency) * perEndpointMs;
  const jobTimeoutSeconds = Math.max(60, Math.ceil((2 * worstMs) / 1000));
  let testHosts: Record<string, string> | null = null;
  if (env.VERIFY_TEST_HOSTS !== undefined) {
    let json: unknown;
    try {
      json = JSON.parse(env.VERIFY_TEST_HOSTS);
    } catch (error) {
      throw new Error(`Invalid VERIFY_TEST_HOSTS: ${(error as Error).message}`);
    }
    const hosts = testHostsSchema.safeParse(json);
    if (!hosts.success) throw new Error(`Invalid VERIFY_TEST_HOSTS: ${z.prettifyError(hosts.error)}`);
    testHosts = hosts.data;
  }
  return {
    limits,
    maxEndpoints: env.VERIFY_MAX_ENDPOINTS,
    pollSeconds: env.VERIFY_POLL_SECONDS,
    store: env.VERIFY_STORE === "1",
    overallTimeoutMs,
    jobTimeoutSeconds,
    hostLeaseMs,
    testHosts,
    testCaFile: env.VERIFY_TEST_CA_FILE ?? null,
    testToday: env.VERIFY_TEST_TODAY ?? null,
  };
}
