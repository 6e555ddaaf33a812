import { describe, expect, it } from "vitest";
import { STALE_AFTER_MONTHS } from "@/lib/catalogue/freshness";
import { currentPicks } from "@/lib/home/picks";

describe("currentPicks", () => {
  const now = new Date("2026-11-29T00:00:00Z");

  it("keeps a pick checked recently and drops one resting on the 2006 page", () => {
    const picks = [
      { slug: "cpi", newestEvidence: "2026-11-29" },
      { slug: "ablenet", newestEvidence: "2006-02" },
    ];
    expect(currentPicks(picks, now).map((p) => p.slug)).toEqual(["cpi"]);
  });

  it("drops a pick with no dated evidence at all", () => {
    expect(currentPicks([{ slug: "x", newestEvidence: null }], now)).toEqual([]);
  });

  it(`turns a pick stale once its evidence is ${STALE_AFTER_MONTHS} months old`, () => {
    expect(currentPicks([{ newestEvidence: "2023-12" }], now)).toHaveLength(1);
    expect(currentPicks([{ newestEvidence: "2023-11" }], now)).toHaveLength(0);
  });
});
