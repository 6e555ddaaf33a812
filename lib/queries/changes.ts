import "server-only";
import { cache } from "react";
import { getDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { deriveChangeHistory, type ChangeDirection } from "@/lib/catalogue/change-history";
import { readCatalogueVersion } from "@/lib/catalogue/state";
import { getServiceProperties } from "@/lib/queries/properties";

// Claims are read as scalars and joined to their sources and properties here: the catalogue-wide
// history reads every claim, and Prisma's nested selects cost seconds at 100,000 claims.
const claimScalars = {
  serviceId: true,
  propertyId: true,
  sourceId: true,
  value: true,
  asOf: true,
  verifiedOn: true,
} satisfies Prisma.ClaimSelect;
type ClaimRow = Prisma.ClaimGetPayload<{ select: typeof claimScalars }>;

const sourceSelect = {
  id: true,
  key: true,
  kind: true,
  title: true,
  titleEn: true,
  url: true,
  asOf: true,
  undated: true,
} satisfies Prisma.SourceSelect;
type SourceRow = Prisma.SourceGetPayload<{ select: typeof sourceSelect }>;

// What a change shows of the claim behind it: its value and the source that said so.
export type ChangeClaim = Pick<ClaimRow, "value" | "asOf" | "verifiedOn"> & { source: Omit<SourceRow, "id"> };
export type ChangeService = { slug: string; name: string; nameEn: string | null };

export type ServiceChange = {
  service: ChangeService;
  propertyKey: string;
  date: string;
  direction: ChangeDirection;
  from: ChangeClaim | null;
  to: ChangeClaim;
};

type Lookup = { sources: Map<number, Omit<SourceRow, "id">>; propertyKeys: Map<number, string>; order: string[] };

async function getLookup(): Promise<Lookup> {
  const [sources, properties] = await Promise.all([
    getDb().source.findMany({ select: sourceSelect }),
    getServiceProperties(),
  ]);
  return {
    sources: new Map(sources.map(({ id, ...s }) => [id, s])),
    propertyKeys: new Map(properties.map((p) => [p.id, p.key])),
    order: properties.map((p) => p.key),
  };
}

function toChanges(service: ChangeService, rows: readonly ClaimRow[], lookup: Lookup): ServiceChange[] {
  const claims = rows.flatMap((r) => {
    const source = lookup.sources.get(r.sourceId);
    const propertyKey = lookup.propertyKeys.get(r.propertyId);
    if (!source || propertyKey === undefined) return [];
    const claim: ChangeClaim = { value: r.value, asOf: r.asOf, verifiedOn: r.verifiedOn, source };
    return [{ ...claim, propertyKey, sourceKind: source.kind, sourceKey: source.key }];
  });
  const strip = ({ value, asOf, verifiedOn, source }: ChangeClaim): ChangeClaim => ({
    value,
    asOf,
    verifiedOn,
    source,
  });
  return deriveChangeHistory(claims, lookup.order).map((c) => ({
    service,
    propertyKey: c.propertyKey,
    date: c.date,
    direction: c.direction,
    from: c.from ? strip(c.from) : null,
    to: strip(c.to),
  }));
}

// One service's changes, newest first. Cached per request: the page and its metadata both read it.
export const getServiceChanges = cache(
  async (slug: string): Promise<{ service: ChangeService; changes: ServiceChange[] } | null> => {
    const [service, lookup] = await Promise.all([
      getDb().service.findUnique({
        where: { slug },
        select: { slug: true, name: true, nameEn: true, claims: { select: claimScalars } },
      }),
      getLookup(),
    ]);
    if (!service) return null;
    const { claims, ...info } = service;
    return { service: info, changes: toChanges(info, claims, lookup) };
  },
);

// What the catalogue-wide history depends on: the catalogue's version (every current claim, with
// its value, dates and source) and the claim table's size, newest row and newest verification.
// Claims are only ever added, so a new claim changes the count and the newest id. The one write
// this misses, a re-verification of a claim that is not current and changes no current value, is
// picked up with the next write of any other kind.
async function readClaimsFingerprint(): Promise<string> {
  const db = getDb();
  const [version, rows] = await Promise.all([
    readCatalogueVersion(db),
    db.$queryRaw<Array<{ n: bigint | number; maxId: number | null; maxVerified: string | null }>>`
      SELECT COUNT(*) AS "n", MAX("id") AS "maxId", MAX("verifiedOn") AS "maxVerified" FROM "Claim"`,
  ]);
  const row = rows[0];
  return [version, String(row?.n ?? 0), String(row?.maxId ?? ""), row?.maxVerified ?? ""].join("|");
}

async function deriveCatalogueChanges(): Promise<ServiceChange[]> {
  const db = getDb();
  const [services, claims, lookup] = await Promise.all([
    db.service.findMany({ select: { id: true, slug: true, name: true, nameEn: true } }),
    db.claim.findMany({ where: { serviceId: { not: null } }, select: claimScalars }),
    getLookup(),
  ]);
  const byService = new Map<number, ClaimRow[]>();
  for (const c of claims) {
    if (c.serviceId === null) continue;
    const list = byService.get(c.serviceId);
    if (list) list.push(c);
    else byService.set(c.serviceId, [c]);
  }
  const changes = services.flatMap(({ id, ...service }) => toChanges(service, byService.get(id) ?? [], lookup));
  // each service's list is newest first already; a stable sort by date keeps that order within it
  changes.sort(
    (a, b) =>
      (a.date < b.date ? 1 : a.date > b.date ? -1 : 0) ||
      (a.service.slug < b.service.slug ? -1 : a.service.slug > b.service.slug ? 1 : 0),
  );
  return changes;
}

// Deriving the whole catalogue's history reads every claim (seconds at the 10,000-service
// benchmark), so each process keeps the last result and derives again only when the claims'
// fingerprint changes. Per process, but never stale for longer than one request: every request
// reads the fingerprint from the shared database, so all app instances agree.
let memo: { fingerprint: string; changes: Promise<ServiceChange[]> } | null = null;

// Every service's changes, newest first, then by service (slug order: cheap, and the same in both
// languages). Callers filter and page the result and must not modify it.
export const getCatalogueChanges = cache(async (): Promise<readonly ServiceChange[]> => {
  const fingerprint = await readClaimsFingerprint();
  if (memo?.fingerprint !== fingerprint) {
    const changes = deriveCatalogueChanges();
    memo = { fingerprint, changes };
    // a failed read is not kept: the next request tries again
    changes.catch(() => {
      if (memo?.changes === changes) memo = null;
    });
  }
  return memo.changes;
});
