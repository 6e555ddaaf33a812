import { z } from "zod";
import { endpointEvidenceSchema } from "@/lib/probe/evidence";
import { domainTransportReportSchema } from "@/lib/mx/types";

// What a check finds. Plain data: it is stored as JSON (CheckResult.report), read back through
// storedReportSchema, and sent from the server action to the browser.

export const checkedServerSchema = endpointEvidenceSchema.extend({
  direction: z.enum(["incoming", "outgoing"]),
  // what the mail settings told clients to use
  declared: z.enum(["SSL", "STARTTLS", "plain"]),
});
export type CheckedServer = z.infer<typeof checkedServerSchema>;

// The headline of a check, one per way it can end:
//   checked         settings found and at least one server answered
//   no-such-domain  the domain itself does not exist (NXDOMAIN): usually a typo
//   no-settings     the domain exists but publishes no mail settings; any servers are guesses
//   unreachable     settings found, but none of their servers could be reached
//   network-failed  our own resolver or network failed, so nothing can be said about the domain
//   dns-failed      our resolver works, but the domain's own name servers gave no answer
export const CHECK_OUTCOMES = [
  "checked",
  "no-such-domain",
  "no-settings",
  "unreachable",
  "network-failed",
  "dns-failed",
] as const;
export type CheckOutcome = (typeof CHECK_OUTCOMES)[number];

export const storedReportSchema = z.object({
  domain: z.string(),
  outcome: z.enum(CHECK_OUTCOMES),
  // which step of the autoconfig lookup answered: autoconfig, well-known, ispdb, mx-ispdb, guess;
  // "none" when the check stopped before looking for settings
  answeredBy: z.string(),
  guessed: z.boolean(),
  mxHosts: z.array(z.string()),
  // the resolver's error code when the domain's DNS gave no answer
  dnsError: z.string().nullable(),
  servers: z.array(checkedServerSchema),
  // servers in the settings that were not probed (not a mail protocol, or over the cap)
  skipped: z.number().int(),
  // catalogued providers whose MX patterns or documented server names match the domain's MX
  providers: z.array(
    z.object({ slug: z.string(), name: z.string(), nameEn: z.string().nullable(), mxHost: z.string() }),
  ),
  // how the domain receives mail (MX, STARTTLS on 25, MTA-STS, DANE…); optional, so reports
  // stored before it was checked still read
  mailDomain: domainTransportReportSchema.optional(),
  ms: z.number(),
});
export type StoredReport = z.infer<typeof storedReportSchema>;

export type Encryption = "encrypted" | "partly" | "not-encrypted" | "unknown";

export type CertificateProblem = {
  host: string;
  port: number;
  kind: "expired" | "not-yet-valid" | "untrusted" | "hostname-mismatch" | "expiring-soon";
  detail: string | null;
};

export type CheckVerdict = {
  receiving: Encryption;
  sending: Encryption;
  // "yes" is the bad answer: a password could travel in clear before TLS
  passwordsBeforeTls: "yes" | "no" | "unknown";
  passwordServers: Array<{ host: string; port: number; protocol: string; methods: string[] }>;
  certificates: "ok" | "problems" | "unknown";
  certificateProblems: CertificateProblem[];
  tls: "ok" | "weak" | "unknown";
  // the published settings tell mail programs to connect without encryption
  plainSettings: Array<{ host: string; port: number; protocol: string }>;
  weakServers: Array<{ host: string; port: number; version: string | null; cipher: string | null }>;
};

// The verdict is derived from the servers, so it is computed again when a stored report is read
// rather than stored beside them (and possibly disagreeing).
export type CheckReport = StoredReport & { verdict: CheckVerdict };

export type CheckState =
  | { status: "idle" }
  | { status: "invalid"; domain: string }
  // client: this visitor's allowance; domain: checks of this domain by anyone; global: the site's
  | { status: "rate-limited"; scope: "client" | "domain" | "global"; domain: string; retryAfterSeconds: number }
  | { status: "failed"; domain: string }
  // a report that is not stored (our own network failed): shown once, never shared
  | { status: "done"; domain: string; report: CheckReport };
