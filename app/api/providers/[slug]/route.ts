import { NextResponse } from "next/server";
import { toApiClaim, toApiProvider } from "@/lib/catalogue/api-shape";
import { slugSchema } from "@/lib/schemas/data";
import { getServicePropertyKeys } from "@/lib/queries/properties";
import { getServiceBySlug } from "@/lib/queries/catalogue";

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  if (!slugSchema.safeParse(slug).success) {
    return NextResponse.json({ error: `"${slug}" is not a valid service slug` }, { status: 404 });
  }
  const [provider, keys] = await Promise.all([getServiceBySlug(slug), getServicePropertyKeys()]);
  if (!provider) return NextResponse.json({ error: `No service with slug "${slug}"` }, { status: 404 });
  return NextResponse.json({
    ...toApiProvider(provider, keys),
    company: provider.company,
    homepage: provider.homepage,
    statusAsOf: provider.statusAsOf,
    formerNames: provider.formerNameDetails,
    history: Object.fromEntries(
      Object.entries(provider.claimsByProperty).map(([key, claims]) => [key, claims.map(toApiClaim)]),
    ),
    endpoints: provider.endpoints.map((e) => ({
      direction: e.direction,
      protocol: e.protocol,
      host: e.host,
      port: e.port,
      security: e.security,
      authMethods: e.authMethods,
      asOf: e.asOf,
      source: e.source.key,
    })),
  });
}
