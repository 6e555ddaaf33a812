import { z } from "zod";
import { TLS_VERSIONS, WEAK_CIPHER_REASONS, WEAK_VERSION_REASONS } from "@/lib/mail";
import { capHopText, MAX_FINDING_HOPS, MAX_RECEIVED_RESPONSE_BYTES, MAX_SHOWN_HOPS } from "./limits";

export const VERDICTS = ["encrypted", "not-encrypted", "unknown", "none"] as const;
export const verdictSchema = z.enum(VERDICTS);
export type Verdict = z.infer<typeof verdictSchema>;

// "local" is its own state rather than "yes"/"no": the hop never crossed a network between
// organisations, so it neither proves nor breaks encryption of the path.
export const TLS_STATES = ["yes", "no", "unknown", "local"] as const;
export const tlsStateSchema = z.enum(TLS_STATES);
export type TlsState = z.infer<typeof tlsStateSchema>;

export { TLS_VERSIONS };
export const tlsVersionSchema = z.enum(TLS_VERSIONS);
export type TlsVersion = z.infer<typeof tlsVersionSchema>;

// lib/mail's reasons a header can support: version and cipher. Key sizes never reach a header.
// Codes rather than sentences: the page translates them through the locale dictionaries.
export const WEAK_REASONS = [...WEAK_VERSION_REASONS, ...WEAK_CIPHER_REASONS] as const;
export const weakReasonSchema = z.enum(WEAK_REASONS);
export type WeakReason = z.infer<typeof weakReasonSchema>;

export const LOCAL_REASONS = ["no-from-clause", "loopback", "lmtp", "mapi", "local-protocol"] as const;
export const localReasonSchema = z.enum(LOCAL_REASONS);
export type LocalReason = z.infer<typeof localReasonSchema>;

// What the receiving server wrote about the sending side's certificate. Every MTA that records it
// (Sendmail's verify=, Postfix's client-certificate note, OpenSMTPD's last field) speaks of the
// client: the server that handed the message over. None of them records whether the sender
// checked the receiver's certificate, so a header can show "not verified" but never the reverse
// direction.
export const CERTIFICATE_STATES = ["verified", "failed", "not-verified", "not-presented", "not-requested"] as const;
export const certificateStateSchema = z.enum(CERTIFICATE_STATES);
export type CertificateState = z.infer<typeof certificateStateSchema>;

// The headline, worst first: a plain hop outweighs a weak one, a weak one outweighs a hop the
// header says nothing about, and only a path with none of these is "good".
export const LEVELS = ["not-encrypted", "weak", "unknown", "good", "none"] as const;
export const levelSchema = z.enum(LEVELS);
export type Level = z.infer<typeof levelSchema>;

// Why the headline is what it is: one code per finding, with the hops it concerns.
export const FINDING_CODES = [
  "not-encrypted",
  ...WEAK_VERSION_REASONS,
  ...WEAK_CIPHER_REASONS,
  "certificate-failed",
  "certificate-not-verified",
  "no-tls-record",
  "version-not-recorded",
] as const;
export const findingCodeSchema = z.enum(FINDING_CODES);
export type FindingCode = z.infer<typeof findingCodeSchema>;

export const findingSchema = z.object({
  code: findingCodeSchema,
  hops: z.array(z.number().int().positive()).min(1),
});
export type Finding = z.infer<typeof findingSchema>;

const isoDateSchema = z.iso.datetime({ offset: true });

/** Everything the library extracts from one Received field. */
export const receivedHopSchema = z.object({
  hop: z.number().int().positive(),
  from: z.string().nullable(),
  by: z.string().nullable(),
  via: z.string().nullable(),
  with: z.string().nullable(),
  id: z.string().nullable(),
  for: z.string().nullable(),
  comments: z.array(z.string()),
  tls: tlsStateSchema,
  /** The piece of header text the TLS decision rests on, for display. */
  tlsEvidence: z.string().nullable(),
  tlsVersion: tlsVersionSchema.nullable(),
  cipher: z.string().nullable(),
  weak: z.boolean(),
  weakReasons: z.array(weakReasonSchema),
  /** The sending server's certificate as the receiving one recorded it; null when not recorded. */
  clientCertificate: certificateStateSchema.nullable(),
  authenticated: z.boolean(),
  local: z.boolean(),
  localReason: localReasonSchema.nullable(),
  date: isoDateSchema.nullable(),
  delaySeconds: z.number().int().nullable(),
  /** The field's value as written, line folding included. */
  raw: z.string(),
});
export type ReceivedHop = z.infer<typeof receivedHopSchema>;

