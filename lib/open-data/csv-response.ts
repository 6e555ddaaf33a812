import "server-only";
import { toApiProvider } from "@/lib/catalogue/api-shape";
import { catalogueCacheKey } from "@/lib/catalogue/cache-key";
import { parseCatalogueFilters } from "@/lib/catalogue/filters";
import { readCatalogueStamp } from "@/lib/catalogue/state";
import { getDb } from "@/lib/db";
import { catalogueCsv, CSV_FILE_NAME, csvQuery, csvValidators } from "@/lib/open-data/csv";
import { conditionalResponse, type Validators } from "@/lib/open-data/http";
import { getAllServices } from "@/lib/queries/catalogue";
import { getServicePropertyKeys } from "@/lib/queries/properties";
import { siteUrl } from "@/lib/seo/metadata";

export const CSV_HEADERS = {
  "Content-Type": "text/csv; charset=utf-8",
  "Content-Disposition": `attachment; filename="${CSV_FILE_NAME}"`,
};

// The file for a query, with the version it was read at.
export async function getProvidersCsv(
  search: URLSearchParams,
): Promise<{ body: string; validators: Validators; version: string }> {
  const keys = await getServicePropertyKeys();
  const query = csvQuery(search);
  const [stamp, services] = await Promise.all([
    readCatalogueStamp(getDb()),
    getAllServices(parseCatalogueFilters(query, keys)),
  ]);
  return {
    body: catalogueCsv(
      services.map((s) => toApiProvider(s, keys)),
      keys,
      siteUrl() ?? "",
    ),
    validators: csvValidators(stamp.version, catalogueCacheKey(query, keys), stamp.changedAt),
    version: stamp.version,
  };
}

// Uncached (the proxy normally serves the cached twin, app/api/catalogue-cache/…/csv).
export async function providersCsvResponse(request: Request, search: URLSearchParams): Promise<Response> {
  const csv = await getProvidersCsv(search);
  return conditionalResponse(request, csv.validators, () => csv.body, { ...CSV_HEADERS, "Cache-Control": "no-cache" });
}
