import type { NextRequest } from "next/server";
import { providersResponse } from "@/lib/catalogue/api-response";

// Reads never reach this: proxy.ts rewrites GET and HEAD /api/providers to its cached twin
// (app/api/catalogue-cache). Other methods come here for Next's 405, and it answers, uncached,
// should the proxy not run.
export const dynamic = "force-dynamic";

export async function GET(request: NextRequest) {
  return providersResponse(request.nextUrl.searchParams);
}
