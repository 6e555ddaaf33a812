import { ServiceKind } from "@/lib/generated/prisma/enums";

// The catalogue's filters as the URL carries them, without the parser: the filter form builds
// its URLs with these in the browser, so nothing here may import zod or the database.
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

// The comparison selection (`s`), appended to another query: the catalogue's filters carry it
// so that it survives paging, sorting and filtering.
export function appendCompare(params: URLSearchParams, slugs: readonly string[]): URLSearchParams {
  for (const s of slugs) params.append("s", s);
  return params;
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

const oneOf = <T extends string>(values: readonly T[], value: string | null, fallback: T): T =>
  values.find((v) => v === value) ?? fallback;

// The filters a submitted form names. The form only offers valid values, so this is a light read
// for the browser; the server still parses every URL with parseCatalogueFilters. `has` follows
// `properties` (the server's order), so equal filters give equal URLs.
export function filtersFromForm(params: URLSearchParams, properties: readonly string[]): CatalogueFilters {
  const has = params.getAll("has");
  const per = Number(params.get("per"));
  return {
    q: (params.get("q") ?? "").trim().slice(0, MAX_QUERY_LENGTH),
    segment: oneOf(SEGMENT_FILTERS, params.get("segment"), DEFAULT_FILTERS.segment),
    kind: oneOf(KIND_FILTERS, params.get("kind"), DEFAULT_FILTERS.kind),
    has: properties.filter((key) => has.includes(key)),
    sort: oneOf(SORTS, params.get("sort"), DEFAULT_FILTERS.sort),
    page: DEFAULT_FILTERS.page,
    per: PAGE_SIZES.find((n) => n === per) ?? DEFAULT_FILTERS.per,
  };
}
