import { describe, expect, it } from "vitest";
import { lastVerified, oldestLastVerified } from "@/lib/catalogue/freshness";

describe("lastVerified", () => {
  it("is the latest of the claim's own date and the days it was verified again", () => {
    expect(lastVerified({ asOf: "2025-03", verifiedOn: null, value: "yes" })).toBe("2025-03");
    expect(lastVerified({ asOf: "2025-03", verifiedOn: "2025-04-02", value: "yes" })).toBe("2025-04-02");
    expect(
      lastVerified({ asOf: "2025-03", verifiedOn: "2025-04-02", value: "yes", verifications: [{ day: "2026-12-03" }] }),
    ).toBe("2026-12-03");
    // a verification dated before the claim's own date (a backfill) never moves it back
    expect(
      lastVerified({ asOf: "2026-12-03", verifiedOn: null, value: "no", verifications: [{ day: "2026-01-01" }] }),
    ).toBe("2026-12-03");
  });
});

describe("oldestLastVerified", () => {
  it("is the oldest among claims that say something, null when none does", () => {
    expect(
      oldestLastVerified([
        { asOf: "2006-02", verifiedOn: "2006-02", value: "yes", verifications: [{ day: "2026-12-03" }] },
        { asOf: "2024-05", verifiedOn: null, value: "no" },
        { asOf: "2001", verifiedOn: null, value: "unknown" },
      ]),
    ).toBe("2024-05");
    expect(oldestLastVerified([{ asOf: "2001", verifiedOn: null, value: "unknown" }])).toBeNull();
    expect(oldestLastVerified([])).toBeNull();
  });
});
