// The home page's chart: per property, how many services support it now and how many did in
// 2006. Pure, so the counts a visitor reads are unit-tested apart from the database.

export type ChartValue = "yes" | "partial" | "no" | "unknown";

// One grouped count from the database: services whose claim for a property has this value.
export type ValueCountRow = { propertyKey: string; value: ChartValue; count: number };

export type PeriodCounts = {
  yes: number;
  partial: number;
  no: number;
  // services with no claim or only an "unknown" one: kept apart from "no"
  unknown: number;
  // services with a known answer (yes, partial or no): the honest denominator for a share
  known: number;
  // every service of the period
  total: number;
};

export type ChartRow = { key: string; now: PeriodCounts; then: PeriodCounts };

export type PeriodInput = { rows: readonly ValueCountRow[]; total: number };

export function toPeriodCounts(rows: readonly ValueCountRow[], propertyKey: string, total: number): PeriodCounts {
  let yes = 0;
  let partial = 0;
  let no = 0;
  for (const row of rows) {
    if (row.propertyKey !== propertyKey) continue;
    if (row.value === "yes") yes += row.count;
    else if (row.value === "partial") partial += row.count;
    else if (row.value === "no") no += row.count;
  }
  const known = yes + partial + no;
  // A service has one current claim per property, so known never exceeds total with good data;
  // the clamp keeps a hand-edited database from drawing a negative bar.
  const safeTotal = Math.max(total, known);
  return { yes, partial, no, unknown: safeTotal - known, known, total: safeTotal };
}

export function buildSupportChart(propertyKeys: readonly string[], now: PeriodInput, then: PeriodInput): ChartRow[] {
  return propertyKeys.map((key) => ({
    key,
    now: toPeriodCounts(now.rows, key, now.total),
    then: toPeriodCounts(then.rows, key, then.total),
  }));
}

export type BarSegment = { value: ChartValue; x: number; width: number };

// A segment that has services but would be thinner than this share of the bar is widened to it,
// so one service out of hundreds is still a visible sliver; the others shrink to make room.
export const MIN_SEGMENT_PERCENT = 1;

const SEGMENT_ORDER: readonly ChartValue[] = ["yes", "partial", "no", "unknown"];

// The bar for one period as percentages of its width (0–100), in reading order: supported,
// partly, not supported, unknown. Segments with no services are left out.
export function barSegments(counts: PeriodCounts): BarSegment[] {
  if (counts.total === 0) return [];
  const raw = SEGMENT_ORDER.map((value) => ({ value, count: counts[value] })).filter((s) => s.count > 0);
  const widened = raw.map((s) => ({ ...s, share: Math.max((s.count / counts.total) * 100, MIN_SEGMENT_PERCENT) }));
  const sum = widened.reduce((acc, s) => acc + s.share, 0);
  let x = 0;
  return widened.map((s) => {
    const width = (s.share / sum) * 100;
    const segment = { value: s.value, x, width };
    x += width;
    return segment;
  });
}
