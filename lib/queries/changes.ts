import "server-only";
import { cache } from "react";
import { getDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { deriveChangeHistory, type ChangeDirection } from "@/lib/catalogue/change-history";
import { getServiceProperties } from "@/lib/queries/properties";

// What a change shows of the claim behind it: its value and the source that said so.
const historyClaimSelect = {
  serviceId: true,
  value: true,
  asOf: true,
  verifiedOn: true,
  property: { select: { key: true } },
  source: { select: { key: true, kind: true, title: true, titleEn: true, url: true, asOf: true, undated: true } },
} satisfies Prisma.ClaimSelect;
type HistoryRow = Prisma.ClaimGetPayload<{ select: typeof historyClaimSelect }>;

export type ChangeClaim = Pick<HistoryRow, "value" | "asOf" | "verifiedOn" | "source">;
export type ChangeService = { slug: string; name: string; nameEn: string | null };

export type ServiceChange = {
  service: ChangeService;
  propertyKey: string;
  date: string;
  direction: ChangeDirection;
  from: ChangeClaim | null;
  to: ChangeClaim;
};

function toChanges(service: ChangeService, rows: HistoryRow[], propertyOrder: string[]): ServiceChange[] {
  const claims = rows.map((r) => ({
    ...r,
    propertyKey: r.property.key,
    sourceKind: r.source.kind,
    sourceKey: r.source.key,
  }));
  const strip = ({ value, asOf, verifiedOn, source }: HistoryRow): ChangeClaim => ({ value, asOf, verifiedOn, source });
  return deriveChangeHistory(claims, propertyOrder).map((c) => ({
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
    const [service, properties] = await Promise.all([
      getDb().service.findUnique({
        where: { slug },
        select: { slug: true, name: true, nameEn: true, claims: { select: historyClaimSelect } },
      }),
      getServiceProperties(),
    ]);
    if (!service) return null;
    const { claims, ...info } = service;
    return {
      service: info,
      changes: toChanges(
        info,
        claims,
        properties.map((p) => p.key),
      ),
    };
  },
);

// Every service's changes, newest first, then by service name. The history is derived from all
// claims on each request (about 60 ms for the 10,000-service benchmark catalogue, see the
// closing note of this change); callers filter and page the result.
export const getCatalogueChanges = cache(async (): Promise<ServiceChange[]> => {
  const db = getDb();
  const [services, claims, properties] = await Promise.all([
    db.service.findMany({ select: { id: true, slug: true, name: true, nameEn: true } }),
    db.claim.findMany({ where: { serviceId: { not: null } }, select: historyClaimSelect }),
    getServiceProperties(),
  ]);
  const order = properties.map((p) => p.key);
  const byService = new Map<number, HistoryRow[]>();
  for (const c of claims) {
    if (c.serviceId === null) continue;
    const list = byService.get(c.serviceId);
    if (list) list.push(c);
    else byService.set(c.serviceId, [c]);
  }
  return services
    .flatMap(({ id, ...service }) => toChanges(service, byService.get(id) ?? [], order))
    .sort(
      (a, b) =>
        (a.date < b.date ? 1 : a.date > b.date ? -1 : 0) ||
        a.service.name.localeCompare(b.service.name, "ja") ||
        a.service.slug.localeCompare(b.service.slug) ||
        order.indexOf(a.propertyKey) - order.indexOf(b.propertyKey),
    );
});
