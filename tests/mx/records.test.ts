import { describe, expect, it } from "vitest";
import {
  mxPatternMatches,
  readDmarcRecord,
  readMtaStsPolicy,
  readMtaStsRecord,
  readSpfRecord,
  readTlsRptRecord,
} from "@/lib/mx/records";

describe("the MTA-STS TXT record (RFC 8461 §3.1)", () => {
  it("reads the id of the one v=STSv1 record, ignoring other TXT records", () => {
    expect(readMtaStsRecord(["v=STSv1; id=20160831085700Z;", "something else"])).toEqual({
      kind: "valid",
      id: "20160831085700Z",
    });
    expect(readMtaStsRecord(["v=STSv1;id=abc"])).toEqual({ kind: "valid", id: "abc" });
  });

  it("has no policy without a v=STSv1 record, and an invalid one with two or a bad id", () => {
    expect(readMtaStsRecord([])).toEqual({ kind: "none" });
    expect(readMtaStsRecord(["v=spf1 -all", "v=STSv10; id=1"])).toEqual({ kind: "none" });
    expect(readMtaStsRecord(["v=STSv1; id=1", "v=STSv1; id=2"])).toEqual({ kind: "invalid", reason: "multiple" });
    expect(readMtaStsRecord(["v=STSv1; id=not-alnum"])).toEqual({ kind: "invalid", reason: "bad-id" });
    expect(readMtaStsRecord(["v=STSv1; id=" + "a".repeat(33)])).toEqual({ kind: "invalid", reason: "bad-id" });
    expect(readMtaStsRecord(["v=STSv1"])).toEqual({ kind: "invalid", reason: "bad-id" });
  });
});

describe("the MTA-STS policy (RFC 8461 §3.2)", () => {
  it("reads mode, max_age and every mx line, with CRLF or LF", () => {
    const policy =
      "version: STSv1\r\nmode: enforce\r\nmx: mail.example.com\r\nmx: *.example.net\r\nmax_age: 604800\r\n";
    expect(readMtaStsPolicy(policy)).toEqual({
      valid: true,
      mode: "enforce",
      maxAge: 604800,
      mx: ["mail.example.com", "*.example.net"],
    });
    expect(readMtaStsPolicy(policy.replace(/\r/g, ""))).toMatchObject({ valid: true, mode: "enforce" });
  });

  it("needs no mx line in mode none and ignores unknown keys", () => {
    expect(readMtaStsPolicy("version: STSv1\nmode: none\nmax_age: 0\nextension: 1\n")).toEqual({
      valid: true,
      mode: "none",
      maxAge: 0,
      mx: [],
    });
  });

  it("names each problem of a broken policy", () => {
    expect(readMtaStsPolicy("")).toMatchObject({ valid: false, problems: ["version", "mode", "max_age", "mx"] });
    expect(readMtaStsPolicy("version: STSv1\nmode: strict\nmx: a.example\nmax_age: 31557601\n")).toMatchObject({
      valid: false,
      problems: ["mode", "max_age"],
    });
    expect(readMtaStsPolicy("version: STSv1\nmode: testing\nmx: *.*.example\nmax_age: 10\n")).toMatchObject({
      valid: false,
      problems: ["mx"],
    });
  });
});

describe("MX patterns (RFC 8461 §4.1)", () => {
  it.each([
    ["mail.example.com", "mail.example.com", true],
    ["mail.example.com", "MAIL.example.com.", true],
    ["mail.example.com", "mx.example.com", false],
    ["*.example.com", "mx1.example.com", true],
    ["*.example.com", "example.com", false],
    ["*.example.com", "a.b.example.com", false],
    ["*.example.com", "mx1.example.net", false],
  ])("%s against %s: %s", (pattern, host, expected) => {
    expect(mxPatternMatches(pattern, host)).toBe(expected);
  });
});

describe("TLS-RPT (RFC 8460 §3)", () => {
  it("reads the reporting URIs", () => {
    expect(readTlsRptRecord(["v=TLSRPTv1; rua=mailto:reports@example.com,https://reports.example.com/v1"])).toEqual({
      kind: "valid",
      rua: ["mailto:reports@example.com", "https://reports.example.com/v1"],
    });
  });

  it("is absent without a record, invalid with two, no rua or an unusable URI", () => {
    expect(readTlsRptRecord(["v=spf1 -all"])).toEqual({ kind: "none" });
    expect(readTlsRptRecord(["v=TLSRPTv1; rua=mailto:a@b.c", "v=TLSRPTv1; rua=mailto:d@e.f"])).toEqual({
      kind: "invalid",
      reason: "multiple",
    });
    expect(readTlsRptRecord(["v=TLSRPTv1;"])).toEqual({ kind: "invalid", reason: "no-rua" });
    expect(readTlsRptRecord(["v=TLSRPTv1; rua=http://insecure.example/"])).toEqual({
      kind: "invalid",
      reason: "bad-rua",
    });
  });
});

describe("SPF and DMARC as context", () => {
  it("finds one SPF record, and calls two a permanent error (RFC 7208 §4.5)", () => {
    expect(readSpfRecord(["google-site-verification=x", "v=spf1 include:_spf.example.com ~all"])).toEqual({
      kind: "valid",
      record: "v=spf1 include:_spf.example.com ~all",
    });
    expect(readSpfRecord(["v=spf10"])).toEqual({ kind: "none" });
    expect(readSpfRecord(["v=spf1 -all", "v=spf1 ~all"])).toEqual({ kind: "invalid", reason: "multiple" });
  });

  it("reads DMARC's policy", () => {
    expect(readDmarcRecord(["v=DMARC1; p=quarantine; pct=50"])).toEqual({ kind: "valid", policy: "quarantine" });
    expect(readDmarcRecord([])).toEqual({ kind: "none" });
    expect(readDmarcRecord(["v=DMARC1; rua=mailto:x@y.z"])).toEqual({ kind: "invalid", reason: "bad-policy" });
  });
});
