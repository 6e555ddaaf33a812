import "server-only";
import { getDb } from "@/lib/db";
import { currentPicks } from "@/lib/home/picks";
import type { ValueCountRow } from "@/lib/home/support-chart";
import { getServicesBySlugs, type ServiceSummary } from "@/lib/queries/catalogue";

// The page this project grew from: its claims are what "2006" means on the home page's chart.
export const PAGE_2006_SOURCE = "hosting-mail-security-2006";

export type SupportCounts = {
  now: { rows: ValueCountRow[]; total: number };
  then: { rows: ValueCountRow[]; total: number };
};

// Grouped in SQL: the chart needs counts, not thousands of claim rows.
export async function getSupportCounts(): Promise<SupportCounts> {
  const db = getDb();
  const source = await db.source.findUnique({ where: { key: PAGE_2006_SOURCE }, select: { id: true } });
  const [properties, total, nowGroups, thenGroups, thenServices] = await Promise.all([
    db.property.findMany({ select: { id: true, key: true } }),
    db.service.count(),
    db.claim.groupBy({
      by: ["propertyId", "value"],
      where: { isCurrent: true, serviceId: { not: null } },
      _count: { _all: true },
    }),
    source
      ? db.claim.groupBy({
          by: ["propertyId", "value"],
          where: { sourceId: source.id, serviceId: { not: null } },
          _count: { _all: true },
        })
      : Promise.resolve([]),
    // The 2006 page's services are those it said anything about.
    source ? db.service.count({ where: { claims: { some: { sourceId: source.id } } } }) : Promise.resolve(0),
  ]);
  const keyById = new Map(properties.map((p) => [p.id, p.key]));
  const toRows = (groups: Array<{ propertyId: number; value: ValueCountRow["value"]; _count: { _all: number } }>) =>
    groups.flatMap((g) => {
      const propertyKey = keyById.get(g.propertyId);
      return propertyKey ? [{ propertyKey, value: g.value, count: g._count._all }] : [];
    });
  return { now: { rows: toRows(nowGroups), total }, then: { rows: toRows(thenGroups), total: thenServices } };
}

// The editor's picks whose evidence is still current (see currentPicks).
export async function getCurrentEditorsPicks(now: Date = new Date()): Promise<ServiceSummary[]> {
  const rows = await getDb().service.findMany({
    where: { editorsPick: true },
    orderBy: { name: "asc" },
    select: { slug: true, newestEvidence: true },
  });
  return getServicesBySlugs(currentPicks(rows, now).map((r) => r.slug));
}

export type SourceListing = {
  key: string;
  kind: "probe" | "documentation" | "dataset" | "page";
  title: string;
  titleEn: string | null;
  url: string | null;
  asOf: string | null;
  undated: boolean;
  version: string | null;
  license: string | null;
  claims: number;
};

// Every source, with how many claims rest on it, for the "about the data" page.
export async function getSourceListing(): Promise<SourceListing[]> {
  const rows = await getDb().source.findMany({
    orderBy: [{ kind: "asc" }, { asOf: "desc" }, { key: "asc" }],
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
      _count: { select: { claims: true } },
    },
  });
  return rows.map(({ _count, ...row }) => ({ ...row, claims: _count.claims }));
}
