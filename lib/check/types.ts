import type { EndpointEvidence } from "@/lib/probe/evidence";

// What the check page's server action returns. Plain data: it crosses to the browser and, with
// JavaScript off, is rendered into the page the form posts to.

export type CheckedServer = EndpointEvidence & {
  direction: "incoming" | "outgoing";
  // what the mail settings told clients to use
  declared: "SSL" | "STARTTLS" | "plain";
};

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

export type CheckReport = {
  domain: string;
  // which step of the autoconfig lookup answered: autoconfig, well-known, ispdb, mx-ispdb, guess
  answeredBy: string;
  guessed: boolean;
  servers: CheckedServer[];
  // servers in the settings that were not probed (not a mail protocol, or over the cap)
  skipped: number;
  // catalogued providers whose MX patterns or documented server names match the domain's MX
  providers: Array<{ slug: string; name: string; nameEn: string | null; mxHost: string }>;
  verdict: CheckVerdict;
  ms: number;
};

export type CheckState =
  | { status: "idle" }
  | { status: "invalid"; domain: string }
  | { status: "rate-limited"; domain: string; retryAfterSeconds: number }
  | { status: "failed"; domain: string }
  | { status: "done"; domain: string; report: CheckReport };
