import "server-only";
import { cache } from "react";
import { z } from "zod";
import { getDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getProperties } from "@/lib/queries/properties";
import { toProviderOrderBy, toProviderWhere, type ProviderFilters } from "@/lib/catalogue/filters";
import { contradicts, newestNonProbeClaim, parseProbeDetails, type ProbeDetails } from "@/lib/probe/evidence";
import type { SupportValue } from "@/lib/schemas/data";

const sourceSelect = { key: true, kind: true, title: true, titleEn: true, url: true, asOf: true } as const;
const claimSelect = {
  value: true,
  asOf: true,
  note: true,
  details: true,
  isCurrent: true,
  property: { select: { key: true } },
  source: { select: sourceSelect },
} as const;

export type SourceInfo = {
  key: string;
  kind: string;
  title: string;
  titleEn: string | null;
  url: string | null;
  asOf: string | null;
};
export type ClaimInfo = {
  value: SupportValue;
  asOf: string;
  note: string | null;
  details: Prisma.JsonValue;
  isCurrent: boolean;
  source: SourceInfo;
};

function toClaim(row: {
  value: string;
  asOf: string;
  note: string | null;
  details: Prisma.JsonValue;
  isCurrent: boolean;
  source: SourceInfo;
}): ClaimInfo {
  return { ...row, value: row.value as SupportValue };
}

export type ProviderSummary = {
  slug: string;
  name: string;
  nameEn: string | null;
  plan: string | null;
  segment: string | null;
  status: string;
  editorsPick: boolean;
  formerNames: string[];
  // current claim per property key; a missing key means no source says anything: unknown
  support: Record<string, ClaimInfo>;
};

const summarySelect = {
  slug: true,
  name: true,
  nameEn: true,
  plan: true,
  segment: true,
  status: true,
  editorsPick: true,
  formerNames: { select: { name: true }, orderBy: { id: "asc" } },
  claims: { where: { isCurrent: true }, select: claimSelect },
} as const;

type SummaryRow = {
  slug: string;
  name: string;
  nameEn: string | null;
  plan: string | null;
  segment: string | null;
  status: string;
  editorsPick: boolean;
  formerNames: { name: string }[];
  claims: Array<{
    value: string;
    asOf: string;
    note: string | null;
    details: Prisma.JsonValue;
    isCurrent: boolean;
    property: { key: string };
    source: SourceInfo;
  }>;
};

function toSummary(row: SummaryRow): ProviderSummary {
  return {
    slug: row.slug,
    name: row.name,
    nameEn: row.nameEn,
    plan: row.plan,
    segment: row.segment,
    status: row.status,
    editorsPick: row.editorsPick,
    formerNames: row.formerNames.map((f) => f.name),
    support: Object.fromEntries(row.claims.map((c) => [c.property.key, toClaim(c)])),
  };
}

export type ProviderPage = { items: ProviderSummary[]; total: number; page: number; pageCount: number; per: number };

export async function getProviders(filters: ProviderFilters): Promise<ProviderPage> {
  const db = getDb();
  const properties = await getProperties();
  const where = toProviderWhere(filters, new Map(properties.map((p) => [p.key, p.id])));
  const total = await db.service.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / filters.per));
  // A page number past the end (an old link after the data shrank) shows the last page.
  const page = Math.min(filters.page, pageCount);
  const rows = await db.service.findMany({
    where,
    orderBy: toProviderOrderBy(filters.sort),
    skip: (page - 1) * filters.per,
    take: filters.per,
    select: summarySelect,
  });
  return { items: rows.map(toSummary), total, page, pageCount, per: filters.per };
}

export async function getProvidersBySlugs(slugs: string[]): Promise<ProviderSummary[]> {
  if (slugs.length === 0) return [];
  const rows = await getDb().service.findMany({ where: { slug: { in: slugs } }, select: summarySelect });
  const bySlug = new Map(rows.map((r) => [r.slug, toSummary(r)]));
  return slugs.map((s) => bySlug.get(s)).filter((p): p is ProviderSummary => p !== undefined);
}

