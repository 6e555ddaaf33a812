import { SNAPSHOT_SCHEMA_PATH, snapshotJsonSchema } from "@/lib/open-data/snapshot-schema";
import { LICENCE_LINK } from "@/lib/open-data/http";
import { siteUrl } from "@/lib/seo/metadata";

// Generated from the zod schema the snapshot is typed by (lib/open-data/snapshot-schema.ts), so
// the published contract and the data cannot drift. It changes only with the code.
export const dynamic = "force-dynamic";

export function GET(request: Request) {
  const id = `${siteUrl() ?? new URL(request.url).origin}${SNAPSHOT_SCHEMA_PATH}`;
  return new Response(JSON.stringify(snapshotJsonSchema(id)), {
    headers: {
      "Content-Type": "application/schema+json",
      "Cache-Control": "public, max-age=3600",
      Link: LICENCE_LINK,
    },
  });
}
