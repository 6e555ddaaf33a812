import type { PrismaClient } from "@/lib/generated/prisma/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { refreshCurrentClaims } from "@/lib/catalogue/current-claims";
import { buildSearchText } from "@/lib/catalogue/search-text";
import type { PropertyRecord } from "@/lib/schemas/data";
import type { CataloguePlan, PlannedClaim } from "@/lib/seed/build-catalogue";

export type SeedSummary = {
  properties: number;
  sources: number;
  companies: number;
  services: number;
  clients: number;
  claims: number;
  endpoints: number;
  domains: number;
};

const jsonOrNull = (value: unknown) =>
  value === null || value === undefined ? Prisma.DbNull : (value as Prisma.InputJsonValue);

// The rows of data/properties.json, in file order; also what the synthetic fill
// (lib/synthetic/fill.ts) writes into an empty database, so both agree on every field.
export async function upsertProperties(
  tx: Pick<PrismaClient, "property">,
  properties: PropertyRecord[],
): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const [position, p] of properties.entries()) {
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
    ids.set(p.key, row.id);
  }
  return ids;
}

// Writes a validated plan in a single transaction: what the plan holds replaces what came from
// data/ before (reviewed files, documentation, dataset snapshots); the live probe's evidence is
// left alone, so re-seeding never erases what was observed since. A service the plan no longer
// holds disappears from the site, and its probe evidence with it.
export async function writeCatalogueData(db: PrismaClient, plan: CataloguePlan): Promise<SeedSummary> {
  return db.$transaction(
    async (tx) => {
      const propertyIds = await upsertProperties(tx, plan.properties);

      const sourceIds = new Map<string, number>();
      for (const s of plan.sources) {
        const fields = {
          kind: s.kind,
          title: s.title,
          titleEn: s.titleEn,
          url: s.url,
          asOf: s.asOf,
          undated: s.undated,
          version: s.version,
          license: s.license,
          note: s.note,
        };
        const row = await tx.source.upsert({
          where: { key: s.key },
          create: { key: s.key, ...fields },
          update: fields,
        });
        sourceIds.set(s.key, row.id);
      }
      const planSourceIds = [...sourceIds.values()];
      // The plan was validated against the same properties and sources it refers to.
      const propertyId = (key: string) => propertyIds.get(key)!;
      const sourceId = (key: string) => sourceIds.get(key)!;
      const claimRow = (c: PlannedClaim) => ({
        propertyId: propertyId(c.property),
        sourceId: sourceId(c.source),
        value: c.value,
        asOf: c.asOf,
        verifiedOn: c.verifiedOn,
        note: c.note,
        noteEn: c.noteEn,
        warnings: c.warnings.length > 0 ? c.warnings : Prisma.DbNull,
        details: jsonOrNull(c.details),
      });

      const serviceSlugs: string[] = [];
      let claims = 0;
      let endpoints = 0;
      let domains = 0;
      // New rows go in with one createMany per table; rows that exist are updated in place, so
      // their ids (and the probe evidence that points at them) survive a re-seed.
      const companyIds = new Map(
        (await tx.company.findMany({ select: { slug: true, id: true } })).map((c) => [c.slug, c.id]),
      );
      const newCompanies = plan.companies.filter((c) => !companyIds.has(c.slug));
      await tx.company.createMany({
        data: newCompanies.map((c) => ({ slug: c.slug, name: c.name, nameEn: c.nameEn, homepage: c.homepage })),
      });
      for (const c of plan.companies) {
        if (newCompanies.includes(c)) continue;
        await tx.company.update({
          where: { slug: c.slug },
          data: { name: c.name, nameEn: c.nameEn, homepage: c.homepage },
        });
      }
      for (const c of await tx.company.findMany({ select: { slug: true, id: true } })) companyIds.set(c.slug, c.id);

      const serviceRows = plan.companies.flatMap((c) =>
        c.services.map((s) => ({
          slug: s.slug,
          plan: s,
          fields: {
            companyId: companyIds.get(c.slug)!,
            name: s.name,
            nameEn: s.nameEn,
            plan: s.plan,
            segment: s.segment,
            homepage: s.homepage,
            status: s.status,
            statusAsOf: s.statusAsOf,
            editorsPick: s.editorsPick,
            origin: "data" as const,
            kind: s.kind,
            kindBasis: s.kindBasis,
            kana: s.kana,
            mxPatterns: s.mxPatterns,
            hostPatterns: s.hostPatterns,
            members: s.members,
            notices: s.notices,
            insecureSettings: s.insecureSettings,
            searchText: buildSearchText([
              s.name,
              s.nameEn,
              s.kana,
              c.name,
              c.nameEn,
              ...s.formerNames.map((f) => f.name),
              ...s.domains,
            ]),
          },
        })),
      );
      const existing = new Map(
        (await tx.service.findMany({ select: { slug: true, id: true } })).map((r) => [r.slug, r.id]),
      );
      await tx.service.createMany({
        data: serviceRows.filter((r) => !existing.has(r.slug)).map((r) => ({ slug: r.slug, ...r.fields })),
      });
      for (const r of serviceRows) {
        if (existing.has(r.slug)) await tx.service.update({ where: { slug: r.slug }, data: r.fields });
      }
      const ids = new Map(
        (
          await tx.service.findMany({
            where: { slug: { in: serviceRows.map((r) => r.slug) } },
            select: { slug: true, id: true },
          })
        ).map((r) => [r.slug, r.id]),
      );
      const written = serviceRows.map((r) => ({ id: ids.get(r.slug)!, plan: r.plan }));
      serviceSlugs.push(...serviceRows.map((r) => r.slug));
      // Child rows are replaced in one statement per table rather than per service: a full
      // write is a few hundred statements instead of thousands.
      const writtenIds = written.map((w) => w.id);
      const notProbe = { source: { kind: { not: "probe" as const } } };
      await tx.formerName.deleteMany({ where: { serviceId: { in: writtenIds } } });
      await tx.serviceDomain.deleteMany({ where: { serviceId: { in: writtenIds } } });
      await tx.claim.deleteMany({ where: { serviceId: { in: writtenIds }, ...notProbe } });
      await tx.endpoint.deleteMany({ where: { serviceId: { in: writtenIds }, ...notProbe } });
      await tx.formerName.createMany({
        data: written.flatMap(({ id, plan: s }) => s.formerNames.map((f) => ({ serviceId: id, ...f }))),
      });
      domains = (
        await tx.serviceDomain.createMany({
          data: written.flatMap(({ id, plan: s }) => s.domains.map((domain) => ({ serviceId: id, domain }))),
        })
      ).count;
      claims = (
        await tx.claim.createMany({
          data: written.flatMap(({ id, plan: s }) => s.claims.map((claim) => ({ serviceId: id, ...claimRow(claim) }))),
        })
      ).count;
      endpoints = (
        await tx.endpoint.createMany({
          data: written.flatMap(({ id, plan: s }) =>
            s.endpoints.map(({ source, ...e }) => ({ serviceId: id, ...e, sourceId: sourceId(source) })),
          ),
        })
      ).count;
      await tx.service.deleteMany({ where: { slug: { notIn: serviceSlugs }, origin: { in: ["data", "ispdb"] } } });
      await tx.company.deleteMany({ where: { services: { none: {} } } });
      // A source no longer in data/ goes with its claims; probe evidence stays.
      await tx.source.deleteMany({ where: { id: { notIn: planSourceIds }, kind: { not: "probe" } } });

      const clientSlugs: string[] = [];
      for (const c of plan.clients) {
        clientSlugs.push(c.slug);
        const fields = { name: c.name, version: c.version ?? null, platform: c.platform };
        const client = await tx.mailClient.upsert({
          where: { slug: c.slug },
          create: { slug: c.slug, ...fields },
          update: fields,
        });
        await tx.claim.deleteMany({ where: { clientId: client.id, source: { kind: { not: "probe" } } } });
        const created = await tx.claim.createMany({
          data: c.claims.map((claim) => ({
            clientId: client.id,
            propertyId: propertyId(claim.property),
            sourceId: sourceId(claim.source),
            value: claim.value,
            asOf: claim.asOf,
            verifiedOn: claim.asOf,
            note: claim.note ?? null,
            noteEn: claim.noteEn ?? null,
          })),
        });
        claims += created.count;
      }
      await tx.mailClient.deleteMany({ where: { slug: { notIn: clientSlugs } } });

      await refreshCurrentClaims(tx);
      return {
        properties: plan.properties.length,
        sources: plan.sources.length,
        companies: plan.companies.length,
        services: serviceSlugs.length,
        clients: clientSlugs.length,
        claims,
        endpoints,
        domains,
      };
    },
    { timeout: 300_000, maxWait: 10_000 },
  );
}
