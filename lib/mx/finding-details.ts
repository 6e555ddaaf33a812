import { z } from "zod";
import type { DomainFindingDetails } from "./claims";

// A domain claim's stored evidence (Claim.details, written by lib/mx/claims.ts) read back; a row
// it does not fit shows as "no detailed record", never a broken page.
const domainFindingDetailsSchema = z.object({
  kind: z.literal("mail-domain"),
  domain: z.string(),
  checkedAt: z.string(),
  hosts: z.array(z.object({ host: z.string(), verdict: z.string(), tlsVersion: z.string().nullish() })),
  verdict: z.string().optional(),
  problems: z.array(z.string()).optional(),
}) satisfies z.ZodType<DomainFindingDetails>;

export function parseDomainFindingDetails(details: unknown): DomainFindingDetails | null {
  const parsed = domainFindingDetailsSchema.safeParse(details);
  return parsed.success ? parsed.data : null;
}
