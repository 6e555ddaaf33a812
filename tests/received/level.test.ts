import { describe, expect, it } from "vitest";
import { analyzeReceivedHeaders, judgePath, parseReceivedHop, type ReceivedHop } from "@/lib/received";
import { SAMPLES } from "@/lib/received/samples";
import { oneHop } from "./helpers";

type Hop = Parameters<typeof judgePath>[0][number];

function hop(n: number, over: Partial<ReceivedHop> = {}): Hop {
  return {
    hop: n,
    tls: "yes",
    local: false,
    weakReasons: [],
    tlsVersion: "1.3",
    cipher: "TLS_AES_256_GCM_SHA384",
    authenticated: false,
    clientCertificate: null,
    ...over,
  };
}

describe("headline level", () => {
  it("is none without hops", () => {
    expect(judgePath([])).toEqual({ level: "none", findings: [] });
  });

  it("is good when every network hop used TLS 1.2 or later with a sound cipher", () => {
    expect(judgePath([hop(1), hop(2, { tlsVersion: "1.2", cipher: "ECDHE-RSA-AES256-GCM-SHA384" })])).toEqual({
      level: "good",
      findings: [],
    });
  });

  it("does not count hops inside one server, for or against", () => {
    const local = hop(2, { tls: "local", local: true, tlsVersion: null, cipher: null });
    expect(judgePath([hop(1), local]).level).toBe("good");
    expect(judgePath([local]).level).toBe("good");
  });

  it("is weak for an old version, naming the hops", () => {
    const result = judgePath([hop(1, { tlsVersion: "1.0", weakReasons: ["tls-below-1.2"] }), hop(2)]);
    expect(result).toEqual({ level: "weak", findings: [{ code: "tls-below-1.2", hops: [1] }] });
  });

  it("is weak for a weak cipher even with a current version", () => {
    const result = judgePath([hop(1, { tlsVersion: "1.2", cipher: "RC4-SHA", weakReasons: ["rc4"] })]);
    expect(result.level).toBe("weak");
    expect(result.findings).toEqual([{ code: "rc4", hops: [1] }]);
  });

  it("is weak when a relay's certificate was not verified, but not for a logged-in client", () => {
    expect(judgePath([hop(1, { clientCertificate: "not-requested" })]).findings).toEqual([
      { code: "certificate-not-verified", hops: [1] },
    ]);
    expect(judgePath([hop(1, { clientCertificate: "failed" })]).findings).toEqual([
      { code: "certificate-failed", hops: [1] },
    ]);
    expect(judgePath([hop(1, { clientCertificate: "not-presented", authenticated: true })])).toEqual({
      level: "good",
      findings: [],
    });
    expect(judgePath([hop(1, { clientCertificate: "verified" })]).level).toBe("good");
  });

  it("is not-encrypted when any hop was plain, and still lists the weak ones", () => {
    const result = judgePath([
      hop(1, { tlsVersion: "1.0", weakReasons: ["tls-below-1.2"] }),
      hop(2, { tls: "no", tlsVersion: null, cipher: null }),
      hop(3, { tls: "unknown", tlsVersion: null, cipher: null }),
      hop(4, { tls: "no", tlsVersion: null, cipher: null }),
    ]);
    expect(result.level).toBe("not-encrypted");
    expect(result.findings).toEqual([
      { code: "not-encrypted", hops: [2, 4] },
      { code: "tls-below-1.2", hops: [1] },
      { code: "no-tls-record", hops: [3] },
    ]);
  });

  it("keeps unknown apart from not encrypted", () => {
    const result = judgePath([hop(1), hop(2, { tls: "unknown", tlsVersion: null, cipher: null })]);
    expect(result).toEqual({ level: "unknown", findings: [{ code: "no-tls-record", hops: [2] }] });
  });

  it("puts a known weakness above an unknown hop", () => {
    const result = judgePath([
      hop(1, { tls: "unknown", tlsVersion: null, cipher: null }),
      hop(2, { tlsVersion: "1.1", weakReasons: ["tls-below-1.2"] }),
    ]);
    expect(result.level).toBe("weak");
  });

  it("notes an encrypted hop whose version the header does not tell, unless the cipher does", () => {
    expect(judgePath([hop(1, { tlsVersion: null, cipher: null })])).toEqual({
      level: "good",
      findings: [{ code: "version-not-recorded", hops: [1] }],
    });
    // a GCM suite exists only in TLS 1.2 and later
    expect(judgePath([hop(1, { tlsVersion: null, cipher: "ECDHE-RSA-AES128-GCM-SHA256" })]).findings).toEqual([]);
    expect(judgePath([hop(1, { tlsVersion: null, cipher: "AES256-SHA" })]).findings).toEqual([
      { code: "version-not-recorded", hops: [1] },
    ]);
  });
});

