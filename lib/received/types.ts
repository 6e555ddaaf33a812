import { z } from "zod";
import { TLS_VERSIONS, WEAK_CIPHER_REASONS, WEAK_VERSION_REASONS } from "@/lib/mail";

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
});
export type ReceivedApiHop = z.infer<typeof receivedApiHopSchema>;

export const receivedApiResponseSchema = z.object({
  verdict: verdictSchema,
  firstPlainHop: z.number().int().positive().nullable(),
  hops: z.array(receivedApiHopSchema),
});
export type ReceivedApiResponse = z.infer<typeof receivedApiResponseSchema>;

export function toReceivedApiResponse(analysis: ReceivedAnalysis): ReceivedApiResponse {
  return {
    verdict: analysis.verdict,
    firstPlainHop: analysis.firstPlainHop,
    hops: analysis.hops.map((h) => ({
      hop: h.hop,
      from: h.from,
      by: h.by,
      with: h.with,
      tls: h.tls,
      tlsVersion: h.tlsVersion,
      cipher: h.cipher,
      authenticated: h.authenticated,
      local: h.local,
      date: h.date,
      delaySeconds: h.delaySeconds,
      weak: h.weak,
      weakReasons: h.weakReasons,
    })),
  };
}
