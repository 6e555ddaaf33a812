import {
  MAIL_PROPERTY_KEYS,
  TRANSPORT_PROPERTY_KEYS,
  transportPropertyKey,
  type MailPropertyKey,
  type TransportPropertyKey,
} from "@/lib/mail";
import { toEndpointEvidence, type EndpointEvidence, type ProbeDetails } from "./evidence";
import type { EndpointProbeResult, ProbeTarget } from "./types";

// Everything mail-protocol evidence can speak to except POP before SMTP, which only a login
// could show; the probe never logs in.
export type ProbePropertyKey = Exclude<MailPropertyKey, "pop-before-smtp">;
export const PROBE_PROPERTY_KEYS: readonly ProbePropertyKey[] = MAIL_PROPERTY_KEYS.filter(
  (k): k is ProbePropertyKey => k !== "pop-before-smtp",
);

type Outcome = EndpointEvidence["outcome"];

export type ProbeFinding = {
  property: ProbePropertyKey;
  value: "yes" | "no";
  // a one-line summary for Claim.note (data, in the protocol's own words)
  note: string;
  details: ProbeDetails;
};

// The same rule as the ISPDB importer's (lib/mail): null for SMTP STARTTLS on a port that
// belongs to implicit TLS (465) or another protocol, which then speaks to no transport property.
export function transportProperty(t: ProbeTarget): TransportPropertyKey | null {
  return transportPropertyKey(t);
}

// yes: TLS was established (from the first byte, or after the upgrade) and the server spoke;
// no: the server answered but did not offer it (clear text on a TLS port, no STARTTLS in its
// capabilities, or the upgrade refused); unknown: the connection failed or timed out first.
export function transportOutcome(r: EndpointProbeResult): Outcome {
  if (r.target.security === "tls") {
    if (r.tls && r.greeting !== null) return "yes";
    return r.plaintextInsteadOfTls ? "no" : "unknown";
  }
  if (r.starttlsOffered === false || r.starttlsAccepted === false) return "no";
  return r.tls ? "yes" : "unknown";
}

function sawCapabilities(r: EndpointProbeResult): boolean {
  return r.capabilitiesBeforeTls !== null || r.capabilitiesAfterTls !== null;
}

function advertised(r: EndpointProbeResult): string[] {
  return [...(r.authBeforeTls ?? []), ...(r.authAfterTls ?? [])];
}

function smtpAuthOutcome(r: EndpointProbeResult): Outcome {
  if (r.target.protocol !== "smtp" || !sawCapabilities(r)) return "unknown";
  return advertised(r).some((m) => m !== "USER") ? "yes" : "no";
}

function apopOutcome(r: EndpointProbeResult): Outcome {
  if (r.target.protocol !== "pop3" || r.apop === null) return "unknown";
  return r.apop ? "yes" : "no";
}

function cramMd5Outcome(r: EndpointProbeResult): Outcome {
  if (!sawCapabilities(r)) return "unknown";
  return advertised(r).includes("CRAM-MD5") ? "yes" : "no";
}

function endpointLabel(r: EndpointProbeResult): string {
  return `${r.target.protocol.toUpperCase()} ${r.target.host}:${r.target.port}`;
}

const AUTH_PROPERTIES: ReadonlySet<ProbePropertyKey> = new Set(["smtp-auth", "cram-md5"]);
const NOTE_ENDPOINTS = 3;

function describeCertificate(r: EndpointProbeResult): string {
  const cert = r.tls?.certificate;
  if (!r.tls || !cert) return "no certificate";
  if (cert.expired) return "certificate expired";
  if (!r.tls.chainValid) return `certificate not trusted (${r.tls.chainError})`;
  if (!r.tls.hostnameMatches) return "certificate name mismatch";
  return `certificate valid, ${cert.daysLeft} days left`;
}

function describeEndpoint(r: EndpointProbeResult, property: ProbePropertyKey, outcome: Outcome): string {
  const parts: string[] = [];
  if (property === "apop") {
    parts.push(r.apop ? "APOP timestamp in greeting" : "no APOP timestamp in greeting");
  } else if (AUTH_PROPERTIES.has(property)) {
    if (r.authBeforeTls) parts.push(`AUTH before TLS: ${r.authBeforeTls.join(" ") || "none"}`);
    if (r.authAfterTls) parts.push(`AUTH after TLS: ${r.authAfterTls.join(" ") || "none"}`);
  } else {
    if (r.tls) parts.push(`${r.tls.version} ${r.tls.cipher}${r.tls.weak ? " (weak)" : ""}`, describeCertificate(r));
    if (outcome === "no" && r.plaintextInsteadOfTls) parts.push("answered in clear text, no TLS");
    if (outcome === "no" && r.starttlsOffered === false)
      parts.push(`${r.target.protocol === "pop3" ? "STLS" : "STARTTLS"} not offered`);
    if (outcome === "no" && r.starttlsAccepted === false)
      parts.push(`${r.target.protocol === "pop3" ? "STLS" : "STARTTLS"} refused`);
  }
  if (r.plaintextAuthBeforeTls.length > 0)
    parts.push(`password in clear offered before TLS: ${r.plaintextAuthBeforeTls.join(" ")}`);
  return `${endpointLabel(r)}: ${parts.join("; ")}`;
}

function summarize(shown: Array<{ r: EndpointProbeResult; outcome: Outcome }>, property: ProbePropertyKey): string {
  const listed = shown.slice(0, NOTE_ENDPOINTS).map((j) => describeEndpoint(j.r, property, j.outcome));
  if (shown.length > NOTE_ENDPOINTS) listed.push(`and ${shown.length - NOTE_ENDPOINTS} more`);
  return listed.join(" | ");
}

// Turns one run over a service's endpoints into claims. Properties no endpoint could speak to
// are left out: a failed connection proves nothing either way.
export function findingsFromResults(results: EndpointProbeResult[], probedAt: Date = new Date()): ProbeFinding[] {
  const judges: Array<[ProbePropertyKey, (r: EndpointProbeResult) => Outcome | null]> = [
    ...TRANSPORT_PROPERTY_KEYS.map((key): [ProbePropertyKey, (r: EndpointProbeResult) => Outcome | null] => [
      key,
      (r) => (transportProperty(r.target) === key ? transportOutcome(r) : null),
    ]),
    ["smtp-auth", (r) => (r.target.protocol === "smtp" ? smtpAuthOutcome(r) : null)],
    ["apop", (r) => (r.target.protocol === "pop3" ? apopOutcome(r) : null)],
    ["cram-md5", cramMd5Outcome],
  ];
  const findings: ProbeFinding[] = [];
  for (const [property, judge] of judges) {
    const judged = results
      .map((r) => ({ r, outcome: judge(r) }))
      .filter((j): j is { r: EndpointProbeResult; outcome: Outcome } => j.outcome !== null);
    const decisive = judged.filter((j) => j.outcome !== "unknown");
    if (decisive.length === 0) continue;
    const value = decisive.some((j) => j.outcome === "yes") ? "yes" : "no";
    const shown = decisive.filter((j) => j.outcome === value);
    findings.push({
      property,
      value,
      note: summarize(shown, property),
      details: {
        kind: "probe",
        probedAt: probedAt.toISOString(),
        endpoints: judged.map((j) => toEndpointEvidence(j.r, j.outcome)),
      },
    });
  }
  return findings;
}
