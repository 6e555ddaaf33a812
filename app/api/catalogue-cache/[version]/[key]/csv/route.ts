import { queryFromCacheKey } from "@/lib/catalogue/cache-key";
import { validatorHeaders } from "@/lib/open-data/http";
import { CSV_HEADERS, getProvidersCsv } from "@/lib/open-data/csv-response";

// /api/providers.csv as the proxy serves it: rendered once per catalogue version and query, then
// answered from Next's response cache, like the JSON beside it (docs/decisions/0008). The proxy
// answers If-None-Match and If-Modified-Since itself.
export const dynamic = "force-static";
export const dynamicParams = true;
export const revalidate = 60;

export function generateStaticParams() {
  return [];
}

export async function GET(_request: Request, { params }: { params: Promise<{ version: string; key: string }> }) {
  const { key } = await params;
  const csv = await getProvidersCsv(queryFromCacheKey(key));
  return new Response(csv.body, { headers: { ...CSV_HEADERS, ...validatorHeaders(csv.validators) } });
}
