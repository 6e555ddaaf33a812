import { autoconfigXml } from "@/lib/open-data/autoconfig-xml";
import { contentEtag, conditionalResponse, httpDateSeconds } from "@/lib/open-data/http";
import { slugSchema } from "@/lib/schemas/data";
import { getAutoconfigInput } from "@/lib/queries/open-data";
import { siteUrl } from "@/lib/seo/metadata";

// /providers/<slug>/config-v1.1.xml: the service's settings in Thunderbird's autoconfig format,
// built per request from its sourced endpoints (lib/open-data/autoconfig-xml.ts).
export const dynamic = "force-dynamic";

const notFound = (message: string) =>
  new Response(`${message}\n`, { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  if (!slugSchema.safeParse(slug).success) return notFound("No such service.");
  const found = await getAutoconfigInput(slug);
  if (!found) return notFound("No such service.");
  const origin = siteUrl() ?? new URL(request.url).origin;
  const xml = autoconfigXml(found.input, `${origin}/en/providers/${slug}`);
  if (xml === null) return notFound("No sourced setting with TLS (or no mail domain) is known for this service.");
  return conditionalResponse(
    request,
    { etag: contentEtag(xml), lastModified: httpDateSeconds(found.lastModified) },
    () => xml,
    { "Content-Type": "application/xml; charset=utf-8", "Cache-Control": "public, max-age=300" },
  );
}
