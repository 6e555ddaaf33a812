import "server-only";
import { z } from "zod";
import { getDb, type PrismaClient } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { readCatalogueStamp } from "@/lib/catalogue/state";
import { contentEtag, endOfPartialDate, httpDateSeconds } from "@/lib/open-data/http";
import type { AutoconfigInput } from "@/lib/open-data/autoconfig-xml";
import { CC_BY_URL, SNAPSHOT_VERSION, type CatalogueSnapshot } from "@/lib/open-data/snapshot-schema";

const stringListSchema = z.array(z.string()).catch([]);

// When the data last changed, as far as the database can tell: when the catalogue's version last
// changed, or the end of the newest date in the data (a date counts until its day is over),
// whichever is later. The version does not cover a claim's history or an endpoint, and an import
// may add one with an old date: the ETag (from the bytes) always sees such a change, and the
// snapshot also dates it after the copy this process served before (getCatalogueSnapshotFile).
function lastModifiedOf(changedAt: Date, dates: Iterable<string | null>): Date {
  let newest = "";
  for (const d of dates) if (d !== null && d > newest) newest = d;
  if (newest === "") return changedAt;
  const end = endOfPartialDate(newest);
  return end > changedAt ? end : changedAt;
}

const snapshotServiceSelect = {
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
} satisfies Prisma.ServiceSelect;

// Prisma reads each relation with one `IN (…)` over the parent ids, and refuses a query with more
// bound values than the driver allows (P2029, met at 10,000 services on SQLite): read by chunks.
const SNAPSHOT_CHUNK = 500;

async function readSnapshotServices(db: PrismaClient) {
  const ids = (await db.service.findMany({ orderBy: { slug: "asc" }, select: { id: true } })).map((r) => r.id);
  const services: Array<Prisma.ServiceGetPayload<{ select: typeof snapshotServiceSelect }>> = [];
  for (let i = 0; i < ids.length; i += SNAPSHOT_CHUNK) {
    services.push(
      ...(await db.service.findMany({
        where: { id: { in: ids.slice(i, i + SNAPSHOT_CHUNK) } },
        orderBy: { slug: "asc" },
        select: snapshotServiceSelect,
      })),
    );
  }
  return services;
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
    readSnapshotServices(db),
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

// The snapshot is the whole catalogue (24 MB and 9 s of reads at 10,000 synthetic services), so
// each server process builds it once per state of the data. The catalogue's version covers current
// claims and services; claim history and endpoints are only ever inserted or replaced wholesale
// (new ids), never edited in place, so counts and highest ids cover the rest.
const FINGERPRINT_SQL = `SELECT
    (SELECT "version" FROM "CatalogueState" WHERE "id" = 1) AS "version",
    (SELECT COUNT(*) FROM "Claim") AS "claims", (SELECT MAX("id") FROM "Claim") AS "lastClaim",
    (SELECT COUNT(*) FROM "Endpoint") AS "endpoints", (SELECT MAX("id") FROM "Endpoint") AS "lastEndpoint",
    (SELECT COUNT(*) FROM "Source") AS "sources", (SELECT MAX("id") FROM "Source") AS "lastSource",
    (SELECT MAX("id") FROM "Service") AS "lastService", (SELECT MAX("id") FROM "ServiceDomain") AS "lastDomain"`;

async function snapshotFingerprint(db: PrismaClient): Promise<string> {
  const rows = await db.$queryRawUnsafe<unknown[]>(FINGERPRINT_SQL);
  return JSON.stringify(rows, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
}

export type SnapshotFile = { body: string; etag: string; lastModified: Date };
let snapshotFile: { key: string; file: Promise<SnapshotFile> } | undefined;

// The serialized snapshot for this origin (its $schema names the schema's absolute URL).
export async function getCatalogueSnapshotFile(schemaUrl: string): Promise<SnapshotFile> {
  const key = `${schemaUrl}\n${await snapshotFingerprint(getDb())}`;
  if (snapshotFile?.key !== key) {
    const previous = snapshotFile?.file.catch(() => undefined);
    const file = getCatalogueSnapshot().then(async ({ snapshot, lastModified }) => {
      const body = JSON.stringify({ $schema: schemaUrl, ...snapshot });
      const etag = contentEtag(body);
      const before = await previous;
      // A change no date records (an older claim added to the history) is still dated after the
      // copy this process served before it, so If-Modified-Since sees it too.
      const dated = httpDateSeconds(lastModified);
      const changedUndated = before !== undefined && before.etag !== etag && dated <= before.lastModified;
      return { body, etag, lastModified: changedUndated ? httpDateSeconds(new Date()) : dated };
    });
    snapshotFile = { key, file };
    file.catch(() => {
      if (snapshotFile?.file === file) snapshotFile = undefined;
    });
  }
  return snapshotFile.file;
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
