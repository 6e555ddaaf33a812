import { MAX_COMPARE } from "@/lib/catalogue/compare-params";
import { parseCatalogueFilters, toSearchParams, type RawSearchParams } from "@/lib/catalogue/filters";
import { slugSchema } from "@/lib/schemas/data";

// The cached catalogue routes take the request's query as one path segment: the normalized
// filters (defaults dropped, properties in list order, unknown values gone) and the comparison
// selection, so equal catalogues share one cache entry however their URL was spelt.
export const CACHE_SEGMENT = "catalogue-cache";
const EMPTY_KEY = "all";

export function catalogueCacheKey(params: URLSearchParams, propertyKeys: readonly string[]): string {
  const filters = parseCatalogueFilters(params, propertyKeys);
  // The selection as parseCompareParams reads it, but one slug past the limit is kept so the page
  // still says that only the first four were taken.
  const slugs = [
    ...new Set(
      params
        .getAll("s")
        .flatMap((v) => v.split(","))
        .map((v) => v.trim())
        .filter((v) => slugSchema.safeParse(v).success),
    ),
  ].slice(0, MAX_COMPARE + 1);
  const query = toSearchParams(filters, slugs).toString();
  return query === "" ? EMPTY_KEY : Buffer.from(query, "utf8").toString("base64url");
}

// The API's validator: the same version and query give the same body.
export function catalogueEtag(version: string, key: string): string {
  return `"${version}.${key}"`;
}

// The query a cache key stands for.
export function queryFromCacheKey(key: string): URLSearchParams {
  return new URLSearchParams(key === EMPTY_KEY ? "" : Buffer.from(key, "base64url").toString("utf8"));
}

// The same, as the page's own parsers expect search parameters.
export function searchParamsFromCacheKey(key: string): RawSearchParams {
  const params = queryFromCacheKey(key);
  return Object.fromEntries([...new Set(params.keys())].map((k) => [k, params.getAll(k)]));
}
