import { describe, expect, it } from "vitest";
import { chooseCurrentClaim, sourcesDisagree, type RankableClaim } from "@/lib/catalogue/claim-rank";

const claim = (
  value: RankableClaim["value"],
  sourceKind: RankableClaim["sourceKind"],
  sourceKey: string,
  verifiedOn: string | null = null,
) => ({
  value,
  sourceKind,
  sourceKey,
  verifiedOn,
  asOf: verifiedOn ?? "2026-03-12",
});

describe("chooseCurrentClaim", () => {
  it("lets a dataset of 2026 outrank the 2006 page by kind of evidence, not by date", () => {
    const page = claim("no", "page", "hosting-mail-security-2006", "2006-02");
    const ispdb = claim("yes", "dataset", "thunderbird-ispdb");
    expect(chooseCurrentClaim([page, ispdb])).toBe(ispdb);
  });

  it("prefers the provider's documentation over any dataset, and a probe over both", () => {
    const doc = claim("no", "documentation", "doc", "2025-01-01");
    const data = claim("yes", "dataset", "fairemail");
    const probe = claim("yes", "probe", "probe", "2024-01-01");
    expect(chooseCurrentClaim([data, doc])).toBe(doc);
    expect(chooseCurrentClaim([data, doc, probe])).toBe(probe);
  });

  it("does not let a newer dataset win a disagreement on its date alone", () => {
    // FairEmail (2026-08) and ISPDB (2026-03) carry no per-entry date: the less favourable value shows
    const fair = claim("yes", "dataset", "fairemail");
    const ispdb = claim("partial", "dataset", "thunderbird-ispdb");
    expect(chooseCurrentClaim([fair, ispdb])).toBe(ispdb);
    expect(chooseCurrentClaim([ispdb, fair])).toBe(ispdb);
  });

  it("lets a dataset entry someone checked beat unchecked entries of other datasets", () => {
    const checked = claim("no", "dataset", "deltachat-provider-db", "2024-11");
    const unchecked = claim("yes", "dataset", "fairemail");
    expect(chooseCurrentClaim([unchecked, checked])).toBe(checked);
  });

  it("goes by the majority among equally ranked sources", () => {
    const a = claim("yes", "dataset", "a");
    const b = claim("yes", "dataset", "b");
    const c = claim("no", "dataset", "c");
    expect(chooseCurrentClaim([c, a, b])?.value).toBe("yes");
  });

  it("shows unknown only when nothing is known", () => {
    const unknown = claim("unknown", "probe", "probe", "2026-11-01");
    const page = claim("yes", "page", "p", "2006-02");
    expect(chooseCurrentClaim([unknown, page])).toBe(page);
    expect(chooseCurrentClaim([unknown])).toBe(unknown);
    expect(chooseCurrentClaim([])).toBeNull();
  });
});

describe("sourcesDisagree", () => {
  it("compares each source's latest claim", () => {
    expect(sourcesDisagree([claim("no", "page", "p", "2006-02"), claim("yes", "dataset", "d")])).toBe(true);
    expect(sourcesDisagree([claim("yes", "page", "p", "2006-02"), claim("yes", "dataset", "d")])).toBe(false);
    // the same source changing its mind over time is history, not a disagreement
    expect(
      sourcesDisagree([claim("no", "probe", "probe", "2025-01-01"), claim("yes", "probe", "probe", "2026-01-01")]),
    ).toBe(false);
    expect(sourcesDisagree([claim("unknown", "probe", "probe", "2026-01-01"), claim("yes", "dataset", "d")])).toBe(
      false,
    );
  });
});
