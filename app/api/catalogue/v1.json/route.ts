import { conditionalResponse } from "@/lib/open-data/http";
import { SNAPSHOT_SCHEMA_PATH } from "@/lib/open-data/snapshot-schema";
import { getCatalogueSnapshotFile } from "@/lib/queries/open-data";
import { siteUrl } from "@/lib/seo/metadata";

// The whole catalogue, every claim with its source and dates, in the shape
// /schemas/catalogue-v1.schema.json publishes. Checked per request (imports and probes change it),
// built once per state of the data (lib/queries/open-data.ts).
export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const file = await getCatalogueSnapshotFile(`${siteUrl() ?? new URL(request.url).origin}${SNAPSHOT_SCHEMA_PATH}`);
  return conditionalResponse(request, { etag: file.etag, lastModified: file.lastModified }, () => file.body, {
    "Content-Type": "application/json; charset=utf-8",
    "Cache-Control": "public, max-age=300",
  });
}
