import type { NextRequest } from "next/server";
import { providersCsvResponse } from "@/lib/open-data/csv-response";

// Like /api/providers: proxy.ts rewrites GET and HEAD to the cached twin
// (app/api/catalogue-cache/[version]/[key]/csv); this answers, uncached, should the proxy not run.
export const dynamic = "force-dynamic";

export async function GET(request: NextRequest) {
  return providersCsvResponse(request, request.nextUrl.searchParams);
}
