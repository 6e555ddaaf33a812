import { describe, expect, it } from "vitest";
import { daneVerdict, isCheckableDomain, starttlsVerdict } from "@/lib/mx/check-domain";
import { emptyResult } from "@/lib/probe/probe-endpoint";
import type { EndpointProbeResult, ProbeStep } from "@/lib/probe/types";

const target = { host: "mx.example.com", port: 25, protocol: "smtp", security: "starttls" } as const;

function probe(change: Partial<EndpointProbeResult>): EndpointProbeResult {
  return { ...emptyResult(target), ...change };
}

const failed = (step: ProbeStep, code: string) => probe({ failure: { step, code, message: code } });

describe("STARTTLS on port 25: no only when the server said so", () => {
  it.each([
    ["a connect timeout (a filtered port)", failed("connect", "timeout"), "port-25-unreachable"],
    ["a refused connection", failed("connect", "ECONNREFUSED"), "port-25-unreachable"],
    ["no route", failed("connect", "ENETUNREACH"), "port-25-unreachable"],
    ["an address the guard refuses", failed("resolve", "refused-address"), "refused-address"],
    ["a name that does not resolve", failed("resolve", "unresolvable"), "unresolvable"],
    ["a 554 greeting", failed("greeting", "rejected"), "rejected"],
    ["no greeting", failed("greeting", "timeout"), "dialogue-failed"],
  ])("%s is not tested", (_name, result, reason) => {
    expect(starttlsVerdict(result)).toMatchObject({ verdict: "not-tested", reason });
  });

  it("is not tested when the server refused EHLO (no capabilities seen)", () => {
    const transcript = ["S: 220 mx.example.com ESMTP", "C: EHLO probe.invalid", "S: 550 go away", "C: QUIT"];
    expect(starttlsVerdict(probe({ status: "ok", starttlsOffered: false, transcript }))).toMatchObject({
      verdict: "not-tested",
      reason: "rejected",
    });
  });

  it("is no when EHLO does not offer it, the server refuses it, or the handshake fails after it agreed", () => {
    const transcript = ["S: 220 mx.example.com ESMTP", "C: EHLO probe.invalid", "S: 250-mx.example.com", "S: 250 SIZE"];
    expect(starttlsVerdict(probe({ status: "ok", starttlsOffered: false, transcript }))).toMatchObject({
      verdict: "no",
      reason: "not-offered",
    });
    expect(starttlsVerdict(probe({ status: "ok", starttlsOffered: true, starttlsAccepted: false }))).toMatchObject({
      verdict: "no",
      reason: "refused-by-server",
    });
    expect(
      starttlsVerdict(
        probe({
          starttlsOffered: true,
          starttlsAccepted: true,
          failure: { step: "handshake", code: "ERR_SSL_NO_PROTOCOLS_AVAILABLE", message: "no protocols" },
        }),
      ),
    ).toMatchObject({ verdict: "no", reason: "handshake-failed" });
  });
});

describe("DANE counts only validated TLSA records", () => {
  const tlsa = [{ usage: 3, selector: 1, matching: 1, data: "00" }];
  const signed = { ok: true as const, records: tlsa, authenticated: true };

  it("is none without TLSA records, signed or not", () => {
    expect(daneVerdict({ ok: true, records: [], authenticated: true }, true, true, null).verdict).toBe("none");
    expect(daneVerdict({ ok: false, code: "nxdomain", authenticated: false }, true, true, null).verdict).toBe("none");
  });

  it("is not tested when the lookup fails or the resolver does not validate", () => {
    expect(daneVerdict({ ok: false, code: "servfail", authenticated: false }, true, true, null)).toMatchObject({
      verdict: "not-tested",
      reason: "dns-failed",
    });
    expect(daneVerdict(signed, true, false, null)).toMatchObject({
      verdict: "not-tested",
      reason: "no-dnssec-validation",
    });
  });

  it("is unsigned when the TLSA or the MX answer was not validated (RFC 7672 §2.2)", () => {
    expect(daneVerdict({ ...signed, authenticated: false }, true, true, null)).toMatchObject({
      verdict: "unsigned",
      reason: "tlsa-unsigned",
    });
    expect(daneVerdict(signed, false, true, null)).toMatchObject({ verdict: "unsigned", reason: "mx-unsigned" });
  });

  it("calls PKIX usages unusable for SMTP (RFC 7672 §3.1.3) even without a certificate", () => {
    const pkix = { ...signed, records: [{ usage: 1, selector: 1, matching: 1, data: "00" }] };
    expect(daneVerdict(pkix, true, true, null)).toMatchObject({ verdict: "unusable" });
    expect(daneVerdict(signed, true, true, null)).toMatchObject({ verdict: "not-tested", reason: "no-certificate" });
  });
});

describe("the domain a check accepts", () => {
  it.each(["example.com", "Example.COM.", "mail-1.example.co.jp", "xn--wgv71a119e.jp"])("%s passes", (domain) => {
    expect(isCheckableDomain(domain)).toBe(true);
  });

  it.each(["localhost", "evil.test/x?", "user@evil.test", "a..b", "-a.test", "a b.test", "", `${"a".repeat(64)}.test`])(
    "%s does not (it would change the policy URL or is no domain)",
    (domain) => {
      expect(isCheckableDomain(domain)).toBe(false);
    },
  );
});
