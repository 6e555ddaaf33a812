import type { DaneCheck, DomainTransportReport, MxHostCheck } from "./types";

// What a mail-domain report (lib/mx/check-domain.ts) says about the four "domain" properties of
// data/properties.json, as values a claim can carry. The rule every property follows:
//   - "not-tested" (port 25 blocked here, a resolver that does not validate, a DNS timeout) says
//     nothing: no finding, so the catalogue keeps "unknown" and never turns it into "no";
//   - a domain without MX hosts to check (none, null MX, no such domain, a failed MX lookup)
//     says nothing about its servers either;
//   - "partial" where some MX hosts have it and others do not: mail to the others is exposed.
// Findings go through the same recorder as the probe's (lib/verify/verify-service.ts): one that
// matches the current claim is "verified again", another value is a new dated probe claim.

export const DOMAIN_PROPERTY_KEYS = ["mx-starttls", "mta-sts", "tls-rpt", "dane"] as const;
export type DomainPropertyKey = (typeof DOMAIN_PROPERTY_KEYS)[number];

export type DomainFindingValue = "yes" | "no" | "partial";

export type DomainFinding = {
  property: DomainPropertyKey;
  value: DomainFindingValue;
  // one line for Claim.note, in the protocols' own words (data, not UI text)
  note: string;
  // the part of the report the value rests on, stored as the claim's evidence
  details: DomainFindingDetails;
};

// Stored as Claim.details; lib/mx/finding-details.ts reads it back (kept apart so the check
// form's client bundle, which renders findings, does not carry zod).
export type DomainFindingDetails = {
  kind: "mail-domain";
  domain: string;
  checkedAt: string;
  hosts: Array<{ host: string; verdict: string; tlsVersion?: string | null }>;
  verdict?: string;
  problems?: string[];
};

function probedHosts(report: DomainTransportReport): MxHostCheck[] {
  return report.hosts.filter((h) => h.probed);
}

function hasServers(report: DomainTransportReport): boolean {
  return report.mx.status === "found" && probedHosts(report).length > 0;
}

// yes when every tested host says yes, no when none does, partial between; hosts that could not
// be tested are left out, and if that leaves none, there is no finding.
function combine(verdicts: ReadonlyArray<"yes" | "no" | "skip">): DomainFindingValue | null {
  const tested = verdicts.filter((v) => v !== "skip");
  if (tested.length === 0) return null;
  if (tested.every((v) => v === "yes")) return "yes";
  if (tested.every((v) => v === "no")) return "no";
  return "partial";
}

function base(report: DomainTransportReport): Pick<DomainFindingDetails, "kind" | "domain" | "checkedAt"> {
  return { kind: "mail-domain", domain: report.domain, checkedAt: report.checkedAt };
}

function starttlsFinding(report: DomainTransportReport): DomainFinding | null {
  const hosts = probedHosts(report);
  const value = combine(
    hosts.map((h) => (h.starttls?.verdict === "yes" ? "yes" : h.starttls?.verdict === "no" ? "no" : "skip")),
  );
  if (value === null) return null;
  const yes = hosts.filter((h) => h.starttls?.verdict === "yes").length;
  const tested = hosts.filter((h) => h.starttls?.verdict === "yes" || h.starttls?.verdict === "no").length;
  return {
    property: "mx-starttls",
    value,
    note: `STARTTLS on port 25 offered by ${yes} of ${tested} MX host(s) of ${report.domain}`,
    details: {
      ...base(report),
      hosts: hosts.map((h) => ({
        host: h.host,
        verdict: h.starttls?.verdict ?? "not-tested",
        tlsVersion: h.starttls?.tlsVersion ?? null,
      })),
    },
  };
}

