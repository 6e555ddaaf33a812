import { z } from "zod";
import {
  DEFAULT_FILTERS,
  KIND_FILTERS,
  MAX_QUERY_LENGTH,
  PAGE_SIZES,
  SEGMENT_FILTERS,
  SORTS,
  type CatalogueFilters,
} from "@/lib/catalogue/filter-query";

export {
  activeFilterCount,
  DEFAULT_FILTERS,
  KIND_FILTERS,
  MAX_QUERY_LENGTH,
  PAGE_SIZES,
  SEGMENT_FILTERS,
  SORTS,
  toQueryString,
  toSearchParams,
  type CatalogueFilters,
} from "@/lib/catalogue/filter-query";

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
