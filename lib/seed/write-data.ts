import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { refreshCurrentClaims } from "@/lib/catalogue/current-claims";
import { buildSearchText } from "@/lib/catalogue/search-text";
import type { CatalogueData } from "@/lib/seed/load-data";
import type { ClaimRecord } from "@/lib/schemas/data";

export type SeedSummary = {
  properties: number;
  sources: number;
  companies: number;
  services: number;
  clients: number;
  claims: number;
  endpoints: number;
};

// Writes already-validated data in a single transaction. Rows that came from the reviewed files
// are replaced; rows from other origins (ISPDB import, probe evidence) are left alone, so
// re-seeding never erases evidence gathered since.
export async function writeCatalogueData(db: PrismaClient, data: CatalogueData): Promise<SeedSummary> {
  return db.$transaction(
    async (tx) => {
      const propertyIds = new Map<string, number>();
      for (const [position, p] of data.properties.entries()) {
        const fields = {
          category: p.category,
          position,
          labelJa: p.ja.label,
          labelEn: p.en.label,
          shortJa: p.ja.short,
          shortEn: p.en.short,
          appliesTo: p.appliesTo,
          articleSlug: p.article ?? null,
        };
        const row = await tx.property.upsert({
          where: { key: p.key },
          create: { key: p.key, ...fields },
          update: fields,
        });
        propertyIds.set(p.key, row.id);
      }

      const sourceIds = new Map<string, number>();
      for (const s of data.sources) {
        const fields = {
          kind: s.kind,
          title: s.title,
          titleEn: s.titleEn ?? null,
          url: s.url ?? null,
          asOf: s.asOf ?? null,
          note: s.note ?? null,
        };
        const row = await tx.source.upsert({
          where: { key: s.key },
          create: { key: s.key, ...fields },
          update: fields,
        });
        sourceIds.set(s.key, row.id);
      }
      const dataSourceIds = [...sourceIds.values()];
      // Both maps were filled from the same validated data the claims refer to.
      const propertyId = (key: string) => propertyIds.get(key)!;
      const sourceId = (key: string) => sourceIds.get(key)!;
      const claimFields = (claim: ClaimRecord) => ({
        propertyId: propertyId(claim.property),
        sourceId: sourceId(claim.source),
        value: claim.value,
        asOf: claim.asOf,
        note: claim.note ?? null,
      });

      const serviceSlugs: string[] = [];
      let claims = 0;
      let endpoints = 0;
      for (const c of data.companies) {
        const companyFields = { name: c.name, nameEn: c.nameEn ?? null, homepage: c.homepage ?? null };
        const company = await tx.company.upsert({
          where: { slug: c.slug },
          create: { slug: c.slug, ...companyFields },
          update: companyFields,
        });
        for (const s of c.services) {
          serviceSlugs.push(s.slug);
          const fields = {
            companyId: company.id,
            name: s.name,
            nameEn: s.nameEn ?? null,
            plan: s.plan ?? null,
            segment: s.segment ?? null,
            homepage: s.homepage ?? null,
            status: s.status,
            statusAsOf: s.statusAsOf ?? null,
            editorsPick: s.editorsPick,
            origin: "data",
            searchText: buildSearchText([s.name, s.nameEn, c.name, c.nameEn, ...s.formerNames.map((f) => f.name)]),
          } satisfies Prisma.ServiceUncheckedUpdateInput;
          const service = await tx.service.upsert({
            where: { slug: s.slug },
            create: { slug: s.slug, ...fields },
            update: fields,
          });
          await tx.formerName.deleteMany({ where: { serviceId: service.id } });
          await tx.formerName.createMany({
            data: s.formerNames.map((f) => ({ serviceId: service.id, name: f.name, until: f.until ?? null })),
          });
          await tx.claim.deleteMany({ where: { serviceId: service.id, sourceId: { in: dataSourceIds } } });
          const created = await tx.claim.createMany({
            data: s.claims.map((claim) => ({ serviceId: service.id, ...claimFields(claim) })),
          });
          claims += created.count;
          await tx.endpoint.deleteMany({ where: { serviceId: service.id, sourceId: { in: dataSourceIds } } });
          const createdEndpoints = await tx.endpoint.createMany({
            data: s.endpoints.map((e) => ({
              serviceId: service.id,
              direction: e.direction,
              protocol: e.protocol,
              host: e.host,
              port: e.port,
              security: e.security,
              authMethods: e.authMethods,
              sourceId: sourceId(e.source),
              asOf: e.asOf,
            })),
          });
          endpoints += createdEndpoints.count;
        }
      }
      // A service removed from the reviewed files disappears from the site.
      await tx.service.deleteMany({ where: { origin: "data", slug: { notIn: serviceSlugs } } });
      await tx.company.deleteMany({ where: { services: { none: {} } } });

      const clientSlugs: string[] = [];
      for (const c of data.clients) {
        clientSlugs.push(c.slug);
        const fields = { name: c.name, version: c.version ?? null, platform: c.platform };
        const client = await tx.mailClient.upsert({
          where: { slug: c.slug },
          create: { slug: c.slug, ...fields },
          update: fields,
        });
        await tx.claim.deleteMany({ where: { clientId: client.id, sourceId: { in: dataSourceIds } } });
        const created = await tx.claim.createMany({
          data: c.claims.map((claim) => ({ clientId: client.id, ...claimFields(claim) })),
        });
        claims += created.count;
      }
      await tx.mailClient.deleteMany({ where: { slug: { notIn: clientSlugs } } });

      await refreshCurrentClaims(tx);
      return {
        properties: data.properties.length,
        sources: data.sources.length,
        companies: data.companies.length,
        services: serviceSlugs.length,
        clients: clientSlugs.length,
        claims,
        endpoints,
      };
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
}
