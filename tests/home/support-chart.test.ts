import { describe, expect, it } from "vitest";
import {
  barSegments,
  buildSupportChart,
  MIN_SEGMENT_PERCENT,
  toPeriodCounts,
  type ValueCountRow,
} from "@/lib/home/support-chart";

const rows: ValueCountRow[] = [
  { propertyKey: "imaps", value: "yes", count: 199 },
  { propertyKey: "smtps", value: "yes", count: 188 },
  { propertyKey: "smtps", value: "no", count: 1 },
  { propertyKey: "apop", value: "partial", count: 10 },
  { propertyKey: "apop", value: "yes", count: 1 },
  { propertyKey: "cram-md5", value: "unknown", count: 4 },
];

describe("toPeriodCounts", () => {
  it("keeps services without an answer apart from those that say no", () => {
    expect(toPeriodCounts(rows, "smtps", 303)).toEqual({
      yes: 188,
      partial: 0,
      no: 1,
      unknown: 114,
      known: 189,
      total: 303,
    });
  });

  it("counts an explicit 'unknown' claim as unknown, not as an answer", () => {
    expect(toPeriodCounts(rows, "cram-md5", 303)).toMatchObject({ yes: 0, known: 0, unknown: 303 });
  });

  it("reports a property nobody wrote about as all unknown", () => {
    expect(toPeriodCounts(rows, "pop3-stls", 9)).toEqual({ yes: 0, partial: 0, no: 0, unknown: 9, known: 0, total: 9 });
  });

  it("never draws a negative unknown when counts exceed the total", () => {
    expect(toPeriodCounts(rows, "imaps", 100)).toMatchObject({ yes: 199, unknown: 0, total: 199 });
  });
});

describe("buildSupportChart", () => {
  it("gives one row per property in the given order, with both periods", () => {
    const chart = buildSupportChart(
      ["pop3s", "smtps"],
      { rows, total: 303 },
      {
        rows: [
          { propertyKey: "pop3s", value: "yes", count: 9 },
          { propertyKey: "smtps", value: "yes", count: 9 },
        ],
        total: 9,
      },
    );
    expect(chart.map((r) => r.key)).toEqual(["pop3s", "smtps"]);
    expect(chart[0]!.now).toMatchObject({ yes: 0, unknown: 303 });
    expect(chart[0]!.then).toMatchObject({ yes: 9, known: 9, unknown: 0, total: 9 });
    expect(chart[1]!.now).toMatchObject({ yes: 188, no: 1 });
  });
});

describe("barSegments", () => {
  const total = (segments: ReturnType<typeof barSegments>) => segments.reduce((a, s) => a + s.width, 0);

  it("fills the bar in reading order: yes, partial, no, unknown", () => {
    const segments = barSegments(toPeriodCounts(rows, "apop", 100));
    expect(segments.map((s) => s.value)).toEqual(["yes", "partial", "unknown"]);
    expect(total(segments)).toBeCloseTo(100);
    // each segment starts where the previous one ends
    expect(segments[1]!.x).toBeCloseTo(segments[0]!.width);
    expect(segments[2]!.x).toBeCloseTo(segments[0]!.width + segments[1]!.width);
  });

  it("draws shares of all services, so unknowns take their real room", () => {
    const segments = barSegments(toPeriodCounts(rows, "imaps", 398));
    expect(segments.find((s) => s.value === "yes")!.width).toBeCloseTo(50, 0);
    expect(segments.find((s) => s.value === "unknown")!.width).toBeCloseTo(50, 0);
  });

  it("keeps one service out of hundreds visible", () => {
    const segments = barSegments(toPeriodCounts(rows, "smtps", 303));
    const no = segments.find((s) => s.value === "no")!;
    expect(no.width).toBeGreaterThanOrEqual(MIN_SEGMENT_PERCENT * 0.99);
    expect(total(segments)).toBeCloseTo(100);
  });

  it("draws nothing for a period without services", () => {
    expect(barSegments(toPeriodCounts([], "pop3s", 0))).toEqual([]);
  });
});
