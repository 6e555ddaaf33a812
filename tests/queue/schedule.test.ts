import { describe, expect, it } from "vitest";
import { HOURS_PER_WEEK, hourOfWeek, slugsDueAt, weeklySlot } from "@/lib/queue/schedule";

describe("weekly verification slots", () => {
  it("spreads 50,000 services evenly over the 168 hours of a week", () => {
    const counts = new Array<number>(HOURS_PER_WEEK).fill(0);
    for (let i = 0; i < 50_000; i++) counts[weeklySlot(`provider-${i}`)]!++;
    const mean = 50_000 / HOURS_PER_WEEK;
    // A fair hash gives each hour about 298 ± 17 (√298); the fullest and emptiest of 168 hours
    // land 3–4 of those from the mean (here 361 and 248), a clustered one far beyond ±25 %.
    expect(Math.min(...counts)).toBeGreaterThan(mean * 0.75);
    expect(Math.max(...counts)).toBeLessThan(mean * 1.25);
    const chiSquare = counts.reduce((sum, n) => sum + (n - mean) ** 2 / mean, 0);
    // 167 degrees of freedom: the 99.9th percentile is about 229
    expect(chiSquare).toBeLessThan(229);
  });

  it("gives a service the same hour every week and every run", () => {
    expect(weeklySlot("gmail")).toBe(weeklySlot("gmail"));
    expect(weeklySlot("gmail")).toBeGreaterThanOrEqual(0);
    expect(weeklySlot("gmail")).toBeLessThan(HOURS_PER_WEEK);
  });

  it("counts the hours of the week from Monday 00:00 UTC", () => {
    expect(hourOfWeek(new Date("2026-12-07T00:30:00Z"))).toBe(0); // a Monday
    expect(hourOfWeek(new Date("2026-12-08T05:00:00Z"))).toBe(29);
    expect(hourOfWeek(new Date("2026-12-13T23:59:59Z"))).toBe(167); // the Sunday after
  });

  it("picks exactly the services whose hour has come, each once a week", () => {
    const slugs = Array.from({ length: 2000 }, (_, i) => `s-${i}`);
    const monday = Date.parse("2026-12-07T00:00:00Z");
    const seen = new Map<string, number>();
    for (let h = 0; h < HOURS_PER_WEEK; h++) {
      for (const slug of slugsDueAt(slugs, new Date(monday + h * 3_600_000))) seen.set(slug, (seen.get(slug) ?? 0) + 1);
    }
    expect(seen.size).toBe(slugs.length);
    expect([...seen.values()].every((n) => n === 1)).toBe(true);
  });
});
