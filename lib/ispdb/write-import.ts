import type { PrismaClient } from "@/lib/generated/prisma/client";
import { refreshCurrentClaims } from "@/lib/catalogue/current-claims";
import { buildSearchText } from "@/lib/catalogue/search-text";
import { ISPDB_PROPERTY_KEYS } from "@/lib/ispdb/map";
import { planSlugs, type ImportedService, type IspdbImportPlan, type ProgressCallback } from "@/lib/ispdb/plan-import";

export const ISPDB_SOURCE = {
  key: "thunderbird-ispdb",
  kind: "dataset",
  title: "Thunderbird ISPDB",
  url: "https://github.com/thunderbird/autoconfig",
} as const;

// Writes a plan in one transaction: a failure half-way leaves the previous import intact. Each
// service's ISPDB claims and endpoints are replaced, so running the same plan again changes
// nothing; rows from other sources (reviewed data, probes) are never touched.
export async function writeIspdbImport(
  db: PrismaClient,
  plan: IspdbImportPlan,
  options: { asOf: string; onProgress?: ProgressCallback },
): Promise<ImportedService[]> {
  const { asOf, onProgress } = options;
  return db.$transaction(
    async (tx) => {
      const properties = await tx.property.findMany({ where: { key: { in: [...ISPDB_PROPERTY_KEYS] } } });
      const propertyIds = new Map(properties.map((p) => [p.key, p.id]));
      const missing = ISPDB_PROPERTY_KEYS.filter((k) => !propertyIds.has(k));
      if (missing.length > 0) {
        throw new Error(
          `the database has no propert${missing.length === 1 ? "y" : "ies"} ${missing.join(", ")}; seed it first (npm run db:seed)`,
        );
      }
      const fields = { kind: ISPDB_SOURCE.kind, title: ISPDB_SOURCE.title, url: ISPDB_SOURCE.url, asOf };
      const source = await tx.source.upsert({
        where: { key: ISPDB_SOURCE.key },
        create: { key: ISPDB_SOURCE.key, ...fields },
        update: fields,
      });

      // Slugs held by anything that is not ours: services of another origin, and companies that
      // own such a service.
      const foreign = await tx.service.findMany({
        where: { origin: { not: "ispdb" } },
        select: { slug: true, company: { select: { slug: true } } },
      });
      const slugs = planSlugs(plan.providers, new Set(foreign.flatMap((s) => [s.slug, s.company.slug])));

      const imported: ImportedService[] = [];
      for (const [index, planned] of plan.providers.entries()) {
        const { file, provider, mapping } = planned;
        const slug = slugs.get(planned)!;
        const companyFields = { name: provider.displayName, nameEn: null, homepage: null };
        const company = await tx.company.upsert({
          where: { slug },
          create: { slug, ...companyFields },
          update: companyFields,
        });
        const serviceFields = {
          companyId: company.id,
          name: provider.displayName,
          nameEn: null,
          plan: null,
          // the ISPDB does not say whether a provider serves people or businesses
          segment: null,
          homepage: null,
          status: "active" as const,
          statusAsOf: null,
          editorsPick: false,
          origin: "ispdb" as const,
          searchText: buildSearchText([provider.displayName, provider.shortName, provider.id, ...provider.domains]),
        };
        const service = await tx.service.upsert({
          where: { slug },
          create: { slug, ...serviceFields },
          update: serviceFields,
        });
        await tx.claim.deleteMany({ where: { serviceId: service.id, sourceId: source.id } });
        await tx.claim.createMany({
          data: mapping.claims.map((c) => ({
            serviceId: service.id,
            propertyId: propertyIds.get(c.property)!,
            sourceId: source.id,
            value: c.value,
            asOf,
            note: c.note,
            details: JSON.stringify(c.details),
          })),
        });
        await tx.endpoint.deleteMany({ where: { serviceId: service.id, sourceId: source.id } });
        await tx.endpoint.createMany({
          data: mapping.endpoints.map((e) => ({
            serviceId: service.id,
            direction: e.direction,
            protocol: e.protocol,
            host: e.host,
            port: e.port,
            security: e.security,
            authMethods: JSON.stringify(e.authMethods),
            sourceId: source.id,
            asOf,
          })),
        });
        imported.push({
          file,
          providerId: provider.id,
          slug,
          claims: mapping.claims.length,
          endpoints: mapping.endpoints.length,
        });
        onProgress?.("write", index + 1, plan.providers.length);
      }
      await refreshCurrentClaims(tx);
      return imported;
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
}
