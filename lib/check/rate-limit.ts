// An in-memory sliding window per client: at most `limit` hits in any `windowMs`. One process
// holds it, which suits a single server; several would each count on their own.

export type RateLimitDecision = { allowed: true } | { allowed: false; retryAfterMs: number };

export type SlidingWindowLimiter = {
  hit: (key: string) => RateLimitDecision;
  // what hit would answer, without counting
  peek: (key: string) => RateLimitDecision;
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
  const peek = (key: string): RateLimitDecision => {
    const t = now();
    const recent = (hits.get(key) ?? []).filter((at) => t - at < windowMs);
    return recent.length >= limit ? { allowed: false, retryAfterMs: windowMs - (t - recent[0]!) } : { allowed: true };
  };
  return {
    peek,
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

// Five checks a minute per client; the page states this figure. The per-domain and global limits
// beside it are in check-limits.ts.
export const CHECK_RATE_LIMIT = { limit: 5, windowMs: 60_000 } as const;
