import { describe, expect, it } from "vitest";
import {
  changeFiltersQuery,
  DEFAULT_CHANGE_FILTERS,
  matchesChangeFilters,
  paginate,
  parseChangeFilters,
} from "@/lib/changes/filters";

const KEYS = ["pop3s", "imaps"];

describe("parseChangeFilters", () => {
  it("reads known values and falls back to defaults on anything else", () => {
    expect(parseChangeFilters({ direction: "worse", property: "imaps", page: "3" }, KEYS)).toEqual({
      direction: "worse",
      property: "imaps",
      page: 3,
    });
    expect(parseChangeFilters({ direction: "sideways", property: "nope", page: "-1" }, KEYS)).toEqual(
      DEFAULT_CHANGE_FILTERS,
    );
    expect(parseChangeFilters({ direction: ["improved", "worse"], page: "1e9" }, KEYS)).toEqual({
      ...DEFAULT_CHANGE_FILTERS,
      direction: "improved",
    });
  });
});

describe("matchesChangeFilters", () => {
  it("keeps a change that matches both the direction and the property", () => {
    const change = { direction: "worse" as const, propertyKey: "pop3s" };
    expect(matchesChangeFilters(change, { direction: "all", property: "" })).toBe(true);
    expect(matchesChangeFilters(change, { direction: "worse", property: "pop3s" })).toBe(true);
    expect(matchesChangeFilters(change, { direction: "improved", property: "" })).toBe(false);
    expect(matchesChangeFilters(change, { direction: "all", property: "imaps" })).toBe(false);
  });
});

describe("changeFiltersQuery", () => {
  it("writes only what differs from the defaults, in a fixed order", () => {
    expect(changeFiltersQuery(DEFAULT_CHANGE_FILTERS)).toBe("");
    expect(changeFiltersQuery({ page: 2, property: "imaps", direction: "new" })).toBe(
      "?direction=new&property=imaps&page=2",
    );
  });
});

describe("paginate", () => {
  it("clamps the page to the last one and reports the count", () => {
    const items = Array.from({ length: 120 }, (_, i) => i);
    expect(paginate(items, 2, 50)).toMatchObject({ page: 2, pageCount: 3, total: 120 });
    expect(paginate(items, 9, 50).items).toEqual(items.slice(100));
    expect(paginate([], 1, 50)).toEqual({ items: [], page: 1, pageCount: 1, total: 0 });
  });
});
