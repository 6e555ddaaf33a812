import { z } from "zod";
import { DEFAULT_TIMEOUT_MS } from "@/lib/probe/types";
import type { VerifyLimits } from "@/lib/verify/types";

// The queue's settings, from the environment (the same VERIFY_* names as the one-process runner,
// lib/verify/config.ts). A bad value stops the worker at start, naming the variable.
const int = (min: number, max: number, fallback: number) => z.coerce.number().int().min(min).max(max).default(fallback);

const queueEnvSchema = z.object({
  // jobs (services) one worker process runs at once
  VERIFY_CONCURRENCY: int(1, 256, 8),
  // connections to one mail host at once, across every worker on every machine
  VERIFY_PER_HOST: int(1, 64, 2),
  // quiet time after a check of a host before the next one on the same slot
  VERIFY_HOST_PAUSE_MS: int(0, 600_000, 1000),
  // per connect, read and TLS handshake
  VERIFY_STEP_TIMEOUT_MS: int(100, 60_000, DEFAULT_TIMEOUT_MS),
  // attempts after the first for a service no endpoint of which answered
  VERIFY_RETRIES: int(0, 20, 3),
  // the first retry's wait; each further one doubles (pg-boss adds up to the same again at random)
  VERIFY_RETRY_BACKOFF_MS: int(1000, 86_400_000, 60_000),
  // how often an idle job slot asks the queue for work (pg-boss allows 0.5 s at the least)
  VERIFY_POLL_SECONDS: z.coerce.number().min(0.5).max(60).default(2),
  // the most endpoints one service is expected to have; sizes the job's timeout
  VERIFY_MAX_ENDPOINTS: int(1, 200, 12),
  // bench:verify only: 0 probes every endpoint through the queue and the host limits but stores
  // nothing, to tell the queue's own throughput from the cost of writing evidence
  VERIFY_STORE: z.enum(["0", "1"]).default("1"),
  // tests and the benchmark only: a JSON object mapping host names to loopback addresses,
  // resolved instead of DNS (every other name is refused), with loopback then allowed
  VERIFY_TEST_HOSTS: z.string().optional(),
  // tests only: a PEM file of extra trusted roots (the test CA)
  VERIFY_TEST_CA_FILE: z.string().optional(),
});

export type QueueEnv = z.infer<typeof queueEnvSchema>;

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
};

const testHostsSchema = z.record(z.string().min(1), z.union([z.ipv4(), z.ipv6()]));

export function readQueueConfig(source: Record<string, string | undefined> = process.env): QueueConfig {
  const parsed = queueEnvSchema.safeParse(source);
  if (!parsed.success) throw new Error(`Invalid environment: ${z.prettifyError(parsed.error)}`);
  const env = parsed.data;
  const overallTimeoutMs = env.VERIFY_STEP_TIMEOUT_MS * 4;
  const hostLeaseMs = overallTimeoutMs + 10_000;
  // Worst case for one job: every endpoint waits behind the per-host limit of its host, one
  // slot at a time (all endpoints on one host), each taking the whole overall timeout plus the
  // pause. Doubled, so the timeout only ends a job that is stuck, not one that is slow.
  const perEndpointMs = overallTimeoutMs + env.VERIFY_HOST_PAUSE_MS;
  const worstMs = Math.ceil(env.VERIFY_MAX_ENDPOINTS / env.VERIFY_PER_HOST) * perEndpointMs;
  const jobTimeoutSeconds = Math.max(60, Math.ceil((2 * worstMs) / 1000));
  let testHosts: Record<string, string> | null = null;
  if (env.VERIFY_TEST_HOSTS !== undefined && env.VERIFY_TEST_HOSTS !== "") {
    const hosts = testHostsSchema.safeParse(JSON.parse(env.VERIFY_TEST_HOSTS));
    if (!hosts.success) throw new Error(`Invalid VERIFY_TEST_HOSTS: ${z.prettifyError(hosts.error)}`);
    testHosts = hosts.data;
  }
  return {
    limits: {
      concurrency: env.VERIFY_CONCURRENCY,
      perHostConcurrency: env.VERIFY_PER_HOST,
      perHostPauseMs: env.VERIFY_HOST_PAUSE_MS,
      stepTimeoutMs: env.VERIFY_STEP_TIMEOUT_MS,
      retries: env.VERIFY_RETRIES,
      retryBackoffMs: env.VERIFY_RETRY_BACKOFF_MS,
    },
    maxEndpoints: env.VERIFY_MAX_ENDPOINTS,
    pollSeconds: env.VERIFY_POLL_SECONDS,
    store: env.VERIFY_STORE === "1",
    overallTimeoutMs,
    jobTimeoutSeconds,
    hostLeaseMs,
    testHosts,
    testCaFile: env.VERIFY_TEST_CA_FILE || null,
  };
}
