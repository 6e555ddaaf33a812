import { describe, expect, it } from "vitest";
import { CHECK_RATE_LIMIT, decideWindow, formatHits, hitsInWindow, parseHits } from "@/lib/check/rate-limit";

const MINUTE = 60_000;

describe("the sliding window's arithmetic", () => {
  it("allows five checks a minute, then says when the next one is allowed", () => {
    const start = 1_000_000;
    const hits = [0, 1, 2, 3, 4].map((i) => start + i * 1000);
    const now = start + 5000;
    expect(decideWindow(hits.slice(0, 4), now, CHECK_RATE_LIMIT)).toEqual({ allowed: true });
    expect(decideWindow(hits, now, CHECK_RATE_LIMIT)).toEqual({ allowed: false, retryAfterMs: 55_000 });
  });

  it("slides: a hit exactly one window old has left it, one a millisecond younger has not", () => {
    const now = 10 * MINUTE;
    expect(hitsInWindow([now - MINUTE, now - MINUTE + 1, now - 5], now, MINUTE)).toEqual([now - MINUTE + 1, now - 5]);
    expect(hitsInWindow([], now, MINUTE)).toEqual([]);
  });

  it("keeps the hits oldest first whatever order they were stored in", () => {
    expect(hitsInWindow([300, 100, 200], 400, MINUTE)).toEqual([100, 200, 300]);
  });

  it("after a lowered limit, waits for as many hits to leave as it takes to fall below it", () => {
    const now = 100_000;
    // five hits inside a window now limited to three: the third oldest must leave first
    const recent = [41_000, 50_000, 60_000, 70_000, 80_000];
    expect(decideWindow(recent, now, { limit: 3, windowMs: MINUTE })).toEqual({ allowed: false, retryAfterMs: 20_000 });
  });

  it("never asks for more than one window when another machine stamped a hit ahead of this clock", () => {
    const now = 100_000;
    expect(decideWindow([now + 2000], now, { limit: 1, windowMs: MINUTE })).toEqual({
      allowed: false,
      retryAfterMs: MINUTE,
    });
    expect(hitsInWindow([now + 2000], now, MINUTE)).toEqual([now + 2000]);
  });

  it("round-trips the stored form and drops what is not a time", () => {
    const hits = [1_733_400_000_000, 1_733_400_001_000];
    expect(parseHits(formatHits(hits))).toEqual(hits);
    expect(parseHits("")).toEqual([]);
    expect(parseHits("12,x,1.5,34")).toEqual([12, 34]);
  });
});
