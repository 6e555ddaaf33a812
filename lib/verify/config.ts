import { z } from "zod";
import { DEFAULT_TIMEOUT_MS } from "@/lib/probe/types";
import type { VerifyLimits } from "./types";

const whole = (min: number, max: number, fallback: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

// The verification limits, from the environment: the one-process runner (npm run verify) and the
// queue's workers read the same variables, so a deployment says its limits once. An empty
// variable counts as unset.
const verifyEnvSchema = z.object({
  // services verified at once by one process
  VERIFY_CONCURRENCY: whole(1, 256, 4),
  // connections to one mail host at once: two is what a mail client opens (one IMAP, one SMTP)
  VERIFY_PER_HOST: whole(1, 16, 2),
  // a second between checks of one host, so a provider's many services sharing its servers
  // never look like a scan
  VERIFY_HOST_PAUSE_MS: whole(0, 600_000, 1000),
  VERIFY_STEP_TIMEOUT_MS: whole(100, 60_000, DEFAULT_TIMEOUT_MS),
  VERIFY_RETRIES: whole(0, 10, 3),
  // doubled after each attempt: 2 s, 4 s, 8 s
  VERIFY_RETRY_BACKOFF_MS: whole(0, 3_600_000, 2000),
});

export function readVerifyLimits(env: Record<string, string | undefined> = process.env): VerifyLimits {
  const present = Object.fromEntries(Object.entries(env).filter(([k, v]) => k.startsWith("VERIFY_") && v !== ""));
  const parsed = verifyEnvSchema.safeParse(present);
  if (!parsed.success) throw new Error(`Invalid verification limits: ${z.prettifyError(parsed.error)}`);
  const e = parsed.data;
  return {
    concurrency: e.VERIFY_CONCURRENCY,
    perHostConcurrency: e.VERIFY_PER_HOST,
    perHostPauseMs: e.VERIFY_HOST_PAUSE_MS,
    stepTimeoutMs: e.VERIFY_STEP_TIMEOUT_MS,
    retries: e.VERIFY_RETRIES,
    retryBackoffMs: e.VERIFY_RETRY_BACKOFF_MS,
  };
}
