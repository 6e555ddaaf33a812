import { describe, expect, it } from "vitest";
import {
  appendCompare,
  compareQuery,
  compareStatus,
  MAX_COMPARE,
  MIN_COMPARE,
  parseCompareParams,
  toggleCompare,
} from "@/lib/catalogue/compare-params";
import { activeFilterCount, DEFAULT_FILTERS, parseCatalogueFilters, toQueryString } from "@/lib/catalogue/filters";

describe("toggleCompare", () => {
  it("adds a service at the end and removes a selected one", () => {
    expect(toggleCompare([], "cpi")).toEqual(["cpi"]);
    expect(toggleCompare(["cpi"], "xserver")).toEqual(["cpi", "xserver"]);
    expect(toggleCompare(["cpi", "xserver"], "cpi")).toEqual(["xserver"]);
  });

  it("never adds a fifth", () => {
    const four = ["a", "b", "c", "d"];
    expect(four).toHaveLength(MAX_COMPARE);
    expect(toggleCompare(four, "e")).toEqual(four);
    expect(toggleCompare(four, "b")).toEqual(["a", "c", "d"]);
  });
});

describe("compareStatus", () => {
  it("allows comparing from two to four", () => {
    expect([0, 1, 2, 3, 4].map(compareStatus)).toEqual(["none", "too-few", "ready", "ready", "full"]);
    expect(compareStatus(MIN_COMPARE)).toBe("ready");
  });
});

describe("the selection in catalogue URLs", () => {
  it("rides along with the filters, after them, and parses back", () => {
    const query = toQueryString({ ...DEFAULT_FILTERS, has: ["smtps"], page: 2 }, ["cpi", "xserver"]);
    expect(query).toBe("?has=smtps&page=2&s=cpi&s=xserver");
    const params = new URLSearchParams(query);
    expect(parseCompareParams({ s: params.getAll("s") }).slugs).toEqual(["cpi", "xserver"]);
    // the filters ignore it
    expect(parseCatalogueFilters(params, ["smtps"])).toEqual({ ...DEFAULT_FILTERS, has: ["smtps"], page: 2 });
  });

  it("gives the same query as the compare page's own helper", () => {
    expect(`?${appendCompare(new URLSearchParams(), ["a", "b"]).toString()}`).toBe(compareQuery(["a", "b"]));
    expect(toQueryString({}, [])).toBe("");
  });
});

describe("activeFilterCount", () => {
  it("counts what narrows the list, not the order or the page size", () => {
    expect(activeFilterCount(DEFAULT_FILTERS)).toBe(0);
    expect(activeFilterCount({ ...DEFAULT_FILTERS, sort: "name", per: 100, page: 3 })).toBe(0);
    expect(
      activeFilterCount({ ...DEFAULT_FILTERS, q: "cpi", segment: "business", kind: "isp", has: ["pop3s", "smtps"] }),
    ).toBe(5);
  });
});
