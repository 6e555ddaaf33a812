import type { TLSSocket } from "node:tls";
import { MAIL_PROTOCOLS, type MailProtocol, type PortSecurity } from "@/lib/mail";

// Shapes of a live probe. Everything here is plain data (JSON-safe), because a probe result is
// stored as claim evidence and sent from a server action to the browser.

export const PROBE_PROTOCOLS = MAIL_PROTOCOLS;
export type ProbeProtocol = MailProtocol;

// "tls": TLS from the first byte; "starttls": plain connection upgraded by STARTTLS / STLS
// (lib/mail's port table says which port is which). A catalogue endpoint marked "none" is probed
// as "starttls", so the probe can still report that the upgrade is not offered.
export type ProbeSecurity = PortSecurity;

export type ProbeTarget = {
  host: string;
  port: number;
  protocol: ProbeProtocol;
  security: ProbeSecurity;
};

export type ProbeStep = "resolve" | "connect" | "greeting" | "capabilities" | "starttls" | "handshake" | "quit";

export type CertificateFacts = {
  subject: string | null;
  issuer: string | null;
  subjectAltName: string | null;
  validFrom: string;
  validTo: string;
  // whole days until validTo, negative once expired
  daysLeft: number;
  expired: boolean;
  notYetValid: boolean;
  selfSigned: boolean;
  fingerprint256: string;
};

export type TlsFacts = {
  // "TLSv1.3", "TLSv1.2", ...
  version: string;
  cipher: string;
  cipherStandardName: string | null;
  // lib/mail's isWeakTls on the version and cipher: below TLS 1.2, or an anonymous, export,
  // RC4, DES/3DES, NULL or MD5-MAC suite
  weak: boolean;
  // the chain verifies against the trusted roots (host name is checked separately)
  chainValid: boolean;
  chainError: string | null;
  hostnameMatches: boolean;
  hostnameError: string | null;
  certificate: CertificateFacts | null;
};

export type ProbeTimings = {
  resolveMs: number | null;
  connectMs: number | null;
  greetingMs: number | null;
  handshakeMs: number | null;
  totalMs: number;
};

export type ProbeFailure = {
  step: ProbeStep;
  // "timeout", "refused-address", "refused-port" (not a mail port), a Node error code
  // (ECONNREFUSED) or an OpenSSL reason
  code: string;
  message: string;
};

export type EndpointProbeResult = {
  target: ProbeTarget;
  // the address actually connected to (after the guard), null if refused before connecting
  address: string | null;
  // ok: the dialogue finished; failed: it stopped at failure.step
  status: "ok" | "failed";
  failure: ProbeFailure | null;
  greeting: string | null;
  // STARTTLS / STLS advertised on the plain connection (null: not asked, e.g. implicit TLS)
  starttlsOffered: boolean | null;
  // the upgrade command got its positive answer (null: not attempted)
  starttlsAccepted: boolean | null;
  // the server answered in clear text where a TLS handshake was expected (implicit TLS port)
  plaintextInsteadOfTls: boolean;
  tls: TlsFacts | null;
  // capability lines as the server sent them (EHLO keywords, CAPA lines, IMAP capabilities)
  capabilitiesBeforeTls: string[] | null;
  capabilitiesAfterTls: string[] | null;
  // SASL mechanisms advertised, upper-cased, plus POP3's USER command as "USER" (null: the
  // capabilities were not seen at that stage)
  authBeforeTls: string[] | null;
  authAfterTls: string[] | null;
  // what would carry a password in clear text, offered before TLS: PLAIN, LOGIN, USER, or
  // "LOGIN-COMMAND" for an IMAP server that does not say LOGINDISABLED
  plaintextAuthBeforeTls: string[];
  // POP3 greeting carried an APOP timestamp (<...@...>)
  apop: boolean | null;
  timings: ProbeTimings;
  // what was said, with nothing secret in it: the probe never sends credentials
  transcript: string[];
};

export type ProbeOptions = {
  // per connect, per read and per TLS handshake
  timeoutMs?: number;
  // for one endpoint in all (default four times timeoutMs), so a server that drips a line
  // just inside each read's timeout cannot hold the probe for long
  overallTimeoutMs?: number;
  allowLoopback?: boolean;
  // probe the endpoints one after another instead of all at once
  sequential?: boolean;
  // extra trusted roots (tests pass their throw-away CA; the CLI honours NODE_EXTRA_CA_CERTS)
  ca?: string | Buffer | Array<string | Buffer>;
  // the name sent in EHLO
  clientName?: string;
  // called as each endpoint enters a step and when it finishes (progress bars)
  onStep?: (target: ProbeTarget, step: ProbeStep) => void;
  onResult?: (result: EndpointProbeResult) => void;
  // called once the handshake is done, for a caller that needs more than TlsFacts (DANE compares
  // the certificates themselves)
  onSecure?: (target: ProbeTarget, socket: TLSSocket) => void;
  // replaces dns.lookup (tests)
  lookup?: LookupAll;
};

export type LookupAll = (host: string) => Promise<Array<{ address: string; family: number }>>;

export const DEFAULT_TIMEOUT_MS = 8000;
