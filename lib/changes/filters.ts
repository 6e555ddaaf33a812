import { z } from "zod";
import type { ChangeDirection } from "@/lib/catalogue/change-history";
import type { RawSearchParams } from "@/lib/catalogue/filters";

// The recent-changes page's filters, parsed from its URL: a bad or unknown value falls back to
// the default, so a hand-edited URL shows the list instead of an error.

export const DIRECTION_FILTERS = ["all", "improved", "worse", "new"] as const;
export type DirectionFilter = (typeof DIRECTION_FILTERS)[number];
// 30 entries keep the page near the catalogue's HTML weight
export const CHANGES_PAGE_SIZE = 30;
// a bound on how deep the list pages, whatever the URL asks
export const MAX_CHANGES_PAGE = 1000;

export type ChangeFilters = { direction: DirectionFilter; property: string; page: number };
export const DEFAULT_CHANGE_FILTERS: ChangeFilters = { direction: "all", property: "", page: 1 };

const first = (value: unknown): unknown => (Array.isArray(value) ? (value as unknown[])[0] : value);

const changeFilterSchema = z.object({
  direction: z.preprocess(first, z.enum(DIRECTION_FILTERS)).catch(DEFAULT_CHANGE_FILTERS.direction),
  property: z.preprocess(first, z.string().max(64)).catch(DEFAULT_CHANGE_FILTERS.property),
  page: z.preprocess(first, z.coerce.number().int().min(1).max(MAX_CHANGES_PAGE)).catch(DEFAULT_CHANGE_FILTERS.page),
});

export function parseChangeFilters(params: RawSearchParams, knownProperties: readonly string[]): ChangeFilters {
  const parsed = changeFilterSchema.parse(params);
  return { ...parsed, property: knownProperties.includes(parsed.property) ? parsed.property : "" };
}

export function matchesChangeFilters(
  change: { direction: ChangeDirection; propertyKey: string },
  filters: Pick<ChangeFilters, "direction" | "property">,
): boolean {
  return (
    (filters.direction === "all" || change.direction === filters.direction) &&
    (filters.property === "" || change.propertyKey === filters.property)
  );
}

// Only the values that differ from the defaults, in a fixed order, so equal filters give equal URLs.
export function changeFiltersQuery(filters: ChangeFilters): string {
  const params = new URLSearchParams();
  if (filters.direction !== DEFAULT_CHANGE_FILTERS.direction) params.set("direction", filters.direction);
  if (filters.property !== DEFAULT_CHANGE_FILTERS.property) params.set("property", filters.property);
  if (filters.page !== DEFAULT_CHANGE_FILTERS.page) params.set("page", String(filters.page));
  const query = params.toString();
  return query ? `?${query}` : "";
}

export function paginate<T>(items: readonly T[], page: number, size: number = CHANGES_PAGE_SIZE) {
  const pageCount = Math.max(1, Math.ceil(items.length / size));
  const current = Math.min(page, pageCount);
  return { items: items.slice((current - 1) * size, current * size), page: current, pageCount, total: items.length };
}