export type EndpointInfo = {
  direction: string;
  protocol: string;
  host: string;
  port: number;
  security: string;
  authMethods: string[];
  asOf: string;
  source: SourceInfo;
};

export type ProviderDetail = ProviderSummary & {
  company: { slug: string; name: string; nameEn: string | null; homepage: string | null };
  homepage: string | null;
  statusAsOf: string | null;
  origin: string;
  formerNameDetails: { name: string; until: string | null }[];
  // every claim per property key, newest first; the current one is flagged
  claimsByProperty: Record<string, ClaimInfo[]>;
  endpoints: EndpointInfo[];
  // the newest live-probe claim per property key, with its parsed evidence
  probes: Record<string, ProbeEvidenceInfo>;
};

export type ProbeEvidenceInfo = {
  claim: ClaimInfo;
  // null when the stored details do not parse (an older format, a hand-made row)
  details: ProbeDetails | null;
  // the claim the page would show without probes, when the probe disagrees with it
  contradicts: ClaimInfo | null;
};

function toProbeEvidence(claimsByProperty: Record<string, ClaimInfo[]>): Record<string, ProbeEvidenceInfo> {
  const probes: Record<string, ProbeEvidenceInfo> = {};
  for (const [key, claims] of Object.entries(claimsByProperty)) {
    // claims are newest first, so the first probe claim is the latest run
    const probe = claims.find((c) => c.source.kind === "probe");
    if (!probe) continue;
    const other = newestNonProbeClaim(claims);
    probes[key] = {
      claim: probe,
      details: parseProbeDetails(probe.details),
      contradicts: other && contradicts(probe.value, other.value) ? other : null,
    };
  }
  return probes;
}

// Endpoint.authMethods is a Json column: every writer stores an array of names, but the column
// would take any JSON, and a page must not break on a hand-made row.
const authMethodsSchema = z.array(z.string()).catch([]);

// Cached per request: the service page's metadata and body both ask for it.
export const getProviderBySlug = cache(async (slug: string): Promise<ProviderDetail | null> => {
  const row = await getDb().service.findUnique({
    where: { slug },
    select: {
      ...summarySelect,
      homepage: true,
      statusAsOf: true,
      origin: true,
      company: { select: { slug: true, name: true, nameEn: true, homepage: true } },
      formerNames: { select: { name: true, until: true }, orderBy: { id: "asc" } },
      claims: {
        select: claimSelect,
        orderBy: [{ asOf: "desc" }, { id: "desc" }],
      },
      endpoints: {
        select: {
          direction: true,
          protocol: true,
          host: true,
          port: true,
          security: true,
          authMethods: true,
          asOf: true,
          source: { select: sourceSelect },
        },
        orderBy: [{ direction: "asc" }, { protocol: "asc" }, { port: "asc" }],
      },
    },
  });
  if (!row) return null;
  const claimsByProperty: Record<string, ClaimInfo[]> = {};
  for (const c of row.claims) (claimsByProperty[c.property.key] ??= []).push(toClaim(c));
  const summary = toSummary({ ...row, claims: row.claims.filter((c) => c.isCurrent) });
  return {
    ...summary,
    company: row.company,
    homepage: row.homepage,
    statusAsOf: row.statusAsOf,
    origin: row.origin,
    formerNameDetails: row.formerNames,
    claimsByProperty,
    endpoints: row.endpoints.map((e) => ({ ...e, authMethods: authMethodsSchema.parse(e.authMethods) })),
    probes: toProbeEvidence(claimsByProperty),
  };
});

export async function getCatalogueStats(): Promise<{ services: number; clients: number }> {
  const db = getDb();
  const [services, clients] = await Promise.all([db.service.count(), db.mailClient.count()]);
  return { services, clients };
}

export async function getEditorsPicks(): Promise<ProviderSummary[]> {
  const rows = await getDb().service.findMany({
    where: { editorsPick: true },
    orderBy: { name: "asc" },
    select: summarySelect,
  });
  return rows.map(toSummary);
}
