import "server-only";
import { cache } from "react";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { IdentifiableService } from "@/lib/catalogue/identify";
import { sourcesDisagree } from "@/lib/catalogue/claim-rank";
import { oldestLastVerified } from "@/lib/catalogue/freshness";
import type { CatalogueFilters } from "@/lib/catalogue/filters";
import { filterServices, readServiceIndex, type ServiceIndex } from "@/lib/catalogue/service-index";
import { readCatalogueVersion } from "@/lib/catalogue/state";
import type { Locale } from "@/lib/i18n/locales";
import { contradicts, newestNonProbeClaim, parseProbeDetails, type ProbeDetails } from "@/lib/probe/evidence";
import type { DomainFindingDetails } from "@/lib/mx/claims";
import { parseDomainFindingDetails } from "@/lib/mx/finding-details";

// Each select names its fields once; the row types below are inferred from it, never restated.

const sourceSelect = {
  key: true,
  kind: true,
  title: true,
  titleEn: true,
  url: true,
  asOf: true,
  undated: true,
} satisfies Prisma.SourceSelect;
export type SourceInfo = Prisma.SourceGetPayload<{ select: typeof sourceSelect }>;

// Without Claim.details: only a service's own page shows evidence, and ISPDB details are large.
export const claimSelect = {
  value: true,
  asOf: true,
  verifiedOn: true,
  note: true,
  noteEn: true,
  warnings: true,
  isCurrent: true,
  property: { select: { key: true } },
  source: { select: sourceSelect },
  // the latest "verified again" day, for lastVerified (lib/catalogue/freshness.ts)
  verifications: { select: { day: true }, orderBy: { day: "desc" }, take: 1 },
} satisfies Prisma.ClaimSelect;
export type ClaimInfo = Prisma.ClaimGetPayload<{ select: typeof claimSelect }>;
const { verifications: _verifications, ...claimFields } = claimSelect;
const summaryClaimSelect = { ...claimFields, id: true } satisfies Prisma.ClaimSelect;

// The current claim per property key; a missing key means no source says anything: unknown.
export function currentSupport(claims: ClaimInfo[]): Record<string, ClaimInfo> {
  return Object.fromEntries(claims.filter((c) => c.isCurrent).map((c) => [c.property.key, c]));
}

const summarySelect = {
  slug: true,
  name: true,
  nameEn: true,
  plan: true,
  segment: true,
  kind: true,
  status: true,
  editorsPick: true,
  newestEvidence: true,
  insecureSettings: true,
  formerNames: { select: { name: true }, orderBy: { id: "asc" } },
  // Without the nested verifications: Prisma binds every claim id of the rows for that subquery,
  // and a page of 100 (or an export chunk) has more than SQLite's 999 bound values. They are read
  // by service id instead (readSummaryRows).
  claims: { where: { isCurrent: true }, select: summaryClaimSelect },
} satisfies Prisma.ServiceSelect;
type SummaryRow = Omit<Prisma.ServiceGetPayload<{ select: typeof summarySelect }>, "claims"> & {
  claims: ClaimInfo[];
};

// The summary rows of these services, each current claim with its latest "verified again" day.
async function readSummaryRows(
  where: Prisma.ServiceWhereInput,
  orderBy?: Prisma.ServiceOrderByWithRelationInput,
): Promise<Array<SummaryRow & { id: number }>> {
  const rows = await getDb().service.findMany({ where, orderBy, select: { ...summarySelect, id: true } });
  if (rows.length === 0) return [];
  const latest = await getDb().claimVerification.groupBy({
    by: ["claimId"],
    where: { claim: { serviceId: { in: rows.map((r) => r.id) }, isCurrent: true } },
    _max: { day: true },
  });
  const dayOf = new Map(latest.map((v) => [v.claimId, v._max.day]));
  return rows.map(({ claims, ...row }) => ({
    ...row,
    claims: claims.map(({ id, ...claim }) => {
      const day = dayOf.get(id);
      return { ...claim, verifications: day ? [{ day }] : [] };
    }),
  }));
}

// Json columns are written by the seed only, but a page must not break on a hand-made row.
const insecureSettingsSchema = z.array(z.object({ source: z.string(), setting: z.string() })).catch([]);
const warningsSchema = z.array(z.string()).catch([]);

export type ServiceSummary = Omit<SummaryRow, "formerNames" | "claims" | "insecureSettings"> & {
  formerNames: string[];
  support: Record<string, ClaimInfo>;
  // the oldest "last verified" day among the current claims (null: none says anything). On the
  // catalogue this is part of the cached rows, which are keyed by the catalogue's version, and a
  // verification that confirms a claim does not move the version (lib/verify/verify-service.ts):
  // the cached date is refreshed with the next change of any value, not per verification. It can
  // so show an older day than the truth, never a newer one, so it never overstates freshness; the
  // service page (rendered per request) always shows the latest.
  oldestVerified: string | null;
  // settings a source lists that send a password without TLS
  insecureSettings: Array<{ source: string; setting: string }>;
};

