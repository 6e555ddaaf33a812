import "server-only";
import { NextResponse } from "next/server";
import { toApiProvider } from "@/lib/catalogue/api-shape";
import { parseCatalogueFilters, toQueryString } from "@/lib/catalogue/filters";
import { getServicePropertyKeys } from "@/lib/queries/properties";
import { getServices } from "@/lib/queries/catalogue";

// Same query string as the catalogue page (q, segment, has, sort, page, per); bad values fall
// back to defaults exactly as they do there, and the response says which filters were applied.
export async function providersResponse(search: URLSearchParams): Promise<NextResponse> {
  const keys = await getServicePropertyKeys();
  const filters = parseCatalogueFilters(search, keys);
  const result = await getServices(filters);
  return NextResponse.json({
    filters: { ...filters, page: result.page },
    total: result.total,
    page: result.page,
    pageCount: result.pageCount,
    per: result.per,
    next:
      result.page < result.pageCount ? `/api/providers${toQueryString({ ...filters, page: result.page + 1 })}` : null,
    items: result.items.map((p) => toApiProvider(p, keys)),
  });
}
