import { providersResponse } from "@/lib/catalogue/api-response";
import { catalogueEtag, queryFromCacheKey } from "@/lib/catalogue/cache-key";

// /api/providers as the proxy serves it: rendered once per catalogue version and query, then
// answered from Next's response cache (see app/[locale]/catalogue-cache).
export const dynamic = "force-static";
export const dynamicParams = true;
// The path changes with the data, so this only bounds how long a shared cache (a CDN), which sees
// the public URL, may keep the response: Cache-Control s-maxage=60.
export const revalidate = 60;

export function generateStaticParams() {
  return [];
}

export async function GET(_request: Request, { params }: { params: Promise<{ version: string; key: string }> }) {
  const { version, key } = await params;
  const response = await providersResponse(queryFromCacheKey(key));
  // Pages get an ETag from Next; a route handler's cached response does not, so it names its
  // version and query, which the proxy can compare without rendering anything.
  response.headers.set("ETag", catalogueEtag(version, key));
  return response;
}
