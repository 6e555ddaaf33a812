import { z } from "zod";
import { MAIL_PROTOCOLS } from "@/lib/mail";
import type { EndpointProbeResult } from "./types";
import { chooseCurrentClaim } from "@/lib/catalogue/claim-rank";
import type { SourceKind, SupportValue } from "@/lib/generated/prisma/enums";

// What a probe claim keeps in Claim.details: per endpoint, the facts behind the value. The same
// schema reads it back for the service page, so a malformed row shows as "no details" instead
// of breaking the page.

export const endpointEvidenceSchema = z.object({
  host: z.string(),
  port: z.number().int(),
  protocol: z.enum(MAIL_PROTOCOLS),
  // a probe target is never "none" (see ProbeSecurity)
  security: z.enum(["tls", "starttls"]),
  address: z.string().nullable(),
  // what this endpoint says about the claim's property
  outcome: z.enum(["yes", "no", "unknown"]),
  failure: z.object({ step: z.string(), code: z.string(), message: z.string() }).nullable(),
  tlsVersion: z.string().nullable(),
  cipher: z.string().nullable(),
  weakTls: z.boolean().nullable(),
  chainValid: z.boolean().nullable(),
  chainError: z.string().nullable(),
  hostnameMatches: z.boolean().nullable(),
  certSubject: z.string().nullable(),
  certIssuer: z.string().nullable(),
  certValidTo: z.string().nullable(),
  certDaysLeft: z.number().nullable(),
  certExpired: z.boolean().nullable(),
  certSelfSigned: z.boolean().nullable(),
  starttlsOffered: z.boolean().nullable(),
  plaintextInsteadOfTls: z.boolean(),
  authBeforeTls: z.array(z.string()).nullable(),
  authAfterTls: z.array(z.string()).nullable(),
  plaintextAuthBeforeTls: z.array(z.string()),
  apop: z.boolean().nullable(),
  timings: z.object({
    resolveMs: z.number().nullable(),
    connectMs: z.number().nullable(),
    greetingMs: z.number().nullable(),
    handshakeMs: z.number().nullable(),
    totalMs: z.number(),
  }),
});
export type EndpointEvidence = z.infer<typeof endpointEvidenceSchema>;

export const probeDetailsSchema = z.object({
  kind: z.literal("probe"),
  probedAt: z.string(),
  endpoints: z.array(endpointEvidenceSchema),
});
export type ProbeDetails = z.infer<typeof probeDetailsSchema>;

export function toEndpointEvidence(r: EndpointProbeResult, outcome: EndpointEvidence["outcome"]): EndpointEvidence {
  const cert = r.tls?.certificate ?? null;
  return {
    host: r.target.host,
    port: r.target.port,
    protocol: r.target.protocol,
    security: r.target.security,
    address: r.address,
    outcome,
    failure: r.failure,
    tlsVersion: r.tls?.version ?? null,
    cipher: r.tls?.cipher ?? null,
    weakTls: r.tls?.weak ?? null,
    chainValid: r.tls?.chainValid ?? null,
    chainError: r.tls?.chainError ?? null,
    hostnameMatches: r.tls?.hostnameMatches ?? null,
    certSubject: cert?.subject ?? null,
    certIssuer: cert?.issuer ?? null,
    certValidTo: cert?.validTo ?? null,
    certDaysLeft: cert?.daysLeft ?? null,
    certExpired: cert?.expired ?? null,
    certSelfSigned: cert?.selfSigned ?? null,
    starttlsOffered: r.starttlsOffered,
    plaintextInsteadOfTls: r.plaintextInsteadOfTls,
    authBeforeTls: r.authBeforeTls,
    authAfterTls: r.authAfterTls,
    plaintextAuthBeforeTls: r.plaintextAuthBeforeTls,
    apop: r.apop,
    timings: r.timings,
  };
}

export function parseProbeDetails(details: unknown): ProbeDetails | null {
  const parsed = probeDetailsSchema.safeParse(details);
  return parsed.success ? parsed.data : null;
}

type Comparable = { value: SupportValue; verifiedOn: string | null; source: { kind: SourceKind; key: string } };

// The claim the page would show if there were no probes: the rule refreshCurrentClaims uses,
// over the non-probe claims only.
export function newestNonProbeClaim<T extends Comparable>(claims: T[]): T | null {
  const others = claims.filter((c) => c.source.kind !== "probe");
  const chosen = chooseCurrentClaim(
    others.map((c) => ({ ...c, sourceKind: c.source.kind, sourceKey: c.source.key, claim: c })),
  );
  return chosen?.claim ?? null;
}

// A probe contradicts a claim when one says the server offers the property and the other
// says it does not; "unknown" contradicts nothing.
export function contradicts(probeValue: SupportValue, claimValue: SupportValue): boolean {
  const offered = (v: SupportValue) => (v === "yes" || v === "partial" ? true : v === "no" ? false : null);
  const a = offered(probeValue);
  const b = offered(claimValue);
  return a !== null && b !== null && a !== b;
}