function toSummary({ formerNames, claims, insecureSettings, ...fields }: SummaryRow): ServiceSummary {
  return {
    ...fields,
    formerNames: formerNames.map((f) => f.name),
    support: currentSupport(claims),
    oldestVerified: oldestLastVerified(claims),
    insecureSettings: insecureSettingsSchema.parse(insecureSettings ?? []),
  };
}

export function claimWarnings(claim: Pick<ClaimInfo, "warnings"> | undefined): string[] {
  return claim ? warningsSchema.parse(claim.warnings ?? []) : [];
}

export type CatalogueResult = { items: ServiceSummary[]; total: number; page: number; pageCount: number; per: number };

// The index of the whole catalogue, rebuilt when the catalogue's version changes (any process's
// write changes it; lib/catalogue/state.ts). One module-level copy per server process: building it
// is one read of the Service table, and every filter after that is an in-memory scan.
let index: Promise<ServiceIndex> | undefined;

export async function getServiceIndex(): Promise<ServiceIndex> {
  const version = await readCatalogueVersion(getDb());
  const current = index;
  if (current && (await current).version === version) return current;
  // Concurrent requests after a change share one load.
  const pending =
    index === current ? readServiceIndex(getDb(), version) : (index ?? readServiceIndex(getDb(), version));
  index = pending;
  return pending.catch((error: unknown) => {
    if (index === pending) index = undefined;
    throw error;
  });
}

// Filtering and sorting run over the in-memory index (lib/catalogue/service-index.ts); only the
// page's rows are read in full. `locale` picks the collation; the API uses Japanese, the
// catalogue's default language.
export async function getServices(filters: CatalogueFilters, locale: Locale = "ja"): Promise<CatalogueResult> {
  const ordered = filterServices(await getServiceIndex(), filters, locale);
  const total = ordered.length;
  const pageCount = Math.max(1, Math.ceil(total / filters.per));
  // A page number past the end (an old link after the data shrank) shows the last page.
  const page = Math.min(filters.page, pageCount);
  const pageIds = ordered.slice((page - 1) * filters.per, page * filters.per).map((r) => r.id);
  const rows = pageIds.length === 0 ? [] : await readSummaryRows({ id: { in: pageIds } });
  const byId = new Map(rows.map(({ id, ...row }) => [id, row]));
  const items = pageIds.map((id) => byId.get(id)).filter((r) => r !== undefined);
  return { items: items.map(toSummary), total, page, pageCount, per: filters.per };
}

// Every service the filters match, in the catalogue's order, not paginated (the CSV export). Read
// in chunks: Prisma refuses a query with more bound values than the driver allows (P2029, met at
// 2,000 ids on SQLite with 10,000 synthetic services), and the claims' subquery binds them again.
const EXPORT_CHUNK = 500;

export async function getAllServices(filters: CatalogueFilters, locale: Locale = "ja"): Promise<ServiceSummary[]> {
  const ids = filterServices(await getServiceIndex(), filters, locale).map((r) => r.id);
  const byId = new Map<number, SummaryRow>();
  for (let i = 0; i < ids.length; i += EXPORT_CHUNK) {
    const rows = await readSummaryRows({ id: { in: ids.slice(i, i + EXPORT_CHUNK) } });
    for (const { id, ...row } of rows) byId.set(id, row);
  }
  return ids
    .map((id) => byId.get(id))
    .filter((r) => r !== undefined)
    .map(toSummary);
}

export async function getServicesBySlugs(slugs: string[]): Promise<ServiceSummary[]> {
  if (slugs.length === 0) return [];
  const rows = await readSummaryRows({ slug: { in: slugs } });
  const bySlug = new Map(rows.map((r) => [r.slug, toSummary(r)]));
  return slugs.map((s) => bySlug.get(s)).filter((p): p is ServiceSummary => p !== undefined);
}

const endpointSelect = {
  direction: true,
  protocol: true,
  host: true,
  port: true,
  security: true,
  authMethods: true,
  asOf: true,
  source: { select: sourceSelect },
} satisfies Prisma.EndpointSelect;
type EndpointRow = Prisma.EndpointGetPayload<{ select: typeof endpointSelect }>;
export type EndpointInfo = Omit<EndpointRow, "authMethods"> & { authMethods: string[] };

// Endpoint.authMethods is a Json column: every writer stores an array of names, but the column
// would take any JSON, and a page must not break on a hand-made row.
const authMethodsSchema = z.array(z.string()).catch([]);

const detailSelect = {
  ...summarySelect,
  homepage: true,
  statusAsOf: true,
  origin: true,
  kindBasis: true,
  kana: true,
  notices: true,
  domains: { select: { domain: true }, orderBy: { domain: "asc" } },
  company: { select: { slug: true, name: true, nameEn: true, homepage: true } },
  formerNames: { select: { name: true, until: true }, orderBy: { id: "asc" } },
  claims: { select: { ...claimSelect, details: true }, orderBy: [{ asOf: "desc" }, { id: "desc" }] },
  endpoints: { select: endpointSelect, orderBy: [{ direction: "asc" }, { protocol: "asc" }, { port: "asc" }] },
} satisfies Prisma.ServiceSelect;
type DetailRow = Prisma.ServiceGetPayload<{ select: typeof detailSelect }>;
type DetailClaim = DetailRow["claims"][number];

const noticeSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("status"),
    source: z.string(),
    status: z.enum(["preparation", "broken"]),
    asOf: z.string(),
  }),
  z.object({ kind: z.literal("warning"), source: z.string(), ja: z.string(), en: z.string() }),
  z.object({
    kind: z.literal("finding"),
    source: z.string(),
    code: z.string(),
    setting: z.string().nullable(),
    message: z.string(),
  }),
]);
export type Notice = z.infer<typeof noticeSchema>;
const noticesSchema = z.array(noticeSchema).catch([]);

export type ServiceDetail = ServiceSummary &
  Pick<DetailRow, "company" | "homepage" | "statusAsOf" | "origin" | "kindBasis" | "kana"> & {
    domains: string[];
    notices: Notice[];
    // properties whose sources' latest claims give different values
    disagreements: string[];
    formerNameDetails: DetailRow["formerNames"];
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
  // the mail-domain check's per-host facts, for the domain properties (lib/mx/claims.ts)
  domain: DomainFindingDetails | null;
  // the claim the page would show without probes, when the probe disagrees with it
  contradicts: ClaimInfo | null;
};

function toProbeEvidence(claimsByProperty: Record<string, DetailClaim[]>): Record<string, ProbeEvidenceInfo> {
  const probes: Record<string, ProbeEvidenceInfo> = {};
  for (const [key, claims] of Object.entries(claimsByProperty)) {
    // claims are newest first, so the first probe claim is the latest run
    const probe = claims.find((c) => c.source.kind === "probe");
    if (!probe) continue;
    const other = newestNonProbeClaim(claims);
    probes[key] = {
      claim: probe,
      details: parseProbeDetails(probe.details),
      domain: parseDomainFindingDetails(probe.details),
      contradicts: other && contradicts(probe.value, other.value) ? other : null,
    };
  }
  return probes;
}

// Cached per request: the service page's metadata and body both ask for it.
export const getServiceBySlug = cache(async (slug: string): Promise<ServiceDetail | null> => {
  const row = await getDb().service.findUnique({ where: { slug }, select: detailSelect });
  if (!row) return null;
  const { formerNames, claims, endpoints, insecureSettings, notices, domains, ...fields } = row;
  const claimsByProperty: Record<string, DetailClaim[]> = {};
  for (const c of claims) (claimsByProperty[c.property.key] ??= []).push(c);
  const disagreements = Object.entries(claimsByProperty)
    .filter(([, list]) =>
      sourcesDisagree(list.map((c) => ({ ...c, sourceKind: c.source.kind, sourceKey: c.source.key }))),
    )
    .map(([key]) => key);
  return {
    ...fields,
    insecureSettings: insecureSettingsSchema.parse(insecureSettings ?? []),
    notices: noticesSchema.parse(notices ?? []),
    domains: domains.map((d) => d.domain),
    disagreements,
    formerNames: formerNames.map((f) => f.name),
    formerNameDetails: formerNames,
    support: currentSupport(claims),
    oldestVerified: oldestLastVerified(claims.filter((c) => c.isCurrent)),
    claimsByProperty,
    endpoints: endpoints.map((e) => ({ ...e, authMethods: authMethodsSchema.parse(e.authMethods) })),
    probes: toProbeEvidence(claimsByProperty),
  };
});

export async function getCatalogueStats(): Promise<{ services: number; clients: number }> {
  const db = getDb();
  const [services, clients] = await Promise.all([db.service.count(), db.mailClient.count()]);
  return { services, clients };
}

export async function getEditorsPicks(): Promise<ServiceSummary[]> {
  const rows = await readSummaryRows({ editorsPick: true }, { name: "asc" });
  return rows.map(toSummary);
}

const patternListSchema = z.array(z.string()).catch([]);

// Every service with MX patterns or documented server names, for naming a domain's provider.
export async function getIdentifiableServices(): Promise<IdentifiableService[]> {
  const rows = await getDb().service.findMany({
    where: { OR: [{ mxPatterns: { not: Prisma.DbNull } }, { hostPatterns: { not: Prisma.DbNull } }] },
    select: { slug: true, name: true, nameEn: true, mxPatterns: true, hostPatterns: true },
  });
  return rows.map((r) => ({
    ...r,
    mxPatterns: patternListSchema.parse(r.mxPatterns ?? []),
    hostPatterns: patternListSchema.parse(r.hostPatterns ?? []),
  }));
}

// The titles of the sources a service's notes cite: a note can come from a source that gave the
// service no claim (a dataset's status, a documentation page's warning).
export async function getSourceTitles(keys: string[]): Promise<Map<string, { title: string; titleEn: string | null }>> {
  if (keys.length === 0) return new Map();
  const rows = await getDb().source.findMany({
    where: { key: { in: keys } },
    select: { key: true, title: true, titleEn: true },
  });
  return new Map(rows.map((r) => [r.key, { title: r.title, titleEn: r.titleEn }]));
}
