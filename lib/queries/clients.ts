import "server-only";
import { getDb } from "@/lib/db";
import type { ClaimInfo } from "@/lib/queries/providers";

export type ClientSummary = {
  slug: string;
  name: string;
  version: string | null;
  platform: string;
  support: Record<string, ClaimInfo>;
  history: Record<string, ClaimInfo[]>;
};

export async function getClients(): Promise<ClientSummary[]> {
  const rows = await getDb().mailClient.findMany({
    orderBy: [{ name: "asc" }, { version: "asc" }],
    select: {
      slug: true,
      name: true,
      version: true,
      platform: true,
      claims: {
        orderBy: [{ asOf: "desc" }, { id: "desc" }],
        select: {
          value: true,
          asOf: true,
          note: true,
          details: true,
          isCurrent: true,
          property: { select: { key: true } },
          source: { select: { key: true, kind: true, title: true, titleEn: true, url: true, asOf: true } },
        },
      },
    },
  });
  return rows.map((row) => {
    const support: Record<string, ClaimInfo> = {};
    const history: Record<string, ClaimInfo[]> = {};
    for (const c of row.claims) {
      const claim: ClaimInfo = c;
      if (c.isCurrent) support[c.property.key] = claim;
      (history[c.property.key] ??= []).push(claim);
    }
    return { slug: row.slug, name: row.name, version: row.version, platform: row.platform, support, history };
  });
}
