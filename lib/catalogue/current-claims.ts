import type { PrismaClient } from "@/lib/generated/prisma/client";
import { chooseCurrentClaim } from "@/lib/catalogue/claim-rank";
import { refreshCatalogueState } from "@/lib/catalogue/state";
import { countsTowardsSupport } from "@/lib/catalogue/property-groups";
import { propertyBits } from "@/lib/catalogue/support-bits";

type Tx = Pick<PrismaClient, "claim" | "property" | "catalogueState" | "$executeRawUnsafe" | "$queryRawUnsafe">;

// Marks, per subject and property, the claim pages show (the rule is in claim-rank.ts), then
// keeps each service's summary columns in step: how many and which properties are "yes" and how
// new the newest current evidence is, and last the catalogue's version (lib/catalogue/state.ts).
// Whole-table by default: a few thousand claims per real catalogue, and the 10,000-service
// benchmark stays within a few seconds. Every writer calls it inside its transaction. A writer
// that touched only some services' claims (a verification job) names them, so jobs on a large
// catalogue read and lock only their own rows and do not queue behind each other.
export async function refreshCurrentClaims(
  tx: Tx,
  scope: { serviceIds?: readonly number[] } = {},
): Promise<{ version: string; changed: boolean }> {
  const serviceIds = scope.serviceIds ? [...new Set(scope.serviceIds)] : null;
  if (serviceIds?.some((id) => !Number.isInteger(id))) throw new Error("service ids must be integers");
  const claims = await tx.claim.findMany({
    where: serviceIds ? { serviceId: { in: serviceIds } } : undefined,
    select: {
      id: true,
      serviceId: true,
      clientId: true,
      propertyId: true,
      value: true,
      asOf: true,
      verifiedOn: true,
      isCurrent: true,
      source: { select: { kind: true, key: true } },
    },
    // chooseCurrentClaim keeps the first of equal claims, so the order must be stable: SQLite
    // returns rowid order by itself, PostgreSQL whatever order its heap holds after updates.
    orderBy: { id: "asc" },
  });
  const groups = new Map<string, typeof claims>();
  for (const c of claims) {
    const key = `${c.serviceId ?? ""}|${c.clientId ?? ""}|${c.propertyId}`;
    const list = groups.get(key);
    if (list) list.push(c);
    else groups.set(key, [c]);
  }
  const current = new Set<number>();
  for (const list of groups.values()) {
    const chosen = chooseCurrentClaim(list.map((c) => ({ ...c, sourceKind: c.source.kind, sourceKey: c.source.key })));
    if (chosen) current.add(chosen.id);
  }
  const toSet = claims.filter((c) => !c.isCurrent && current.has(c.id)).map((c) => c.id);
  const toClear = claims.filter((c) => c.isCurrent && !current.has(c.id)).map((c) => c.id);
  // SQLite allows 32,766 bound parameters per statement; batches stay far below.
  for (let i = 0; i < toClear.length; i += 5000) {
    await tx.claim.updateMany({ where: { id: { in: toClear.slice(i, i + 5000) } }, data: { isCurrent: false } });
  }
  for (let i = 0; i < toSet.length; i += 5000) {
    await tx.claim.updateMany({ where: { id: { in: toSet.slice(i, i + 5000) } }, data: { isCurrent: true } });
  }
  const properties = await tx.property.findMany({ select: { id: true, key: true, position: true, category: true } });
  const bits = propertyBits(properties);
  // Ids are integers read from the database, so inlining them into the CASE is safe.
  const bitOf =
    bits.size === 0
      ? "0"
      : `CASE c."propertyId" ${[...bits.values()].map(({ id, bit }) => `WHEN ${id} THEN ${2 ** bit}`).join(" ")} ELSE 0 END`;
  const notCounted = properties.filter((p) => !countsTowardsSupport(p)).map((p) => p.id);
  const uncounted = notCounted.length > 0 ? ` AND c."propertyId" NOT IN (${notCounted.join(", ")})` : "";
  await tx.$executeRawUnsafe(`
    UPDATE "Service" SET
      "supportBits" = (
        SELECT COALESCE(SUM(${bitOf}), 0) FROM "Claim" c
        WHERE c."serviceId" = "Service"."id" AND c."isCurrent" = TRUE AND c."value" = 'yes'
      ),
      "supportCount" = (
        SELECT COUNT(*) FROM "Claim" c
        WHERE c."serviceId" = "Service"."id" AND c."isCurrent" = TRUE AND c."value" = 'yes'${uncounted}
      ),
      "newestEvidence" = (
        SELECT MAX(COALESCE(c."verifiedOn", c."asOf")) FROM "Claim" c
        WHERE c."serviceId" = "Service"."id" AND c."isCurrent" = TRUE AND c."value" <> 'unknown'
      )${serviceIds ? ` WHERE "id" IN (${serviceIds.length > 0 ? serviceIds.join(", ") : "NULL"})` : ""}`);
  // Planner statistics: without them SQLite reads a service's claims through the (propertyId,
  // isCurrent, value) index and scans thousands of rows per service (seconds for one page at
  // 10,000 services). Writers change the table's shape in bulk, so they refresh the statistics;
  // ANALYZE is the same statement on PostgreSQL.
  // A scoped refresh adds a handful of rows to one service: the statistics still hold.
  if (!serviceIds) await tx.$executeRawUnsafe("ANALYZE");
  return refreshCatalogueState(tx);
}
