// The arithmetic of a sliding window: at most `limit` hits in any `windowMs`. Pure, so the limits
// kept in the database (check-limits.ts) and their tests share it.

export type RateLimitDecision = { allowed: true } | { allowed: false; retryAfterMs: number };
export type WindowSettings = { limit: number; windowMs: number };

// Five checks a minute per client; the page states this figure. The per-domain and global limits
// beside it are in check-limits.ts.
export const CHECK_RATE_LIMIT = { limit: 5, windowMs: 60_000 } as const;

// The hits still inside the window at `now`, oldest first. A hit stamped ahead of `now` (by
// another machine whose clock runs a little fast) counts as inside.
export function hitsInWindow(hits: readonly number[], now: number, windowMs: number): number[] {
  return hits.filter((at) => now - at < windowMs).sort((a, b) => a - b);
}

// Whether one more hit fits beside `recent` (hitsInWindow's answer). When it does not, the wait is
// until the hit whose leaving brings the count below the limit: the oldest when the window is
// full, a later one when it holds more (only after the limit was lowered).
export function decideWindow(recent: readonly number[], now: number, settings: WindowSettings): RateLimitDecision {
  const { limit, windowMs } = settings;
  if (recent.length < limit) return { allowed: true };
  const freeing = recent[recent.length - limit]!;
  return { allowed: false, retryAfterMs: Math.min(windowMs, windowMs - (now - freeing)) };
}

// A window's hits as the database keeps them: epoch milliseconds, oldest first, comma-separated.
// Anything else in the text is dropped, so a damaged row counts as fewer hits, never as an error.
export function parseHits(text: string): number[] {
  return text === "" ? [] : text.split(",").map(Number).filter(Number.isSafeInteger);
}

export function formatHits(hits: readonly number[]): string {
  return hits.join(",");
}