export const receivedAnalysisSchema = z.object({
  verdict: verdictSchema,
  level: levelSchema,
  findings: z.array(findingSchema),
  firstPlainHop: z.number().int().positive().nullable(),
  hops: z.array(receivedHopSchema),
});
export type ReceivedAnalysis = z.infer<typeof receivedAnalysisSchema>;

/** The public JSON shape of POST /api/received: a projection of the analysis. */
export const receivedApiHopSchema = receivedHopSchema.pick({
  hop: true,
  from: true,
  by: true,
  with: true,
  tls: true,
  tlsVersion: true,
  cipher: true,
  authenticated: true,
  local: true,
  date: true,
  delaySeconds: true,
  weak: true,
  weakReasons: true,
  clientCertificate: true,
});
export type ReceivedApiHop = z.infer<typeof receivedApiHopSchema>;

/** A finding as the API returns it: the first MAX_FINDING_HOPS hops, and how many in all. */
export const receivedApiFindingSchema = findingSchema.extend({ count: z.number().int().positive() });
export type ReceivedApiFinding = z.infer<typeof receivedApiFindingSchema>;

export const receivedApiResponseSchema = z.object({
  verdict: verdictSchema,
  level: levelSchema,
  findings: z.array(receivedApiFindingSchema),
  firstPlainHop: z.number().int().positive().nullable(),
  /** every hop in the header; the verdict, level and findings rest on all of them */
  hopCount: z.number().int().nonnegative(),
  /** the oldest hops, at most MAX_SHOWN_HOPS of them and within MAX_RECEIVED_RESPONSE_BYTES */
  hops: z.array(receivedApiHopSchema),
  /** hopCount minus the hops returned */
  hopsOmitted: z.number().int().nonnegative(),
});
export type ReceivedApiResponse = z.infer<typeof receivedApiResponseSchema>;

// Room kept for everything but the hops: the findings (at most one per code, each naming at
// most MAX_FINDING_HOPS hops) and the handful of scalars.
const NON_HOP_BYTES = 16 * 1024;
const encoder = new TextEncoder();

function toApiHop(h: ReceivedHop): ReceivedApiHop {
  return {
    hop: h.hop,
    from: capHopText(h.from),
    by: capHopText(h.by),
    with: capHopText(h.with),
    tls: h.tls,
    tlsVersion: h.tlsVersion,
    cipher: capHopText(h.cipher),
    authenticated: h.authenticated,
    local: h.local,
    date: h.date,
    delaySeconds: h.delaySeconds,
    weak: h.weak,
    weakReasons: h.weakReasons,
    clientCertificate: h.clientCertificate,
  };
}

/** The API's answer: everything judged from all hops, the hops themselves capped (lib/received/limits.ts). */
export function toReceivedApiResponse(analysis: ReceivedAnalysis): ReceivedApiResponse {
  const hops: ReceivedApiHop[] = [];
  let bytes = NON_HOP_BYTES;
  for (const hop of analysis.hops.slice(0, MAX_SHOWN_HOPS)) {
    const apiHop = toApiHop(hop);
    // +1 for the comma between hops
    bytes += encoder.encode(JSON.stringify(apiHop)).byteLength + 1;
    if (bytes > MAX_RECEIVED_RESPONSE_BYTES) break;
    hops.push(apiHop);
  }
  return {
    verdict: analysis.verdict,
    level: analysis.level,
    findings: analysis.findings.map((f) => ({
      code: f.code,
      hops: f.hops.slice(0, MAX_FINDING_HOPS),
      count: f.hops.length,
    })),
    firstPlainHop: analysis.firstPlainHop,
    hopCount: analysis.hops.length,
    hops,
    hopsOmitted: analysis.hops.length - hops.length,
  };
}
