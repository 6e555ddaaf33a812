import "server-only";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { readCatalogueStamp } from "@/lib/catalogue/state";
import { endOfPartialDate } from "@/lib/open-data/http";
import type { AutoconfigInput } from "@/lib/open-data/autoconfig-xml";
import { CC_BY_URL, SNAPSHOT_VERSION, type CatalogueSnapshot } from "@/lib/open-data/snapshot-schema";

const stringListSchema = z.array(z.string()).catch([]);

// The latest moment the data can have changed: when the catalogue's version last changed, or the
// end of the newest date in the data, whichever is later. The version does not cover everything a
// file shows (a claim's history, an endpoint), but every writer dates what it writes, and a date
// counts until its day is over, so a change is never dated before it happened.
function lastModifiedOf(changedAt: Date, dates: Iterable<string | null>): Date {
  let newest = "";
  for (const d of dates) if (d !== null && d > newest) newest = d;
  if (newest === "") return changedAt;
  const end = endOfPartialDate(newest);
  return end > changedAt ? end : changedAt;
}

export async function getCatalogueSnapshot(): Promise<{ snapshot: CatalogueSnapshot; lastModified: Date }> {
  const db = getDb();
  const [stamp, properties, sources, services] = await Promise.all([
    readCatalogueStamp(db),
    db.property.findMany({
      where: { appliesTo: { not: "client" } },
      orderBy: { position: "asc" },
      select: { key: true, category: true, labelJa: true, labelEn: true },
    }),
    db.source.findMany({
      orderBy: { key: "asc" },
      select: {
        key: true,
        kind: true,
        title: true,
        titleEn: true,
        url: true,
        asOf: true,
        undated: true,
        version: true,
        license: true,
      },
    }),
    db.service.findMany({
      orderBy: { slug: "asc" },
      select: {
        slug: true,
        name: true,
        nameEn: true,
        plan: true,
        segment: true,
        kind: true,
        status: true,
        homepage: true,
        newestEvidence: true,
        domains: { select: { domain: true }, orderBy: { domain: "asc" } },
        formerNames: { select: { name: true }, orderBy: { id: "asc" } },
        claims: {
          orderBy: [{ asOf: "desc" }, { id: "desc" }],
          select: {
            value: true,
            asOf: true,
            verifiedOn: true,
            note: true,
            noteEn: true,
            warnings: true,
            isCurrent: true,
            property: { select: { key: true } },
            source: { select: { key: true } },
          },
        },
        endpoints: {
          orderBy: [{ direction: "asc" }, { protocol: "asc" }, { port: "asc" }, { host: "asc" }],
          select: {
            direction: true,
            protocol: true,
            host: true,
            port: true,
            security: true,
            authMethods: true,
            asOf: true,
            source: { select: { key: true } },
          },
        },
      },
    }),
  ]);
  const snapshot: CatalogueSnapshot = {
    snapshotVersion: SNAPSHOT_VERSION,
    catalogueVersion: stamp.version,
    catalogueChangedAt: stamp.changedAt.toISOString(),
    licence: {
      name: "CC-BY-4.0",
      url: CC_BY_URL,
      attribution: "Mail Security Compass (メールセキュリティ・コンパス); each claim names its own source",
    },
    properties,
    sources,
    services: services.map(({ domains, formerNames, claims, endpoints, ...service }) => ({
      ...service,
      domains: domains.map((d) => d.domain),
      formerNames: formerNames.map((f) => f.name),
      claims: claims.map(({ property, source, isCurrent, warnings, ...claim }) => ({
        property: property.key,
        ...claim,
        source: source.key,
        current: isCurrent,
        warnings: stringListSchema.parse(warnings ?? []),
      })),
      endpoints: endpoints.map(({ source, authMethods, ...endpoint }) => ({
        ...endpoint,
        authMethods: stringListSchema.parse(authMethods),
        source: source.key,
      })),
    })),
  };
  const lastModified = lastModifiedOf(
    stamp.changedAt,
    (function* () {
      for (const s of sources) yield s.asOf;
      for (const s of snapshot.services) {
        for (const c of s.claims) yield* [c.asOf, c.verifiedOn];
        for (const e of s.endpoints) yield e.asOf;
      }
    })(),
  );
  return { snapshot, lastModified };
}

// What a service's autoconfig file is built from; null for an unknown slug.
export async function getAutoconfigInput(slug: string): Promise<{ input: AutoconfigInput; lastModified: Date } | null> {
  const db = getDb();
  const [stamp, service] = await Promise.all([
    readCatalogueStamp(db),
    db.service.findUnique({
      where: { slug },
      select: {
        slug: true,
        name: true,
        domains: { select: { domain: true }, orderBy: { domain: "asc" } },
        endpoints: {
          select: {
            direction: true,
            protocol: true,
            host: true,
            port: true,
            security: true,
            authMethods: true,
            asOf: true,
            source: { select: { key: true } },
          },
        },
      },
    }),
  ]);
  if (!service) return null;
  const endpoints = service.endpoints.map(({ source, authMethods, ...e }) => ({
    ...e,
    authMethods: stringListSchema.parse(authMethods),
    source: source.key,
  }));
  return {
    input: { slug: service.slug, name: service.name, domains: service.domains.map((d) => d.domain), endpoints },
    lastModified: lastModifiedOf(
      stamp.changedAt,
      endpoints.map((e) => e.asOf),
    ),
  };
}
