import type { PrismaClient } from "@/lib/db";

// Catalogue services that exist only for their endpoints (the queue's tests and bench:verify):
// SMTP with STARTTLS, as a source would list them.
export type EndpointService = { slug: string; endpoints: Array<{ host: string; port: number }> };

export async function createEndpointServices(db: PrismaClient, services: EndpointService[]): Promise<void> {
  const company = await db.company.create({ data: { slug: "queue-test", name: "Queue test" } });
  const source = await db.source.create({
    data: { key: "queue-test", kind: "documentation", title: "Queue test", asOf: "2026-01-01" },
  });
  for (const service of services) {
    await db.service.create({
      data: {
        slug: service.slug,
        companyId: company.id,
        name: service.slug,
        searchText: service.slug,
        endpoints: {
          create: service.endpoints.map((e) => ({
            direction: "outgoing",
            protocol: "smtp",
            host: e.host,
            port: e.port,
            security: "starttls",
            authMethods: [],
            sourceId: source.id,
            asOf: "2026-01-01",
          })),
        },
      },
    });
  }
}
