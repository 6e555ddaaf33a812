import { describe, expect, it } from "vitest";
import { calendarStatus, changesAhead, firstDay, lastDay, nextDay } from "@/lib/calendar/timeline";

describe("partial dates as periods", () => {
  it("start on their first day and end on their last", () => {
    expect([firstDay("2026"), firstDay("2026-12"), firstDay("2026-07-01")]).toEqual([
      "2026-01-01",
      "2026-12-01",
      "2026-07-01",
    ]);
    expect([lastDay("2026"), lastDay("2026-02"), lastDay("2028-02"), lastDay("2026-07-01")]).toEqual([
      "2026-12-31",
      "2026-02-28",
      "2028-02-29",
      "2026-07-01",
    ]);
    expect(nextDay("2026-12-31")).toBe("2027-01-01");
  });
});

describe("calendarStatus", () => {
  const entry = (date: string, more: { dateEnd?: string; endToBeAnnounced?: boolean } = {}) => ({
    date,
    endToBeAnnounced: false,
    ...more,
  });
  it("is upcoming before the start, under way within the period, past after it", () => {
    expect(calendarStatus(entry("2026-12-06"), "2026-12-05")).toBe("upcoming");
    expect(calendarStatus(entry("2026-12"), "2026-12-05")).toBe("underway");
    expect(calendarStatus(entry("2026-07-01", { dateEnd: "2026-12-31" }), "2026-12-31")).toBe("underway");
    expect(calendarStatus(entry("2026-07-01", { dateEnd: "2026-12-31" }), "2027-01-01")).toBe("past");
    expect(calendarStatus(entry("2024-09-16"), "2026-12-05")).toBe("past");
  });
  it("keeps a change whose end is still to be announced under way", () => {
    expect(calendarStatus(entry("2026-01", { endToBeAnnounced: true }), "2030-01-01")).toBe("underway");
  });
  it("changesAhead leaves out the past and what does not affect the subject", () => {
    const entries = [
      { id: "b", ...entry("2026-12"), services: ["x"] },
      { id: "a", ...entry("2024-09-16"), services: ["x"] },
      { id: "c", ...entry("2026-07-01", { dateEnd: "2026-12-31" }), services: ["x", "y"] },
      { id: "d", ...entry("2027-01"), services: ["y"] },
    ];
    expect(changesAhead(entries, "2026-12-05", (e) => e.services.includes("x")).map((e) => e.id)).toEqual(["c", "b"]);
  });
});
