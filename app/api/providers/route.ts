import type { NextRequest } from "next/server";
import { providersResponse } from "@/lib/catalogue/api-response";

// Normally never reached: proxy.ts rewrites /api/providers to its cached twin
// (app/api/catalogue-cache). Kept so the API answers, uncached, should the proxy not run.
export const dynamic = "force-dynamic";

export async function GET(request: NextRequest) {
  return providersResponse(request.nextUrl.searchParams);
}
