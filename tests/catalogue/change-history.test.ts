import { describe, expect, it } from "vitest";
import { changeDirection, deriveChangeHistory, groupByDate, type HistoryClaim } from "@/lib/catalogue/change-history";

const claim = (
  propertyKey: string,
  value: HistoryClaim["value"],
  sourceKind: HistoryClaim["sourceKind"],
  asOf: string,
  sourceKey: string = `${sourceKind}-source`,
  verifiedOn: string | null = sourceKind === "dataset" ? null : asOf,
): HistoryClaim => ({ propertyKey, value, sourceKind, sourceKey, asOf, verifiedOn });

const summary = (changes: ReturnType<typeof deriveChangeHistory>) =>
  changes.map(
    (c) => `${c.date} ${c.propertyKey} ${c.from?.value ?? "-"}→${c.to.value} ${c.direction} (${c.to.sourceKey})`,
  );

describe("deriveChangeHistory", () => {
  it("records the first known value and each later change, newest first", () => {
    const history = deriveChangeHistory([
      claim("pop3s", "no", "page", "2006-02", "page-2006"),
      claim("pop3s", "yes", "dataset", "2026-03-12", "ispdb"),
      claim("pop3s", "no", "probe", "2026-11-29", "probe"),
    ]);
    expect(summary(history)).toEqual([
      "2026-11-29 pop3s yes→no worse (probe)",
      "2026-03-12 pop3s no→yes improved (ispdb)",
      "2006-02 pop3s -→no new (page-2006)",
    ]);
  });

  it("ignores claims that only repeat the current value, from the same source or another", () => {
    const history = deriveChangeHistory([
      claim("imaps", "yes", "dataset", "2020-07-16", "deltachat"),
      claim("imaps", "yes", "dataset", "2026-03-12", "ispdb"),
      claim("imaps", "yes", "probe", "2026-11-29", "probe"),
      claim("imaps", "yes", "probe", "2026-12-01", "probe"),
    ]);
    expect(summary(history)).toEqual(["2020-07-16 imaps -→yes new (deltachat)"]);
  });

  it("shows no change when a newer claim of weaker evidence disagrees: the current value stays", () => {
    const history = deriveChangeHistory([
      claim("smtps", "yes", "documentation", "2025-05-26", "docs"),
      claim("smtps", "no", "page", "2026-01", "blog"),
    ]);
    expect(summary(history)).toEqual(["2025-05-26 smtps -→yes new (docs)"]);
  });

  it("counts claims of one date together, so their order never shows as a change", () => {
    // two datasets of the same date disagree: the less favourable value is shown, at once
    const history = deriveChangeHistory([
      claim("apop", "yes", "dataset", "2026-03-12", "a"),
      claim("apop", "no", "dataset", "2026-03-12", "b"),
      claim("apop", "no", "dataset", "2026-03-12", "c"),
    ]);
    expect(summary(history)).toEqual(["2026-03-12 apop -→no new (b)"]);
  });

  it("keeps unknown out of the history until something is known, and treats unknown → known as new", () => {
    expect(deriveChangeHistory([claim("oauth2", "unknown", "dataset", "2020-07-16")])).toEqual([]);
    const history = deriveChangeHistory([
      claim("oauth2", "unknown", "dataset", "2020-07-16", "a"),
      claim("oauth2", "partial", "dataset", "2026-03-12", "b"),
    ]);
    expect(summary(history)).toEqual(["2026-03-12 oauth2 -→partial new (b)"]);
  });

  it("orders the properties of one date as given and keeps the claims themselves", () => {
    const probe = claim("smtps", "partial", "probe", "2026-11-29");
    const history = deriveChangeHistory(
      [
        claim("imaps", "yes", "dataset", "2026-03-12"),
        claim("smtps", "yes", "dataset", "2026-03-12"),
        claim("imaps", "no", "probe", "2026-11-29"),
        probe,
      ],
      ["smtps", "imaps"],
    );
    expect(history.map((c) => `${c.date} ${c.propertyKey}`)).toEqual([
      "2026-11-29 smtps",
      "2026-11-29 imaps",
      "2026-03-12 smtps",
      "2026-03-12 imaps",
    ]);
    expect(history[0]!.to).toBe(probe);
    expect(history[0]!.direction).toBe("worse");
  });

  it("handles dates of mixed precision in order", () => {
    const history = deriveChangeHistory([
      claim("pop3s", "no", "page", "2006-02", "p1"),
      claim("pop3s", "yes", "page", "2006-02-20", "p2"),
      claim("pop3s", "partial", "page", "2007", "p3"),
    ]);
    expect(summary(history)).toEqual([
      "2007 pop3s yes→partial worse (p3)",
      "2006-02-20 pop3s no→yes improved (p2)",
      "2006-02 pop3s -→no new (p1)",
    ]);
  });

  it("returns nothing for no claims", () => {
    expect(deriveChangeHistory([])).toEqual([]);
  });
});

describe("changeDirection", () => {
  it("orders no < partial < yes and calls a first known value new", () => {
    expect(changeDirection("no", "partial")).toBe("improved");
    expect(changeDirection("yes", "partial")).toBe("worse");
    expect(changeDirection(null, "yes")).toBe("new");
    expect(changeDirection("unknown", "no")).toBe("new");
  });
});

describe("groupByDate", () => {
  it("groups consecutive changes of one date", () => {
    expect(
      groupByDate([
        { date: "2026-11-29", k: 1 },
        { date: "2026-11-29", k: 2 },
        { date: "2026-03-12", k: 3 },
      ]).map((g) => [g.date, g.changes.length]),
    ).toEqual([
      ["2026-11-29", 2],
      ["2026-03-12", 1],
    ]);
  });
});
