import { describe, expect, it } from "vitest";
import { domainFindings } from "@/lib/mx/claims";
import type { DaneCheck, DomainTransportReport, MxHostCheck, StarttlsCheck } from "@/lib/mx/types";

function starttls(verdict: StarttlsCheck["verdict"]): StarttlsCheck {
  return {
    verdict,
    reason: verdict === "not-tested" ? "port-25-unreachable" : verdict === "no" ? "not-offered" : null,
    address: "192.0.2.1",
    tlsVersion: verdict === "yes" ? "TLSv1.3" : null,
    weakTls: null,
    certificateValid: verdict === "yes" ? true : null,
    certificateError: null,
    hostnameMatches: verdict === "yes" ? true : null,
    certificateValidTo: null,
    failure: null,
  };
}

function dane(verdict: DaneCheck["verdict"]): DaneCheck {
  return { verdict, reason: null, records: [] };
}

function host(name: string, s: StarttlsCheck["verdict"], d: DaneCheck["verdict"] = "none"): MxHostCheck {
  return { host: name, priority: 10, probed: true, starttls: starttls(s), dane: dane(d), mtaStsMatch: null };
}

function report(overrides: Partial<DomainTransportReport> = {}): DomainTransportReport {
  return {
    domain: "example.jp",
    checkedAt: "2026-12-05T00:00:00.000Z",
    dnssecValidation: true,
    mx: { status: "found", signed: true },
    hosts: [host("mx1.example.jp", "yes"), host("mx2.example.jp", "yes")],
    mtaSts: {
      verdict: "valid",
      reason: null,
      id: "20261205",
      mode: "enforce",
      maxAge: 604800,
      mxPatterns: ["*.example.jp"],
      mxNotCovered: [],
      problems: [],
      fetch: "HTTP 200",
    },
    tlsRpt: { verdict: "yes", reason: null, detail: null, rua: ["mailto:tls@example.jp"] },
    spf: { verdict: "yes", reason: null, detail: null },
    dmarc: { verdict: "yes", reason: null, detail: null, policy: "reject" },
    ms: 10,
    ...overrides,
  };
}

const valueOf = (r: DomainTransportReport) =>
  Object.fromEntries(domainFindings(r).map((f) => [f.property, f.value])) as Record<string, string>;

describe("domainFindings", () => {
  it("turns a well-protected domain into four yes findings with evidence", () => {
    const findings = domainFindings(report({ hosts: [host("mx1.example.jp", "yes", "valid")] }));
    expect(Object.fromEntries(findings.map((f) => [f.property, f.value]))).toEqual({
      "mx-starttls": "yes",
      "mta-sts": "yes",
      "tls-rpt": "yes",
      dane: "yes",
    });
    expect(findings.find((f) => f.property === "mx-starttls")!.details.hosts[0]).toEqual({
      host: "mx1.example.jp",
      verdict: "yes",
      tlsVersion: "TLSv1.3",
    });
  });

  it("never says no where port 25 could not be reached: STARTTLS and DANE stay unknown", () => {
    const values = valueOf(
      report({
        hosts: [host("mx1.example.jp", "not-tested", "not-tested"), host("mx2.example.jp", "not-tested", "not-tested")],
      }),
    );
    expect(values["mx-starttls"]).toBeUndefined();
    expect(values.dane).toBeUndefined();
    expect(values["mta-sts"]).toBe("yes");
  });

  it("says partial when one MX host offers STARTTLS and another does not, leaving untested hosts out", () => {
    expect(valueOf(report({ hosts: [host("a", "yes"), host("b", "no")] }))["mx-starttls"]).toBe("partial");
    expect(valueOf(report({ hosts: [host("a", "no"), host("b", "not-tested")] }))["mx-starttls"]).toBe("no");
  });

  it("maps MTA-STS: an uncovered MX host is partial, no record or a broken policy is no, not-tested is nothing", () => {
    const mta = report().mtaSts;
    expect(valueOf(report({ mtaSts: { ...mta, verdict: "mx-mismatch", mxNotCovered: ["b"] } }))["mta-sts"]).toBe(
      "partial",
    );
    expect(valueOf(report({ mtaSts: { ...mta, verdict: "none" } }))["mta-sts"]).toBe("no");
    // only mode enforce protects: testing still delivers without TLS, none withdraws the policy
    expect(valueOf(report({ mtaSts: { ...mta, mode: "testing" } }))["mta-sts"]).toBe("partial");
    expect(valueOf(report({ mtaSts: { ...mta, mode: "none" } }))["mta-sts"]).toBe("no");
    const invalid = domainFindings(report({ mtaSts: { ...mta, verdict: "invalid", problems: ["certificate"] } }));
    expect(invalid.find((f) => f.property === "mta-sts")).toMatchObject({
      value: "no",
      note: expect.stringContaining("certificate"),
    });
    expect(
      valueOf(report({ mtaSts: { ...mta, verdict: "not-tested", reason: "policy-fetch-failed" } }))["mta-sts"],
    ).toBeUndefined();
  });

  it("counts DANE only when validated: unsigned TLSA records are a no that says they exist", () => {
    const unsigned = domainFindings(report({ hosts: [host("a", "yes", "unsigned")] })).find(
      (f) => f.property === "dane",
    )!;
    expect(unsigned.value).toBe("no");
    expect(unsigned.note).toContain("not DNSSEC-validated");
    expect(valueOf(report({ hosts: [host("a", "yes", "mismatch")] })).dane).toBe("no");
    expect(valueOf(report({ hosts: [host("a", "yes", "none")] })).dane).toBe("no");
    expect(valueOf(report({ hosts: [host("a", "yes", "valid"), host("b", "yes", "none")] })).dane).toBe("partial");
  });

  it("reads TLS-RPT present and absent", () => {
    expect(valueOf(report())["tls-rpt"]).toBe("yes");
    expect(valueOf(report({ tlsRpt: { verdict: "no", reason: null, detail: null, rua: [] } }))["tls-rpt"]).toBe("no");
  });

  it("says nothing about a domain without MX hosts to check", () => {
    expect(domainFindings(report({ mx: { status: "null-mx", signed: false }, hosts: [] }))).toEqual([]);
    expect(domainFindings(report({ mx: { status: "failed", code: "timeout" }, hosts: [] }))).toEqual([]);
  });
});
