import {
  RetryableVerifyError,
  type HostLimiter,
  type VerifyDeps,
  type VerifyLimits,
  type VerifyOutcome,
} from "./types";
import { verifyService } from "./verify-service";

export type Clock = { now: () => number; sleep: (ms: number) => Promise<void> };

export const REAL_CLOCK: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

type HostState = { active: number; nextStart: number; waiters: Array<() => void> };

// One process's limiter: at most perHostConcurrency checks of a host at once, and none starting
// within perHostPauseMs of the last one ending. Host names are compared lower-cased.
export class MemoryHostLimiter implements HostLimiter {
  private readonly hosts = new Map<string, HostState>();

  constructor(
    private readonly limits: Pick<VerifyLimits, "perHostConcurrency" | "perHostPauseMs">,
    private readonly clock: Clock = REAL_CLOCK,
  ) {}

  async run<T>(host: string, fn: () => Promise<T>): Promise<T> {
    const key = host.toLowerCase();
    let state = this.hosts.get(key);
    if (!state) {
      state = { active: 0, nextStart: 0, waiters: [] };
      this.hosts.set(key, state);
    }
    for (;;) {
      if (state.active >= this.limits.perHostConcurrency) {
        await new Promise<void>((resolve) => state.waiters.push(resolve));
        continue;
      }
      const wait = state.nextStart - this.clock.now();
      if (wait > 0) {
        await this.clock.sleep(wait);
        continue;
      }
      break;
    }
    state.active++;
    try {
      return await fn();
    } finally {
      state.active--;
      state.nextStart = this.clock.now() + this.limits.perHostPauseMs;
      state.waiters.shift()?.();
      // a host nobody waits for is forgotten once its pause is over, so memory follows the
      // hosts in flight, not every host ever checked
      if (state.active === 0 && state.waiters.length === 0) {
        const done = state;
        const forget = () => {
          const idle = done.active === 0 && done.waiters.length === 0 && done.nextStart <= this.clock.now();
          if (idle && this.hosts.get(key) === done) this.hosts.delete(key);
        };
        if (this.limits.perHostPauseMs === 0) forget();
        else void this.clock.sleep(this.limits.perHostPauseMs).then(forget);
      }
    }
  }

  // hosts with a check running, waiting or pausing (tests)
  get trackedHosts(): number {
    return this.hosts.size;
  }
}

export type VerificationResult =
  | { slug: string; ok: true; outcome: VerifyOutcome; attempts: number }
  | { slug: string; ok: false; error: Error; attempts: number };

export type RunOptions = {
  verify?: typeof verifyService;
  clock?: Clock;
  onResult?: (result: VerificationResult) => void;
};

// The embedded database's way to run the jobs (npm run verify): the queue's handler, in this
// process, with the same limits. Up to `concurrency` services at once; a job that failed on the
// network (RetryableVerifyError) is tried again after retryBackoffMs, doubling each time, up to
// `retries` more times; any other error fails the job at once. Results keep the order of slugs.
export async function runVerifications(
  deps: VerifyDeps,
  slugs: readonly string[],
  limits: VerifyLimits,
  { verify = verifyService, clock = REAL_CLOCK, onResult }: RunOptions = {},
): Promise<VerificationResult[]> {
  const results: VerificationResult[] = new Array<VerificationResult>(slugs.length);
  let next = 0;
  const runOne = async (slug: string): Promise<VerificationResult> => {
    for (let attempt = 1; ; attempt++) {
      try {
        return { slug, ok: true, outcome: await verify(deps, slug), attempts: attempt };
      } catch (error) {
        const err = error instanceof Error ? error : new Error(String(error));
        if (!(err instanceof RetryableVerifyError) || attempt > limits.retries) {
          return { slug, ok: false, error: err, attempts: attempt };
        }
        await clock.sleep(limits.retryBackoffMs * 2 ** (attempt - 1));
      }
    }
  };
  const worker = async () => {
    while (next < slugs.length) {
      const i = next++;
      const result = await runOne(slugs[i]!);
      results[i] = result;
      onResult?.(result);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limits.concurrency, slugs.length)) }, worker));
  return results;
}
