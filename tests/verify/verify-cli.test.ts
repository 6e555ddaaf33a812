import { describe, expect, it } from "vitest";
import { parseVerifyArgs, UsageError } from "../../scripts/verify";

describe("npm run verify's arguments", () => {
  it("takes --all or slugs, --in-process and a --today date", () => {
    expect(parseVerifyArgs(["--all"])).toEqual({ all: true, slugs: [], today: undefined, inProcess: false });
    expect(parseVerifyArgs(["--all", "--in-process"])).toMatchObject({ all: true, inProcess: true });
    expect(parseVerifyArgs(["gmail", "nifty", "gmail", "--today", "2026-12-01"])).toEqual({
      all: false,
      slugs: ["gmail", "nifty"],
      today: "2026-12-01",
      inProcess: false,
    });
    expect(parseVerifyArgs(["-h"])).toBe("help");
  });

  it("refuses nothing, both, an unknown option and a bad date, saying why", () => {
    expect(() => parseVerifyArgs([])).toThrow(new UsageError("name the services to verify, or --all"));
    expect(() => parseVerifyArgs(["--all", "gmail"])).toThrow(/not both/);
    expect(() => parseVerifyArgs(["--everything"])).toThrow(UsageError);
    expect(() => parseVerifyArgs(["gmail", "--today", "2026-13-01"])).toThrow(/--today must be a date/);
  });
});
