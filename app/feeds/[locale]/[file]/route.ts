import { changeFeedAtom, changeFeedJson } from "@/lib/changes/feed";
import { parseFeedFile } from "@/lib/changes/feed-paths";
import { feedResponse } from "@/lib/changes/feed-response";
import { propertyLabel } from "@/lib/i18n/labels";
import { isLocale } from "@/lib/i18n/locales";
import { getCatalogueChanges } from "@/lib/queries/changes";
import { getServiceProperties } from "@/lib/queries/properties";
import { siteUrl } from "@/lib/seo/metadata";

// The whole catalogue's changes, /feeds/<locale>/changes.atom and .json. Read per request, like
// the pages: imports and probes change the data while the site runs.
export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ locale: string; file: string }> }) {
  const { locale, file } = await params;
  const feed = parseFeedFile(file);
  if (!isLocale(locale) || feed?.name !== "changes") return new Response("Not found", { status: 404 });
  const [changes, properties] = await Promise.all([getCatalogueChanges(), getServiceProperties()]);
  const input = {
    locale,
    origin: siteUrl(),
    changes,
    propertyLabels: Object.fromEntries(properties.map((p) => [p.key, propertyLabel(p, locale)])),
  };
  return feedResponse(request, feed.format === "atom" ? changeFeedAtom(input) : changeFeedJson(input), feed.format);
}
