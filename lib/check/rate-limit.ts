// An in-memory sliding window per client: at most `limit` hits in any `windowMs`. One process
// holds it, which suits a single server; several would each count on their own.

export type RateLimitDecision = { allowed: true } | { allowed: false; retryAfterMs: number };

export type SlidingWindowLimiter = {
  hit: (key: string) => RateLimitDecision;
  reset: () => void;
};

// Beyond this many clients the oldest are forgotten, so a flood of spoofed keys cannot grow
// the map without end.
const MAX_KEYS = 10_000;

export function createSlidingWindowLimiter({
  limit,
  windowMs,
  now = Date.now,
}: {
  limit: number;
  windowMs: number;
  now?: () => number;
}): SlidingWindowLimiter {
  const hits = new Map<string, number[]>();
  return {
    hit(key) {
      const t = now();
      const recent = (hits.get(key) ?? []).filter((at) => t - at < windowMs);
      if (recent.length >= limit) {
        hits.set(key, recent);
        return { allowed: false, retryAfterMs: windowMs - (t - recent[0]!) };
      }
      recent.push(t);
      // Re-inserting keeps the Map in least-recently-used order for the eviction below.
      hits.delete(key);
      hits.set(key, recent);
      if (hits.size > MAX_KEYS) {
        const oldest = hits.keys().next().value;
        if (oldest !== undefined) hits.delete(oldest);
      }
      return { allowed: true };
    },
    reset: () => hits.clear(),
  };
}

// The first address in X-Forwarded-For is the client as the outermost proxy saw it; without a
// proxy in front these headers are whatever the client sent, which is why the limit is only a
// brake on casual abuse, not an identity.
export function clientKey(headers: { get(name: string): string | null }): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  const real = headers.get("x-real-ip")?.trim();
  return (forwarded || real || "unknown").slice(0, 64);
}

export const CHECK_RATE_LIMIT = { limit: 5, windowMs: 60_000 } as const;

// One limiter per server process; kept on globalThis so the dev server's module reloads do not
// hand every client a fresh allowance.
const globalForLimiter = globalThis as unknown as { checkRateLimiter?: SlidingWindowLimiter };

export function getCheckRateLimiter(): SlidingWindowLimiter {
  globalForLimiter.checkRateLimiter ??= createSlidingWindowLimiter(CHECK_RATE_LIMIT);
  return globalForLimiter.checkRateLimiter;
}