describe("built-in samples", () => {
  it("calls the 2006 Sendmail sample weak: TLS 1.0 on both hops, 3DES and an unverified relay on hop 2", () => {
    const analysis = analyzeReceivedHeaders(SAMPLES["sendmail-2006"]);
    // the old verdict stays for API callers; the level is what the page leads with
    expect(analysis.verdict).toBe("encrypted");
    expect(analysis.level).toBe("weak");
    expect(analysis.findings).toEqual([
      { code: "tls-below-1.2", hops: [1, 2] },
      { code: "3des", hops: [2] },
      { code: "certificate-not-verified", hops: [2] },
    ]);
    expect(analysis.hops.map((h) => h.clientCertificate)).toEqual(["not-presented", "not-requested"]);
  });

  it("levels the other samples", () => {
    expect(analyzeReceivedHeaders(SAMPLES.gmail).level).toBe("good");
    expect(analyzeReceivedHeaders(SAMPLES["jp-isp"]).level).toBe("good");
    const plain = analyzeReceivedHeaders(SAMPLES["plain-hop"]);
    expect(plain.level).toBe("not-encrypted");
    expect(plain.findings).toEqual([{ code: "not-encrypted", hops: [2] }]);
  });
});

describe("client certificate notations", () => {
  const cert = (value: string) => parseReceivedHop(value).clientCertificate;
  const DATE = "Mon, 1 Jan 2024 00:00:00 +0000";

  it("reads Sendmail's verify= values", () => {
    const sendmail = (v: string) =>
      cert(
        `from a.example.com by b.example.com with ESMTPS id x (version=TLSv1.2 cipher=AES128-GCM-SHA256 bits=128 verify=${v}); ${DATE}`,
      );
    expect(sendmail("OK")).toBe("verified");
    expect(sendmail("TRUSTED")).toBe("verified");
    expect(sendmail("NO")).toBe("not-presented");
    expect(sendmail("NOT")).toBe("not-requested");
    expect(sendmail("FAIL")).toBe("failed");
    expect(sendmail("TEMP")).toBe("failed");
    expect(sendmail("NONE")).toBeNull();
  });

  it("reads Postfix's client certificate notes", () => {
    const postfix = (note: string) =>
      cert(
        `from a.example.com (a.example.com [192.0.2.1]) (using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits)) (${note}) by b.example.com (Postfix) with ESMTPS id X; ${DATE}`,
      );
    expect(postfix("No client certificate requested")).toBe("not-requested");
    expect(postfix("Client did not present a certificate")).toBe("not-presented");
    expect(postfix('Client CN "a.example.com", Issuer "Example CA" (verified OK)')).toBe("verified");
    expect(postfix('Client CN "a.example.com", Issuer "Example CA" (not verified)')).toBe("not-verified");
  });

  it("reads OpenSMTPD's last field", () => {
    const smtpd = (v: string) =>
      cert(
        `from a.example.com by b.example.com (OpenSMTPD) with ESMTPS id 1a2b3c4d (TLSv1.3:TLS_AES_256_GCM_SHA384:256:${v}); ${DATE}`,
      );
    expect(smtpd("YES")).toBe("verified");
    expect(smtpd("NO")).toBe("not-verified");
    expect(smtpd("FAIL")).toBe("failed");
  });

  it("records nothing for a hop that was not encrypted", () => {
    expect(cert(`from a.example.com by b.example.com with ESMTP id x (verify=NOT); ${DATE}`)).toBeNull();
  });

  it("a mail gateway's bare 'using TLS' is encrypted, not plain, despite 'with SMTP'", () => {
    const analysis = analyzeReceivedHeaders(
      oneHop(
        `from a.example.com (a.example.com [192.0.2.1]) (using TLS with cipher DHE-RSA-AES256-SHA (256/256 bits)) (Client did not present a certificate) by gw.example.com (Symantec Messaging Gateway) with SMTP id 60.8E.28127.C80A2B95; ${DATE}`,
      ),
    );
    expect(analysis.hops[0]).toMatchObject({ tls: "yes", tlsVersion: null, cipher: "DHE-RSA-AES256-SHA" });
    expect(analysis.level).toBe("weak");
    expect(analysis.findings).toEqual([
      { code: "certificate-not-verified", hops: [1] },
      { code: "version-not-recorded", hops: [1] },
    ]);
  });
});
