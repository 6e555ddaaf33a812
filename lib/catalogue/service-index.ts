import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { CatalogueFilters } from "@/lib/catalogue/filters";
import { domainsForQuery } from "@/lib/catalogue/address";
import { normalizeSearchText } from "@/lib/catalogue/search-text";
import { hasAll, propertyBits, supportMask } from "@/lib/catalogue/support-bits";
import { sortServices, type SortableService } from "@/lib/catalogue/sort";
import type { Locale } from "@/lib/i18n/locales";

// What the catalogue filters and sorts on, one small row per service, computed at write time
// (supportBits, supportCount). Held in memory per catalogue version, so filtering 10,000 services
// is a scan of plain objects, not a query with a subquery per filtered property.
export type IndexedService = SortableService & {
  segment: string | null;
  kind: string;
  searchText: string;
  supportBits: number;
};

export type ServiceIndex = {
  version: string;
  services: IndexedService[];
  bits: ReadonlyMap<string, { bit: number }>;
  // mail domain → the service hosting it, for "taro@nifty.com"
  domains: ReadonlyMap<string, number>;
  // the whole catalogue sorted once per order and language; a filter keeps that order
  sorted: Map<string, IndexedService[]>;
};

export function createServiceIndex(
  version: string,
  services: IndexedService[],
  bits: ReadonlyMap<string, { bit: number }>,
  domains: ReadonlyMap<string, number>,
): ServiceIndex {
  return { version, services, bits, domains, sorted: new Map() };
}

// One read of each table; `version` is what the caller read from CatalogueState just before.
export async function readServiceIndex(
  db: Pick<PrismaClient, "service" | "property" | "serviceDomain">,
  version: string,
): Promise<ServiceIndex> {
  const [services, properties, domains] = await Promise.all([
    db.service.findMany({
      select: {
        id: true,
        name: true,
        nameEn: true,
        kana: true,
        editorsPick: true,
        supportCount: true,
        supportBits: true,
        segment: true,
        kind: true,
        searchText: true,
      },
    }),
    db.property.findMany({ select: { id: true, key: true, position: true } }),
    db.serviceDomain.findMany({ select: { domain: true, serviceId: true } }),
  ]);
  return createServiceIndex(
    version,
    services,
    propertyBits(properties),
    new Map(domains.map((d) => [d.domain, d.serviceId])),
  );
}

function sortedFor(index: ServiceIndex, sort: CatalogueFilters["sort"], locale: Locale): IndexedService[] {
  const key = `${sort}|${locale}`;
  let list = index.sorted.get(key);
  if (!list) index.sorted.set(key, (list = sortServices(index.services, sort, locale)));
  return list;
}

// The filtered catalogue in page order: the same rules the SQL filter applied (text in any current
// or former name, or the provider serving a searched address's domain, which then comes first;
// segment; kind; every ticked property currently "yes").
export function filterServices(index: ServiceIndex, filters: CatalogueFilters, locale: Locale): IndexedService[] {
  const mask = supportMask(filters.has, index.bits);
  if (mask === null) return [];
  const q = normalizeSearchText(filters.q);
  const serving = new Set(
    domainsForQuery(filters.q)
      .map((d) => index.domains.get(d))
      .filter((id) => id !== undefined),
  );
  const matches = (s: IndexedService) =>
    (q === "" || s.searchText.includes(q) || serving.has(s.id)) &&
    (filters.segment === "all" || s.segment === filters.segment) &&
    (filters.kind === "all" || s.kind === filters.kind) &&
    hasAll(s.supportBits, mask);
  const list = sortedFor(index, filters.sort, locale).filter(matches);
  if (serving.size === 0) return list;
  return [...list.filter((s) => serving.has(s.id)), ...list.filter((s) => !serving.has(s.id))];
}
