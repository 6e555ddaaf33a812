import { z } from "zod";
import { MTA_STS_MODES } from "./records";

// What the mail-domain checks find. Plain data, meant to be stored as claim evidence and read
// back through this schema (a malformed row then shows as "no details" rather than breaking a
// page), and sent from a server action to the browser.
//
// Every verdict keeps "not-tested" (could not test from here) apart from "no": the reason says
// why it could not be tested.

export const NOT_TESTED_REASONS = [
  // the connection to port 25 was refused, timed out or found no route: many networks block
  // outgoing port 25 (Japan's OP25B among them), so this says nothing about the domain
  "port-25-unreachable",
  // the deployment says port 25 is blocked here, so it was not tried
  "port-25-disabled",
  // the address guard refused the host (it resolves to a private or loopback address)
  "refused-address",
  // the MX name does not resolve
  "unresolvable",
  // the server turned the connection away (a 4xx/5xx greeting, or EHLO refused), often a
  // blocklist of cloud addresses or a check of the EHLO name
  "rejected",
  // a timeout or a broken answer part-way through the dialogue
  "dialogue-failed",
  "dns-failed",
  // the resolver's AD bit is not believed, or it does not validate DNSSEC
  "no-dnssec-validation",
  // DANE needs the certificate, and STARTTLS could not be tested
  "no-certificate",
  // the policy host timed out, reset the connection or was refused by the address guard
  "policy-fetch-failed",
] as const;
const notTestedReason = z.enum(NOT_TESTED_REASONS);

export const starttlsCheckSchema = z.object({
  verdict: z.enum(["yes", "no", "not-tested"]),
  reason: z.union([notTestedReason, z.enum(["not-offered", "refused-by-server", "handshake-failed"])]).nullable(),
  address: z.string().nullable(),
  tlsVersion: z.string().nullable(),
  weakTls: z.boolean().nullable(),
  // the chain verifies against the trusted roots and the certificate is in its validity period
  certificateValid: z.boolean().nullable(),
  certificateError: z.string().nullable(),
  hostnameMatches: z.boolean().nullable(),
  certificateValidTo: z.string().nullable(),
  failure: z.object({ step: z.string(), code: z.string(), message: z.string() }).nullable(),
});
export type StarttlsCheck = z.infer<typeof starttlsCheckSchema>;

export const tlsaRecordSchema = z.object({
  usage: z.number().int(),
  selector: z.number().int(),
  matching: z.number().int(),
  // certificate association data, hex
  data: z.string(),
});

export const daneCheckSchema = z.object({
  // valid: a usable TLSA record matches, and the MX and TLSA answers are DNSSEC-validated
  verdict: z.enum(["valid", "mismatch", "unusable", "unsigned", "none", "not-tested"]),
  reason: z.union([notTestedReason, z.enum(["mx-unsigned", "tlsa-unsigned"])]).nullable(),
  records: z.array(tlsaRecordSchema.extend({ verdict: z.enum(["match", "no-match", "unusable"]).nullable() })),
});
export type DaneCheck = z.infer<typeof daneCheckSchema>;

export const mxHostCheckSchema = z.object({
  host: z.string(),
  priority: z.number().int(),
  // false: listed beyond MAX_PROBED_MX, not checked
  probed: z.boolean(),
  starttls: starttlsCheckSchema.nullable(),
  dane: daneCheckSchema.nullable(),
  // covered by the MTA-STS policy's mx patterns (null: no valid policy to match against)
  mtaStsMatch: z.boolean().nullable(),
});
export type MxHostCheck = z.infer<typeof mxHostCheckSchema>;

export const mxListSchema = z.discriminatedUnion("status", [
  z.object({ status: z.literal("found"), signed: z.boolean() }),
  // no MX records (mail would go to the domain's own address, RFC 5321 §5.1; not probed)
  z.object({ status: z.literal("none"), signed: z.boolean() }),
  // RFC 7505: a single "." MX, the domain takes no mail
  z.object({ status: z.literal("null-mx"), signed: z.boolean() }),
  z.object({ status: z.literal("no-such-domain"), signed: z.boolean() }),
  z.object({ status: z.literal("failed"), code: z.string() }),
]);
export type MxList = z.infer<typeof mxListSchema>;

export const MTA_STS_PROBLEMS = [
  "txt-multiple",
  "txt-bad-id",
  "no-policy-host",
  "redirect",
  "http-status",
  "content-type",
  "certificate",
  "too-large",
  "refused",
  "policy-version",
  "policy-mode",
  "policy-max_age",
  "policy-mx",
] as const;
export type MtaStsProblem = (typeof MTA_STS_PROBLEMS)[number];

export const mtaStsCheckSchema = z.object({
  // valid: TXT and policy valid and every MX host matches a pattern; mx-mismatch: valid, but
  // some MX host is not covered (with mode enforce, mail to it fails)
  verdict: z.enum(["valid", "mx-mismatch", "invalid", "none", "not-tested"]),
  reason: notTestedReason.nullable(),
  id: z.string().nullable(),
  mode: z.enum(MTA_STS_MODES).nullable(),
  maxAge: z.number().int().nullable(),
  mxPatterns: z.array(z.string()),
  mxNotCovered: z.array(z.string()),
  problems: z.array(z.enum(MTA_STS_PROBLEMS)),
  // what the fetch came to: "HTTP 200", "HTTP 301", an error code
  fetch: z.string().nullable(),
});
export type MtaStsCheck = z.infer<typeof mtaStsCheckSchema>;

export const recordCheckSchema = z.object({
  verdict: z.enum(["yes", "no", "invalid", "not-tested"]),
  reason: notTestedReason.nullable(),
  // why a record is invalid ("multiple", "bad-rua", …) or the DNS error code
  detail: z.string().nullable(),
});
export type RecordCheck = z.infer<typeof recordCheckSchema>;

export const domainTransportReportSchema = z.object({
  domain: z.string(),
  checkedAt: z.string(),
  // the resolver's AD bit is believed and it validates (see lib/mx/dns.ts)
  dnssecValidation: z.boolean(),
  mx: mxListSchema,
  hosts: z.array(mxHostCheckSchema),
  mtaSts: mtaStsCheckSchema,
  tlsRpt: recordCheckSchema.extend({ rua: z.array(z.string()) }),
  spf: recordCheckSchema,
  dmarc: recordCheckSchema.extend({ policy: z.enum(["none", "quarantine", "reject"]).nullable() }),
  ms: z.number(),
});
export type DomainTransportReport = z.infer<typeof domainTransportReportSchema>;
export type NotTestedReason = (typeof NOT_TESTED_REASONS)[number];
