import { getDb } from "@/lib/db";
import { CACHE_SEGMENT, catalogueCacheKey, catalogueEtag } from "@/lib/catalogue/cache-key";
import { readCatalogueStamp, readCatalogueVersion } from "@/lib/catalogue/state";
import { csvQuery, csvValidators } from "@/lib/open-data/csv";
import type { Validators } from "@/lib/open-data/http";

// The proxy's side of the catalogue cache: which cached path answers a catalogue or API request.
// The version is read on every request (one primary-key read), so a write by any process is seen
// by the next request; the property list is read again only when the version changes.
let properties: { version: string; keys: Promise<string[]> } | undefined;

function servicePropertyKeys(version: string): Promise<string[]> {
  if (properties?.version !== version) {
    const keys = getDb()
      .property.findMany({
        where: { appliesTo: { not: "client" } },
        orderBy: { position: "asc" },
        select: { key: true },
      })
      .then((rows) => rows.map((r) => r.key));
    properties = { version, keys };
    keys.catch(() => {
      if (properties?.keys === keys) properties = undefined;
    });
  }
  return properties.keys;
}

export type CacheTarget = { pathname: string; etag: string };

// `/ja/providers?has=smtps` → `/ja/catalogue-cache/<version>/<key>`;
// `/api/providers?…` → `/api/catalogue-cache/<version>/<key>`.
export async function catalogueCacheTarget(prefix: string, search: URLSearchParams): Promise<CacheTarget> {
  const version = await readCatalogueVersion(getDb());
  const key = catalogueCacheKey(search, await servicePropertyKeys(version));
  return {
    pathname: `${prefix}/${CACHE_SEGMENT}/${encodeURIComponent(version)}/${key}`,
    etag: catalogueEtag(version, key),
  };
}

// `/api/providers.csv?…` → `/api/catalogue-cache/<version>/<key>/csv`: the CSV shares the JSON's
// versioned cache, keyed by the same normalized query without paging. One read gives the version
// and when it changed, which is everything the file's validators need.
export async function catalogueCsvTarget(
  search: URLSearchParams,
): Promise<{ pathname: string; validators: Validators }> {
  const { version, changedAt } = await readCatalogueStamp(getDb());
  const key = catalogueCacheKey(csvQuery(search), await servicePropertyKeys(version));
  return {
    pathname: `/api/${CACHE_SEGMENT}/${encodeURIComponent(version)}/${key}/csv`,
    validators: csvValidators(version, key, changedAt),
  };
}
