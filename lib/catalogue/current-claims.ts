import type { PrismaClient } from "@/lib/generated/prisma/client";
import { SupportValue, type SourceKind } from "@/lib/generated/prisma/enums";

type Tx = Pick<PrismaClient, "$executeRawUnsafe">;

// When sources disagree, the newest claim wins; on the same date, first-hand evidence (a probe)
// beats a provider's documentation, which beats the ISPDB, which beats a third-party page.
// asOf strings are ISO prefixes (YYYY, YYYY-MM, YYYY-MM-DD), so text order is date order.
// A Record over every kind, so a new kind of source cannot be added without a rank.
export const SOURCE_RANK: Readonly<Record<SourceKind, number>> = { probe: 4, documentation: 3, ispdb: 2, page: 1 };
export const sourceRank = (kind: SourceKind): number => SOURCE_RANK[kind];

// Enum columns are plain TEXT in SQLite, so raw SQL compares them with the enum's spelling.
const SOURCE_RANK_SQL = `CASE s.kind ${Object.entries(SOURCE_RANK)
  .map(([kind, rank]) => `WHEN '${kind}' THEN ${rank}`)
  .join(" ")} ELSE 1 END`;

export async function refreshCurrentClaims(tx: Tx): Promise<void> {
  await tx.$executeRawUnsafe(`UPDATE "Claim" SET "isCurrent" = 0 WHERE "isCurrent" = 1`);
  await tx.$executeRawUnsafe(`
    UPDATE "Claim" SET "isCurrent" = 1 WHERE "id" IN (
      SELECT id FROM (
        SELECT c."id" AS id, ROW_NUMBER() OVER (
          PARTITION BY c."serviceId", c."clientId", c."propertyId"
          ORDER BY c."asOf" DESC, ${SOURCE_RANK_SQL} DESC, c."id" DESC
        ) AS rn
        FROM "Claim" c JOIN "Source" s ON s."id" = c."sourceId"
      ) WHERE rn = 1
    )`);
  await tx.$executeRawUnsafe(`
    UPDATE "Service" SET "supportCount" = (
      SELECT COUNT(*) FROM "Claim" c
      WHERE c."serviceId" = "Service"."id" AND c."isCurrent" = 1 AND c."value" = '${SupportValue.yes}'
    )`);
}
