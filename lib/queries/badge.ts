import "server-only";
import { getDb } from "@/lib/db";
import { BADGE_PROPERTIES, type BadgeClaim } from "@/lib/badge/badge";

export type BadgeInput = { name: string; nameEn: string | null; claims: Record<string, BadgeClaim> };

// A service's current claims for the badge's four ports, each with its latest "verified again"
// day. Read per request: a verification adds a day without moving the catalogue's version.
export async function getBadgeInput(slug: string): Promise<BadgeInput | null> {
  const row = await getDb().service.findUnique({
    where: { slug },
    select: {
      name: true,
      nameEn: true,
      claims: {
        where: { isCurrent: true, property: { key: { in: [...BADGE_PROPERTIES] } } },
        select: {
          value: true,
          asOf: true,
          verifiedOn: true,
          property: { select: { key: true } },
          verifications: { select: { day: true }, orderBy: { day: "desc" }, take: 1 },
        },
      },
    },
  });
  if (!row) return null;
  const claims = Object.fromEntries(row.claims.map(({ property, ...claim }) => [property.key, claim]));
  return { name: row.name, nameEn: row.nameEn, claims };
}
