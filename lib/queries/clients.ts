import "server-only";
import { getDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { claimSelect, currentSupport, type ClaimInfo } from "@/lib/queries/catalogue";

// Claims about a mail client dated before this are marked on the clients page as old
// information ("current versions may differ"): a client's support changes from release to
// release. A fixed year rather than an age, so the page changes only when the data do. asOf is
// an ISO prefix, so text order is date order ("2015-12" < "2016" <= "2016-01").
export const CLIENT_HISTORY_BEFORE = "2016";

export function isClientHistory(claim: Pick<ClaimInfo, "asOf">): boolean {
  return claim.asOf < CLIENT_HISTORY_BEFORE;
}

const clientSelect = {
  slug: true,
  name: true,
  version: true,
  platform: true,
  claims: { orderBy: [{ asOf: "desc" }, { id: "desc" }], select: claimSelect },
} satisfies Prisma.MailClientSelect;
type ClientRow = Prisma.MailClientGetPayload<{ select: typeof clientSelect }>;

export type ClientSummary = Omit<ClientRow, "claims"> & {
  support: Record<string, ClaimInfo>;
  // every claim per property key, newest first
  history: Record<string, ClaimInfo[]>;
};

export async function getClients(): Promise<ClientSummary[]> {
  const rows = await getDb().mailClient.findMany({
    orderBy: [{ name: "asc" }, { version: "asc" }],
    select: clientSelect,
  });
  return rows.map(({ claims, ...fields }) => {
    const history: Record<string, ClaimInfo[]> = {};
    for (const c of claims) (history[c.property.key] ??= []).push(c);
    return { ...fields, support: currentSupport(claims), history };
  });
}
