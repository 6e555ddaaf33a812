import { z } from "zod";
import { DEFAULT_TIMEOUT_MS } from "@/lib/probe/types";
import type { VerifyLimits } from "./types";

// The one-process runner's defaults (npm run verify); the queue's workers change two of them,
// in one place with the reasons (QUEUE_LIMIT_DEFAULTS, lib/queue/config.ts).
export const VERIFY_LIMIT_DEFAULTS: VerifyLimits = {
  // services verified at once by one process
  concurrency: 4,
  // connections to one mail host at once: two is what a mail client opens (one IMAP, one SMTP)
  perHostConcurrency: 2,
  // a second between checks of one host, so a provider's many services sharing its servers
  // never look like a scan
  perHostPauseMs: 1000,
  stepTimeoutMs: DEFAULT_TIMEOUT_MS,
  retries: 3,
  // doubled after each attempt: 2 s, 4 s, 8 s
  retryBackoffMs: 2000,
};

const whole = (min: number, max: number) => z.coerce.number().int().min(min).max(max).optional();

// The verification limits, from the environment: the one-process runner (npm run verify) and the
// queue's workers read the same variables with the same ranges, so a deployment says its limits
// once and one variable means one thing. An empty variable counts as unset.
const verifyEnvSchema = z.object({
  VERIFY_CONCURRENCY: whole(1, 256),
  VERIFY_PER_HOST: whole(1, 16),
  VERIFY_HOST_PAUSE_MS: whole(0, 600_000),
  VERIFY_STEP_TIMEOUT_MS: whole(100, 60_000),
  VERIFY_RETRIES: whole(0, 10),
  VERIFY_RETRY_BACKOFF_MS: whole(0, 3_600_000),
});

// Only the VERIFY_* variables that are set and not empty.
export function presentVerifyVariables(env: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => entry[0].startsWith("VERIFY_") && !!entry[1]),
  );
}

export function readVerifyLimits(
  env: Record<string, string | undefined> = process.env,
  defaults: VerifyLimits = VERIFY_LIMIT_DEFAULTS,
): VerifyLimits {
  const parsed = verifyEnvSchema.safeParse(presentVerifyVariables(env));
  if (!parsed.success) throw new Error(`Invalid verification limits: ${z.prettifyError(parsed.error)}`);
  const e = parsed.data;
  return {
    concurrency: e.VERIFY_CONCURRENCY ?? defaults.concurrency,
    perHostConcurrency: e.VERIFY_PER_HOST ?? defaults.perHostConcurrency,
    perHostPauseMs: e.VERIFY_HOST_PAUSE_MS ?? defaults.perHostPauseMs,
    stepTimeoutMs: e.VERIFY_STEP_TIMEOUT_MS ?? defaults.stepTimeoutMs,
    retries: e.VERIFY_RETRIES ?? defaults.retries,
    retryBackoffMs: e.VERIFY_RETRY_BACKOFF_MS ?? defaults.retryBackoffMs,
  };
}
