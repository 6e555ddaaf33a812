import { describe, expect, it } from "vitest";
import {
  analyzeReceivedHeaders,
  receivedAnalysisSchema,
  type Finding,
  type Level,
  type ReceivedHop,
  type Verdict,
} from "@/lib/received";
import { listFixtures, readFixture } from "./helpers";

type HopExpectation = Partial<
  Pick<
    ReceivedHop,
    | "from"
    | "by"
    | "with"
    | "id"
    | "for"
    | "via"
    | "tls"
    | "tlsVersion"
    | "cipher"
    | "authenticated"
    | "local"
    | "localReason"
    | "date"
    | "delaySeconds"
    | "weakReasons"
    | "clientCertificate"
  >
>;

interface FixtureExpectation {
  verdict: Verdict;
  level?: Level;
  findings?: Finding[];
  firstPlainHop: number | null;
  hops: HopExpectation[];
}

// Hops oldest first, as the analyzer numbers them.
const EXPECTED: Record<string, FixtureExpectation> = {
  "sendmail-2006.eml": {
    verdict: "not-encrypted",
    level: "not-encrypted",
    findings: [
      { code: "not-encrypted", hops: [2] },
      { code: "tls-below-1.2", hops: [1] },
    ],
    firstPlainHop: 2,
    hops: [
      {
        from: "[192.0.2.44]",
        by: "mail.example.jp",
        with: "ESMTP",
        id: "k1E4EpQJ009906",
        tls: "yes",
        tlsVersion: "1.0",
        cipher: "DHE-RSA-AES256-SHA",
        authenticated: true,
        local: false,
        weakReasons: ["tls-below-1.2"],
        date: "2006-02-14T13:14:51+09:00",
        delaySeconds: null,
      },
      { from: "mail.example.jp", by: "mx.example.com", tls: "no", authenticated: false, delaySeconds: 11 },
    ],
  },
  "sendmail-modern.eml": {
    verdict: "encrypted",
    firstPlainHop: null,
    hops: [
      { from: null, by: "mail.example.com", tls: "local", localReason: "no-from-clause", for: "bob@example.net" },
      { from: "mail.example.com", tls: "local", localReason: "loopback", delaySeconds: 0 },
      {
        tls: "yes",
        tlsVersion: "1.3",
        cipher: "TLS_AES_256_GCM_SHA384",
        date: "2023-04-20T02:36:05Z",
        // 02:36:05 GMT after 22:36:04 -0400 the evening before
        delaySeconds: 1,
      },
    ],
  },
  "postfix-dovecot.eml": {
    verdict: "encrypted",
    firstPlainHop: null,
    hops: [
      { with: "ESMTPSA", tls: "yes", authenticated: true, date: "2023-04-22T12:03:29Z" },
      {
        with: "ESMTPS",
        tls: "yes",
        tlsVersion: "1.3",
        cipher: "TLS_AES_256_GCM_SHA384",
        authenticated: false,
        delaySeconds: 1,
      },
      { by: "localhost", tls: "local", localReason: "loopback" },
      { from: "localhost", tls: "local", localReason: "loopback" },
      { with: "LMTP", tls: "local", localReason: "lmtp", id: "GJkLMQ3XQ2Q1bQAAq2qJ2g" },
    ],
  },
  "postfix-plain.eml": {
    verdict: "not-encrypted",
    firstPlainHop: 2,
    hops: [
      {
        tls: "yes",
        tlsVersion: "1.0",
        cipher: "DHE-RSA-AES256-SHA",
        authenticated: true,
        weakReasons: ["tls-below-1.2"],
        date: "2011-01-10T15:30:12+01:00",
      },
      // a bare "EST" zone name: 09:30:14 EST is 14:30:14 UTC, 2 s after 15:30:12 +0100
      { with: "ESMTP", tls: "no", date: "2011-01-10T09:30:14-05:00", delaySeconds: 2 },
    ],
  },
  "exim-new.eml": {
    verdict: "encrypted",
    firstPlainHop: null,
    hops: [
      { from: "grace", with: "local", tls: "local", localReason: "local-protocol" },
      {
        with: "esmtpsa",
        tls: "yes",
        tlsVersion: "1.3",
        cipher: "TLS_AES_128_GCM_SHA256",
        authenticated: true,
        id: "1pXyZ9-0001Qw-1a",
        for: "heidi@example.net",
      },
      // "(Exim 4.96) (envelope-from ...)" is not authentication
      { with: "esmtps", tls: "yes", tlsVersion: "1.3", cipher: "TLS_AES_256_GCM_SHA384", authenticated: false },
    ],
  },
  "exim-old.eml": {
    verdict: "encrypted",
    level: "weak",
    findings: [
      { code: "tls-below-1.2", hops: [1, 2] },
      { code: "3des", hops: [2] },
    ],
    firstPlainHop: null,
    hops: [
      {
        tls: "yes",
        tlsVersion: "1.0",
        cipher: "DHE-RSA-AES256-SHA",
        authenticated: true,
        weakReasons: ["tls-below-1.2"],
      },
      { tls: "yes", tlsVersion: "1.0", cipher: "RSA_3DES_EDE_CBC_SHA1", weakReasons: ["tls-below-1.2", "3des"] },
      { tls: "yes", tlsVersion: "1.2", cipher: "ECDHE_RSA_AES_256_GCM_SHA384", weakReasons: [] },
    ],
  },
  "qmail.eml": {
    verdict: "not-encrypted",
    firstPlainHop: 2,
    hops: [
      { from: null, by: null, tls: "local", local: true, date: "2006-02-14T04:20:09Z" },
      { from: "unknown", by: "mx.example.jp", with: "SMTP", tls: "no", delaySeconds: 2 },
      // "invoked from network" stands for the network reception, so it is not local
      { from: null, tls: "unknown", local: false },
    ],
  },
  "qmail-tls.eml": {
    verdict: "unknown",
    level: "unknown",
    findings: [{ code: "no-tls-record", hops: [2] }],
    firstPlainHop: null,
    hops: [
      { with: "SMTP", tls: "yes", cipher: "DHE-RSA-AES256-GCM-SHA384", tlsVersion: null },
      { tls: "unknown", local: false },
    ],
  },
  "office365.eml": {
    verdict: "encrypted",
    firstPlainHop: null,
    hops: [
      {
        from: "mail.example.com",
        with: "Microsoft SMTP Server",
        via: "Frontend Transport",
        id: "15.20.6178.13",
        tls: "yes",
        tlsVersion: "1.3",
        cipher: "TLS_AES_256_GCM_SHA384",
      },
      { tls: "yes", tlsVersion: "1.2", cipher: "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384" },
      { tls: "yes", tlsVersion: "1.2", delaySeconds: 0 },
      { with: "HTTPS", tls: "yes", date: "2023-03-06T18:11:14Z" },
    ],
  },
  "exchange-onprem.eml": {
    verdict: "encrypted",
    firstPlainHop: null,
    hops: [
      { with: "mapi", tls: "local", localReason: "mapi" },
      { with: "Microsoft SMTP Server", tls: "yes", tlsVersion: null },
    ],
  },
  "exchange-plain.eml": {
    verdict: "not-encrypted",
    firstPlainHop: 2,
    hops: [{ tls: "yes" }, { with: "Microsoft SMTP Server", tls: "no" }],
  },
  "gmail.eml": {
    verdict: "encrypted",
    firstPlainHop: null,
    hops: [
      { with: "HTTPREST", by: "gmailapi.google.com", tls: "yes" },
      { with: "SMTPS", tls: "yes", for: "<ivy@example.com>", date: "2023-03-06T10:11:12-08:00" },
      { from: null, with: "SMTP", tls: "local", localReason: "no-from-clause" },
    ],
  },
  "gmail-inbound.eml": {
    verdict: "not-encrypted",
    firstPlainHop: 1,
    hops: [
      { with: "esmtp", tls: "no", date: "2023-11-14T09:02:03Z" },
      { tls: "yes", tlsVersion: "1.3", cipher: "TLS_AES_128_GCM_SHA256", delaySeconds: 1 },
      { tls: "local" },
    ],
  },
  "yahoo.eml": {
    verdict: "not-encrypted",
    firstPlainHop: 1,
    hops: [
      { with: "HTTP", tls: "no", local: false },
      { tls: "yes", tlsVersion: "1.2", cipher: "ECDHE-RSA-AES128-GCM-SHA256", delaySeconds: 1 },
    ],
  },
  "courier.eml": {
    verdict: "encrypted",
    firstPlainHop: null,
    hops: [
      {
        with: "ESMTPSA",
        tls: "yes",
        tlsVersion: "1.0",
        cipher: "AES256-SHA",
        authenticated: true,
        id: "0000000000380A11.0000000059152D43.00001F2A",
        weakReasons: ["tls-below-1.2"],
      },
      { tls: "yes", tlsVersion: "1.2", cipher: "ECDHE-RSA-AES256-GCM-SHA384", delaySeconds: 2 },
    ],
  },
  "jp-isp.eml": {
    verdict: "not-encrypted",
    firstPlainHop: 2,
    hops: [
      { tls: "yes", tlsVersion: "1.2", authenticated: true, date: "2015-03-15T10:36:01+09:00" },
      { tls: "no", from: "smtp.example.jp" },
      { tls: "no", delaySeconds: 1 },
    ],
  },
  "jp-utf8.eml": {
    verdict: "encrypted",
    firstPlainHop: null,
    hops: [
      { tls: "yes", tlsVersion: "1.2", authenticated: true, for: "<佐藤@example.jp>" },
      // "JST" written as a bare zone name
      { tls: "yes", date: "2023-11-01T09:00:02+09:00", delaySeconds: 1 },
    ],
  },
  "multi-hop-crlf.eml": {
    verdict: "not-encrypted",
    firstPlainHop: 4,
    hops: [
      { from: "[IPv6:2001:db8:1::25]", tls: "yes", tlsVersion: "1.3", authenticated: true },
      { tls: "yes", tlsVersion: "1.3", delaySeconds: 1 },
      { tls: "yes", tlsVersion: "1.3", delaySeconds: 1 },
      { from: "lists.example.org", with: "ESMTP", tls: "no", delaySeconds: 2 },
      { tls: "local", localReason: "loopback" },
      { with: "LMTPS", tls: "local", localReason: "lmtp" },
    ],
  },
  "no-received.eml": { verdict: "none", level: "none", findings: [], firstPlainHop: null, hops: [] },
  // Postfix's three notes on the client's certificate; a logged-in client needs none, a relay
  // that was not asked for one leaves that hop unverified
  "postfix-client-cert.eml": {
    verdict: "encrypted",
    level: "weak",
    findings: [{ code: "certificate-not-verified", hops: [3] }],
    firstPlainHop: null,
    hops: [
      { tls: "yes", tlsVersion: "1.3", authenticated: true, clientCertificate: "not-presented" },
      { tls: "yes", tlsVersion: "1.3", authenticated: false, clientCertificate: "verified", delaySeconds: 1 },
      {
        with: "UTF8SMTPS",
        tls: "yes",
        tlsVersion: "1.3",
        cipher: "TLS_AES_256_GCM_SHA384",
        clientCertificate: "not-requested",
        date: "2021-02-03T22:40:29+11:00",
        delaySeconds: 2,
      },
    ],
  },
  "opensmtpd.eml": {
    verdict: "encrypted",
    level: "good",
    findings: [],
    firstPlainHop: null,
    hops: [
      {
        with: "ESMTPSA",
        id: "43de4124",
        tls: "yes",
        tlsVersion: "1.3",
        cipher: "TLS_AES_256_GCM_SHA384",
        authenticated: true,
        clientCertificate: "not-verified",
      },
      {
        with: "ESMTPS",
        tls: "yes",
        tlsVersion: "1.2",
        cipher: "ECDHE-RSA-AES256-GCM-SHA384",
        clientCertificate: "verified",
        for: "<rosa@example.net>",
        delaySeconds: 2,
      },
    ],
  },
  "haraka.eml": {
    verdict: "encrypted",
    level: "good",
    // the GCM suite on hop 2 exists only in TLS 1.2 and later; hop 1 names nothing
    findings: [{ code: "version-not-recorded", hops: [1] }],
    firstPlainHop: null,
    hops: [
      { with: "ESMTPSA", tls: "yes", authenticated: true, tlsVersion: null, cipher: null },
      {
        with: "ESMTPS",
        id: "1F374EDF-2DBA-495C-90D4-E4234744C82F.1",
        tls: "yes",
        tlsVersion: null,
        cipher: "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
        authenticated: false,
      },
    ],
  },
  "mail-gateway.eml": {
    verdict: "encrypted",
    level: "weak",
    findings: [
      { code: "certificate-not-verified", hops: [2] },
      { code: "version-not-recorded", hops: [1] },
    ],
    firstPlainHop: null,
    hops: [
      { with: "Microsoft SMTP Server", tls: "yes", tlsVersion: null },
      // "with SMTP", yet the gateway's comment says TLS: the comment wins
      {
        with: "SMTP",
        tls: "yes",
        tlsVersion: null,
        cipher: "ECDHE-RSA-AES128-GCM-SHA256",
        clientCertificate: "not-presented",
        delaySeconds: 1,
      },
    ],
  },
  "sendmail-verify.eml": {
    verdict: "encrypted",
    level: "weak",
    findings: [{ code: "certificate-failed", hops: [2] }],
    firstPlainHop: null,
    hops: [
      { with: "ESMTPSA", tls: "yes", authenticated: true, clientCertificate: "not-presented" },
      { with: "ESMTP", tls: "yes", tlsVersion: "1.2", clientCertificate: "failed", delaySeconds: 31 },
      { tls: "yes", tlsVersion: "1.3", clientCertificate: "verified", delaySeconds: 2 },
    ],
  },
  "nifty-submission.eml": {
    verdict: "unknown",
    level: "unknown",
    findings: [{ code: "no-tls-record", hops: [1] }],
    firstPlainHop: null,
    hops: [
      // "ESMTP" from a server that writes "(authenticated)" instead of ESMTPA proves nothing
      { with: "ESMTP", tls: "unknown", authenticated: true, id: "04B2oULT026158" },
      { with: "esmtps", tls: "yes", tlsVersion: "1.2", cipher: "ECDHE_RSA_AES_256_GCM_SHA384", delaySeconds: 20 },
    ],
  },
  "zoho-halon.eml": {
    verdict: "encrypted",
    level: "good",
    findings: [{ code: "version-not-recorded", hops: [2] }],
    firstPlainHop: null,
    hops: [
      { from: null, by: "mx.zohomail.com", with: "SMTPS", tls: "local", localReason: "no-from-clause" },
      {
        by: "mx-in.example.net",
        with: "ESMTPS",
        id: "ca65b530-7c1e-11ef-99a2-01e77a169b0f",
        tls: "yes",
        tlsVersion: null,
        delaySeconds: 9,
      },
    ],
  },
  "gmail-tls13.eml": {
    verdict: "encrypted",
    level: "good",
    findings: [],
    firstPlainHop: null,
    hops: [
      { with: "UTF8SMTPSA", tls: "yes", tlsVersion: "1.3", cipher: "TLS_AES_256_GCM_SHA384", authenticated: true },
      { with: "ESMTPS", tls: "yes", tlsVersion: "1.3", cipher: "TLS_AES_128_GCM_SHA256", delaySeconds: 2 },
    ],
  },
};

describe("fixture corpus", () => {
  it("has an expectation for every fixture file", () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(listFixtures());
  });

  for (const [name, expected] of Object.entries(EXPECTED)) {
    it(`reads ${name}`, () => {
      const analysis = analyzeReceivedHeaders(readFixture(name));
      expect(receivedAnalysisSchema.safeParse(analysis).success).toBe(true);
      expect(analysis.verdict).toBe(expected.verdict);
      expect(analysis.firstPlainHop).toBe(expected.firstPlainHop);
      if (expected.level !== undefined) expect(analysis.level).toBe(expected.level);
      if (expected.findings !== undefined) expect(analysis.findings).toEqual(expected.findings);
      expect(analysis.hops).toHaveLength(expected.hops.length);
      expected.hops.forEach((hop, index) => {
        expect(analysis.hops[index]).toMatchObject({ hop: index + 1, ...hop });
      });
    });
  }

  it("does not read Received lines from the message body", () => {
    const analysis = analyzeReceivedHeaders(readFixture("multi-hop-crlf.eml"));
    expect(analysis.hops.some((h) => h.from === "plain.example.net")).toBe(false);
  });
});