// valid in mode enforce → yes; mode testing, or a policy that leaves an MX host uncovered →
// partial (with mode enforce, mail to that host fails); mode none, an invalid record or policy,
// or none at all → no.
function mtaStsFinding(report: DomainTransportReport): DomainFinding | null {
  const { mtaSts } = report;
  if (mtaSts.verdict === "not-tested") return null;
  // A valid policy protects only in mode enforce: testing asks for reports and still delivers
  // without TLS (partial), none announces the policy's withdrawal (no).
  const value: DomainFindingValue =
    mtaSts.verdict === "valid"
      ? mtaSts.mode === "enforce"
        ? "yes"
        : mtaSts.mode === "testing"
          ? "partial"
          : "no"
      : mtaSts.verdict === "mx-mismatch"
        ? mtaSts.mode === "none"
          ? "no"
          : "partial"
        : "no";
  const note =
    mtaSts.verdict === "none"
      ? `no _mta-sts TXT record for ${report.domain}`
      : mtaSts.verdict === "invalid"
        ? `MTA-STS for ${report.domain} not usable: ${mtaSts.problems.join(", ") || "invalid"}`
        : `MTA-STS policy mode ${mtaSts.mode ?? "?"}, max_age ${mtaSts.maxAge ?? "?"}` +
          (mtaSts.mxNotCovered.length > 0 ? `; not covered: ${mtaSts.mxNotCovered.join(", ")}` : "");
  return {
    property: "mta-sts",
    value,
    note,
    details: {
      ...base(report),
      verdict: mtaSts.verdict,
      problems: [...mtaSts.problems],
      hosts: report.hosts.map((h) => ({ host: h.host, verdict: h.mtaStsMatch === false ? "not-covered" : "covered" })),
    },
  };
}

function tlsRptFinding(report: DomainTransportReport): DomainFinding | null {
  const { tlsRpt } = report;
  if (tlsRpt.verdict === "not-tested") return null;
  return {
    property: "tls-rpt",
    value: tlsRpt.verdict === "yes" ? "yes" : "no",
    note:
      tlsRpt.verdict === "yes"
        ? `_smtp._tls TXT record with ${tlsRpt.rua.length} reporting address(es)`
        : tlsRpt.verdict === "invalid"
          ? `_smtp._tls TXT record not usable: ${tlsRpt.detail ?? "invalid"}`
          : `no _smtp._tls TXT record for ${report.domain}`,
    details: { ...base(report), verdict: tlsRpt.verdict, hosts: [] },
  };
}

// DANE counts only when validated (RFC 7672): "unsigned" TLSA records protect nothing against an
// attacker on the path, so they are a "no" whose note says they exist.
function daneVerdictOf(dane: DaneCheck | null): "yes" | "no" | "skip" {
  if (!dane || dane.verdict === "not-tested") return "skip";
  return dane.verdict === "valid" ? "yes" : "no";
}

function daneFinding(report: DomainTransportReport): DomainFinding | null {
  const hosts = probedHosts(report);
  const value = combine(hosts.map((h) => daneVerdictOf(h.dane)));
  if (value === null) return null;
  const verdicts = hosts.map((h) => h.dane?.verdict ?? "not-tested");
  const unsigned = verdicts.includes("unsigned");
  const mismatch = verdicts.includes("mismatch");
  return {
    property: "dane",
    value,
    note:
      value === "yes"
        ? `DNSSEC-validated TLSA records match the certificate of every tested MX host`
        : `TLSA per MX host: ${hosts.map((h, i) => `${h.host} ${verdicts[i]}`).join(", ")}` +
          (unsigned ? " (TLSA present but not DNSSEC-validated)" : "") +
          (mismatch ? " (a TLSA record does not match the certificate presented)" : ""),
    details: { ...base(report), hosts: hosts.map((h, i) => ({ host: h.host, verdict: verdicts[i]! })) },
  };
}

export function domainFindings(report: DomainTransportReport): DomainFinding[] {
  // a domain that takes no mail through MX hosts has no incoming transport to speak of
  if (!hasServers(report)) return [];
  return [starttlsFinding(report), mtaStsFinding(report), tlsRptFinding(report), daneFinding(report)].filter(
    (f): f is DomainFinding => f !== null,
  );
}
