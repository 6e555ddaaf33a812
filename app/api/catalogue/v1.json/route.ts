import { contentEtag, conditionalResponse, httpDateSeconds } from "@/lib/open-data/http";
import { SNAPSHOT_SCHEMA_PATH } from "@/lib/open-data/snapshot-schema";
import { getCatalogueSnapshot } from "@/lib/queries/open-data";
import { siteUrl } from "@/lib/seo/metadata";

// The whole catalogue, every claim with its source and dates, in the shape
// /schemas/catalogue-v1.schema.json publishes. Read per request: imports and probes change it.
export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const { snapshot, lastModified } = await getCatalogueSnapshot();
  const schema = `${siteUrl() ?? new URL(request.url).origin}${SNAPSHOT_SCHEMA_PATH}`;
  const body = JSON.stringify({ $schema: schema, ...snapshot });
  return conditionalResponse(
    request,
    { etag: contentEtag(body), lastModified: httpDateSeconds(lastModified) },
    () => body,
    { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "public, max-age=300" },
  );
}
