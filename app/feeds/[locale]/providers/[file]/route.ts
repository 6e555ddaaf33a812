import { changeFeedAtom, changeFeedJson } from "@/lib/changes/feed";
import { parseFeedFile } from "@/lib/changes/feed-paths";
import { feedResponse } from "@/lib/changes/feed-response";
import { propertyLabel } from "@/lib/i18n/labels";
import { isLocale } from "@/lib/i18n/locales";
import { getServiceChanges } from "@/lib/queries/changes";
import { getServiceProperties } from "@/lib/queries/properties";
import { siteUrl } from "@/lib/seo/metadata";

// One service's changes, /feeds/<locale>/providers/<slug>.atom and .json.
export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ locale: string; file: string }> }) {
  const { locale, file } = await params;
  const feed = parseFeedFile(file);
  if (!isLocale(locale) || !feed) return new Response("Not found", { status: 404 });
  const [history, properties] = await Promise.all([getServiceChanges(feed.name), getServiceProperties()]);
  if (history === null) return new Response("Not found", { status: 404 });
  const input = {
    locale,
    origin: siteUrl(),
    ...history,
    propertyLabels: Object.fromEntries(properties.map((p) => [p.key, propertyLabel(p, locale)])),
  };
  return feedResponse(request, feed.format === "atom" ? changeFeedAtom(input) : changeFeedJson(input), feed.format);
}
