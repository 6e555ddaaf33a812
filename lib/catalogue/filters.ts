import { z } from "zod";
import { ServiceKind } from "@/lib/generated/prisma/enums";
import { appendCompare } from "@/lib/catalogue/compare-params";

export const SORTS = ["recommended", "name", "support"] as const;
export const PAGE_SIZES = [20, 50, 100] as const;
export const SEGMENT_FILTERS = ["all", "personal", "business"] as const;
export const KIND_FILTERS = ["all", ...Object.values(ServiceKind)] as const;
export const MAX_QUERY_LENGTH = 100;

export type CatalogueFilters = {
  q: string;
  segment: (typeof SEGMENT_FILTERS)[number];
  kind: (typeof KIND_FILTERS)[number];
  has: string[];
  sort: (typeof SORTS)[number];
  page: number;
  per: (typeof PAGE_SIZES)[number];
};

export const DEFAULT_FILTERS: CatalogueFilters = {
  q: "",
  segment: "all",
  kind: "all",
  has: [],
  sort: "recommended",
  page: 1,
  per: 20,
};

// A search-param value may arrive as a string, a repeated key (array) or not at all.
type RawParam = string | string[] | undefined;
export type RawSearchParams = Record<string, RawParam>;

const first = (value: unknown): unknown => (Array.isArray(value) ? (value as unknown[])[0] : value);
const all = (value: unknown): unknown[] =>
  Array.isArray(value) ? (value as unknown[]) : value === undefined ? [] : [value];

// Every field falls back to its default on a bad value, so a hand-edited URL shows the
// catalogue instead of an error page.
const filterSchema = z.object({
  q: z.preprocess(first, z.string().trim().max(MAX_QUERY_LENGTH)).catch(DEFAULT_FILTERS.q),
  segment: z.preprocess(first, z.enum(SEGMENT_FILTERS)).catch(DEFAULT_FILTERS.segment),
  kind: z.preprocess(first, z.enum(KIND_FILTERS)).catch(DEFAULT_FILTERS.kind),
  has: z
    .preprocess((v) => all(v).flatMap((item) => (typeof item === "string" ? item.split(",") : [])), z.array(z.string()))
    .catch([]),
  sort: z.preprocess(first, z.enum(SORTS)).catch(DEFAULT_FILTERS.sort),
  page: z.preprocess(first, z.coerce.number().int().min(1).max(100_000)).catch(DEFAULT_FILTERS.page),
  per: z
    .preprocess(first, z.coerce.number().pipe(z.union(PAGE_SIZES.map((n) => z.literal(n)))))
    .catch(DEFAULT_FILTERS.per),
});

export function parseCatalogueFilters(
  params: RawSearchParams | URLSearchParams,
  knownProperties: readonly string[],
): CatalogueFilters {
  const record: RawSearchParams =
    params instanceof URLSearchParams
      ? Object.fromEntries([...new Set(params.keys())].map((k) => [k, params.getAll(k)]))
      : params;
  const parsed = filterSchema.parse(record);
  const known = new Set(knownProperties);
  // Unknown keys are dropped and duplicates folded; order follows the property list so that
  // equal filters give equal URLs.
  const has = knownProperties.filter((key) => parsed.has.includes(key) && known.has(key));
  return { ...parsed, has };
}

// Only non-default values go into the URL, which keeps shared links short and canonical. The
// comparison selection (`s`) rides along, last, so it survives every filter change.
export function toSearchParams(filters: Partial<CatalogueFilters>, compare: readonly string[] = []): URLSearchParams {
  const params = new URLSearchParams();
  const f = { ...DEFAULT_FILTERS, ...filters };
  if (f.q) params.set("q", f.q);
  if (f.segment !== DEFAULT_FILTERS.segment) params.set("segment", f.segment);
  if (f.kind !== DEFAULT_FILTERS.kind) params.set("kind", f.kind);
  for (const key of f.has) params.append("has", key);
  if (f.sort !== DEFAULT_FILTERS.sort) params.set("sort", f.sort);
  if (f.per !== DEFAULT_FILTERS.per) params.set("per", String(f.per));
  if (f.page !== DEFAULT_FILTERS.page) params.set("page", String(f.page));
  return appendCompare(params, compare);
}

export function toQueryString(filters: Partial<CatalogueFilters>, compare: readonly string[] = []): string {
  const s = toSearchParams(filters, compare).toString();
  return s ? `?${s}` : "";
}

// The number shown on the "Filters (n)" toggle: what narrows the list, not how it is ordered.
export function activeFilterCount(filters: CatalogueFilters): number {
  return (
    (filters.q ? 1 : 0) +
    (filters.segment !== DEFAULT_FILTERS.segment ? 1 : 0) +
    (filters.kind !== DEFAULT_FILTERS.kind ? 1 : 0) +
    filters.has.length
  );
}
