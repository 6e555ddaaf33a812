import { isStale } from "@/lib/catalogue/freshness";

// A pick resting on stale evidence would recommend what nobody has checked for years, so the
// home page shows only picks whose newest current evidence is still fresh.
export function currentPicks<P extends { newestEvidence: string | null }>(picks: readonly P[], now: Date): P[] {
  return picks.filter((p) => !isStale(p.newestEvidence, now));
}
