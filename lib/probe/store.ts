import { refreshCurrentClaims } from "@/lib/catalogue/current-claims";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { ProbeFinding } from "./properties";
import { targetForEndpoint } from "./probe-service";
import type { ProbeTarget } from "./types";

export const PROBE_SOURCE = {
  key: "live-probe",
  kind: "probe",
  title: "実機検査",
  titleEn: "Live probe",
  note: "Connections made by scripts/probe.ts: greeting, capabilities and TLS only, never a password.",
} as const;

export class UnknownServiceError extends Error {}

export type ServiceEndpoints = { serviceId: number; slug: string; targets: ProbeTarget[] };

export async function getServiceTargets(db: PrismaClient, slug: string): Promise<ServiceEndpoints> {
  const service = await db.service.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      endpoints: {
        select: { host: true, port: true, protocol: true, security: true },
        orderBy: [{ direction: "asc" }, { port: "asc" }],
      },
    },
  });
  if (!service) throw new UnknownServiceError(`no service with the slug "${slug}"`);
  const targets = service.endpoints.map(targetForEndpoint).filter((t): t is ProbeTarget => t !== null);
  return { serviceId: service.id, slug: service.slug, targets };
}

export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

// Today's probe claims for the service replace any earlier run of the same day; older days stay
// as history. Properties the database does not know are reported back, not invented.
export async function storeProbeFindings(
  db: PrismaClient,
  serviceId: number,
  findings: ProbeFinding[],
  asOf: string,
): Promise<{ stored: number; skipped: string[] }> {
  return db.$transaction(async (tx) => {
    const source = await tx.source.upsert({
      where: { key: PROBE_SOURCE.key },
      create: { ...PROBE_SOURCE, asOf },
      update: {
        kind: PROBE_SOURCE.kind,
        title: PROBE_SOURCE.title,
        titleEn: PROBE_SOURCE.titleEn,
        note: PROBE_SOURCE.note,
        asOf,
      },
    });
    const properties = await tx.property.findMany({
      where: { key: { in: findings.map((f) => f.property) } },
      select: { id: true, key: true },
    });
    const propertyIds = new Map(properties.map((p) => [p.key, p.id]));
    await tx.claim.deleteMany({ where: { serviceId, sourceId: source.id, asOf } });
    const known = findings.filter((f) => propertyIds.has(f.property));
    await tx.claim.createMany({
      data: known.map((f) => ({
        serviceId,
        propertyId: propertyIds.get(f.property)!,
        sourceId: source.id,
        value: f.value,
        asOf,
        note: f.note,
        details: f.details,
      })),
    });
    await refreshCurrentClaims(tx);
    return {
      stored: known.length,
      skipped: findings.filter((f) => !propertyIds.has(f.property)).map((f) => f.property),
    };
  });
}
