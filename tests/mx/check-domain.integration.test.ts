import { createHash, X509Certificate } from "node:crypto";
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkDomainTransport, type DomainCheckOptions } from "@/lib/mx/check-domain";
import { createMxResolver } from "@/lib/mx/dns";
import { domainTransportReportSchema } from "@/lib/mx/types";
import { startDnsServer, type TestDnsServer, type Zone } from "../check/dns-server";
import type { KeyPair, TestCertificates } from "../servers/certs";
import {
  LOOPBACK,
  spkiSha256,
  startMailDomainServers,
  type MailDomainServers,
  type PolicyResponse,
} from "../servers/mail-domain";
import { startStarttlsSmtp, type Closable } from "../servers/smtp";

// The mail domain's transport checks against local servers only (tests/servers/mail-domain.ts):
// a DNS server (MX, TXT, TLSA, with or without the AD bit), an HTTPS server for the MTA-STS
// policies (certificates from the test CA) and SMTP servers with and without STARTTLS. Every name
// resolves to loopback through the probe's lookup seam (allowLoopback goes only with it); port 25
// maps to the SMTP servers' ports through smtpPortFor and port 443 to the HTTPS server through
// the fetch's dial seam.
//
//   good.test      signed; MX mx.good.test (STARTTLS, certificate for its name); MTA-STS enforce,
//                  mx *.good.test; TLS-RPT; TLSA 3 1 1 of the MX certificate; SPF; DMARC reject
//   nomatch.test   signed; MX mx.nomatch.test (same server); policy mx mail.elsewhere.test;
//                  TLSA that matches nothing; no TLS-RPT, SPF or DMARC
//   nopolicy.test  signed; MX mx.plain.test (no STARTTLS); _mta-sts TXT, but the policy is a 404;
//                  no TLSA
//   badcert.test   unsigned; MX mx.unsigned.test; policy served under a certificate for another
//                  name; TLSA present but unsigned
//   redirect.test  signed; MX mx.good.test; the policy URL redirects to good.test's
//   blocked.test   signed; MX mx.blocked.test, whose port 25 refuses connections (as OP25B does)

let servers: MailDomainServers;
let certs: TestCertificates;
let mxPair: KeyPair;
let dns: TestDnsServer;
let starttls: Closable;
let policyRequests: string[];

const POLICIES: Record<string, PolicyResponse> = {
  "mta-sts.good.test": {
    status: 200,
    body: "version: STSv1\r\nmode: enforce\r\nmx: *.good.test\r\nmax_age: 604800\r\n",
  },
  "mta-sts.nomatch.test": {
    status: 200,
    body: "version: STSv1\nmode: testing\nmx: mail.elsewhere.test\nmax_age: 86400\n",
  },
  "mta-sts.nopolicy.test": { status: 404, body: "not found" },
  "mta-sts.badcert.test": {
    status: 200,
    body: "version: STSv1\r\nmode: enforce\r\nmx: *.badcert.test\r\nmax_age: 86400\r\n",
  },
  "mta-sts.redirect.test": { status: 301, location: "https://mta-sts.good.test/.well-known/mta-sts.txt" },
  "mta-sts.html.test": {
    status: 200,
    type: "text/html",
    body: "version: STSv1\nmode: enforce\nmx: *.html.test\nmax_age: 1\n",
  },
};

function zone(mxPair: KeyPair): Zone {
  const sts = (id: string) => ({ txt: [`v=STSv1; id=${id}`], signed: true });
  return {
    "": { signed: true },
    "good.test": { mx: [{ exchange: "mx.good.test", priority: 10 }], txt: ["v=spf1 mx -all"], signed: true },
    "_mta-sts.good.test": sts("20261205a"),
    "_smtp._tls.good.test": { txt: ["v=TLSRPTv1; rua=mailto:tls-reports@good.test"], signed: true },
    "_dmarc.good.test": { txt: ["v=DMARC1; p=reject; rua=mailto:dmarc@good.test"], signed: true },
    "_25._tcp.mx.good.test": {
      tlsa: [{ usage: 3, selector: 1, matching: 1, data: spkiSha256(mxPair.cert) }],
      signed: true,
    },
    "nomatch.test": { mx: [{ exchange: "mx.nomatch.test", priority: 10 }], signed: true },
    "_mta-sts.nomatch.test": sts("1"),
    "_25._tcp.mx.nomatch.test": { tlsa: [{ usage: 3, selector: 1, matching: 1, data: "00".repeat(32) }], signed: true },
    "nopolicy.test": { mx: [{ exchange: "mx.plain.test", priority: 5 }], signed: true },
    "_mta-sts.nopolicy.test": sts("2"),
    "badcert.test": { mx: [{ exchange: "mx.unsigned.test", priority: 10 }] },
    "_mta-sts.badcert.test": { txt: ["v=STSv1; id=3"] },
    "_25._tcp.mx.unsigned.test": { tlsa: [{ usage: 3, selector: 1, matching: 1, data: spkiSha256(mxPair.cert) }] },
    "redirect.test": { mx: [{ exchange: "mx.good.test", priority: 10 }], signed: true },
    "_mta-sts.redirect.test": sts("4"),
    "html.test": { mx: [{ exchange: "mx.good.test", priority: 10 }], signed: true },
    "_mta-sts.html.test": sts("5"),
    "blocked.test": { mx: [{ exchange: "mx.blocked.test", priority: 10 }], signed: true },
    "_25._tcp.mx.blocked.test": {
      tlsa: [{ usage: 3, selector: 1, matching: 1, data: spkiSha256(mxPair.cert) }],
      signed: true,
    },
  };
}

function options(change: Partial<DomainCheckOptions> = {}): DomainCheckOptions {
  return {
    resolver: createMxResolver({ server: { host: LOOPBACK, port: dns.port }, timeoutMs: 2000 }),
    timeoutMs: 3000,
    allowLoopback: true,
    lookup: servers.lookup,
    dial: servers.dial,
    smtpPortFor: servers.smtpPortFor,
    ca: certs.ca,
    ...change,
  };
}

beforeAll(async () => {
  servers = await startMailDomainServers({
    mxNames: ["mx.good.test", "mx.nomatch.test", "mx.unsigned.test"],
    policyNames: Object.keys(POLICIES),
    wrongCertNames: ["mta-sts.badcert.test"],
    zone,
    policies: POLICIES,
    smtp: { "mx.plain.test": "plain", "mx.blocked.test": "closed" },
  });
  ({ certs, mxPair, dns, starttls, policyRequests } = servers);
});

afterAll(async () => {
  await servers?.stop();
});

describe("a well-configured domain", () => {
  it("has STARTTLS with a valid certificate, a valid MTA-STS policy, matching DANE, TLS-RPT, SPF and DMARC", async () => {
    const report = await checkDomainTransport("good.test", options());
    expect(report.dnssecValidation).toBe(true);
    expect(report.mx).toEqual({ status: "found", signed: true });
    expect(report.hosts).toHaveLength(1);
    const [host] = report.hosts;
    expect(host).toMatchObject({ host: "mx.good.test", priority: 10, probed: true, mtaStsMatch: true });
    expect(host?.starttls).toMatchObject({
      verdict: "yes",
      reason: null,
      address: LOOPBACK,
      certificateValid: true,
      hostnameMatches: true,
      weakTls: false,
    });
    expect(host?.starttls?.tlsVersion).toMatch(/^TLSv1\.[23]$/);
    expect(host?.dane).toMatchObject({ verdict: "valid", reason: null });
    expect(host?.dane?.records.map((r) => r.verdict)).toEqual(["match"]);
    expect(report.mtaSts).toEqual({
      verdict: "valid",
      reason: null,
      id: "20261205a",
      mode: "enforce",
      maxAge: 604800,
      mxPatterns: ["*.good.test"],
      mxNotCovered: [],
      problems: [],
      fetch: "HTTP 200",
    });
    expect(report.tlsRpt).toEqual({
      verdict: "yes",
      reason: null,
      detail: null,
      rua: ["mailto:tls-reports@good.test"],
    });
    expect(report.spf.verdict).toBe("yes");
    expect(report.dmarc).toMatchObject({ verdict: "yes", policy: "reject" });
    // plain data that reads back through the stored schema unchanged
    expect(domainTransportReportSchema.parse(JSON.parse(JSON.stringify(report)))).toEqual(report);
  });

  it("matches DANE-EE records of every selector and matching type against the certificate presented", async () => {
    const der = new X509Certificate(mxPair.cert).raw;
    const spki = new X509Certificate(mxPair.cert).publicKey.export({ type: "spki", format: "der" });
    const hash = (algorithm: string, data: Buffer) => createHash(algorithm).update(data).digest("hex");
    const variants = [
      { usage: 3, selector: 0, matching: 0, data: der.toString("hex") },
      { usage: 3, selector: 0, matching: 1, data: hash("sha256", der) },
      { usage: 3, selector: 1, matching: 2, data: hash("sha512", spki) },
      // PKIX-EE is unusable for SMTP (RFC 7672 §3.1.3), whatever it holds
      { usage: 1, selector: 1, matching: 1, data: hash("sha256", spki) },
    ];
    const zoned = await startDnsServer({
      ...zone(mxPair),
      "_25._tcp.mx.good.test": { tlsa: variants, signed: true },
    });
    try {
      const report = await checkDomainTransport(
        "good.test",
        options({ resolver: createMxResolver({ server: { host: LOOPBACK, port: zoned.port }, timeoutMs: 2000 }) }),
      );
      expect(report.hosts[0]?.dane?.verdict).toBe("valid");
      expect(report.hosts[0]?.dane?.records.map((r) => r.verdict)).toEqual(["match", "match", "match", "unusable"]);
    } finally {
      await zoned.close();
    }
  });
});

describe("DANE-TA", () => {
  it("matches a usage-2 record against the issuer the server sent, never against the leaf", async () => {
    // the server sends its chain: the leaf, then the test CA (RFC 7671 §5.2.2)
    const chained = await startStarttlsSmtp({ ...mxPair, cert: `${mxPair.cert}${certs.ca}` });
    const spki = (pem: string) =>
      createHash("sha256")
        .update(new X509Certificate(pem).publicKey.export({ type: "spki", format: "der" }))
        .digest("hex");
    const zoned = await startDnsServer({
      ...zone(mxPair),
      "_25._tcp.mx.good.test": {
        tlsa: [
          { usage: 2, selector: 1, matching: 1, data: spki(mxPair.cert) },
          { usage: 2, selector: 1, matching: 1, data: spki(certs.ca) },
        ],
        signed: true,
      },
    });
    try {
      const report = await checkDomainTransport(
        "good.test",
        options({
          resolver: createMxResolver({ server: { host: LOOPBACK, port: zoned.port }, timeoutMs: 2000 }),
          smtpPortFor: () => chained.port,
        }),
      );
      expect(report.hosts[0]?.dane?.verdict).toBe("valid");
      expect(report.hosts[0]?.dane?.records.map((r) => r.verdict)).toEqual(["no-match", "match"]);
    } finally {
      await Promise.all([zoned.close(), chained.close()]);
    }
  });
});

describe("MTA-STS", () => {
  it("reports a policy whose MX patterns do not cover the real MX host", async () => {
    const report = await checkDomainTransport("nomatch.test", options());
    expect(report.mtaSts).toMatchObject({
      verdict: "mx-mismatch",
      mode: "testing",
      maxAge: 86400,
      mxPatterns: ["mail.elsewhere.test"],
      mxNotCovered: ["mx.nomatch.test"],
    });
    expect(report.hosts[0]?.mtaStsMatch).toBe(false);
  });

  it("reports a TXT record without a policy behind it as invalid", async () => {
    const report = await checkDomainTransport("nopolicy.test", options());
    expect(report.mtaSts).toMatchObject({ verdict: "invalid", id: "2", problems: ["http-status"], fetch: "HTTP 404" });
    expect(report.hosts[0]?.mtaStsMatch).toBeNull();
  });

  it("does not accept a policy served under a certificate for another name", async () => {
    const before = policyRequests.length;
    const report = await checkDomainTransport("badcert.test", options());
    expect(report.mtaSts).toMatchObject({
      verdict: "invalid",
      problems: ["certificate"],
      fetch: "ERR_TLS_CERT_ALTNAME_INVALID",
      mode: null,
    });
    // the request never went out over the untrusted connection
    expect(policyRequests.slice(before)).toEqual([]);
  });

  it("follows no redirect (RFC 8461 §3.3)", async () => {
    const before = policyRequests.length;
    const report = await checkDomainTransport("redirect.test", options());
    expect(report.mtaSts).toMatchObject({ verdict: "invalid", problems: ["redirect"], fetch: "HTTP 301" });
    expect(policyRequests.slice(before)).toEqual(["mta-sts.redirect.test/.well-known/mta-sts.txt"]);
  });

  it("does not take a policy served as another media type than text/plain (§3.2)", async () => {
    const report = await checkDomainTransport("html.test", options({ port25: false }));
    expect(report.mtaSts).toMatchObject({ verdict: "invalid", problems: ["content-type"], fetch: "HTTP 200" });
  });

  it("refuses a 'domain' that would change the policy URL, before any question is asked", async () => {
    const before = policyRequests.length;
    await expect(checkDomainTransport("good.test/x?", options())).rejects.toThrow(/not a domain name/);
    expect(policyRequests.length).toBe(before);
  });

  it("reports no MTA-STS for a domain without the TXT record, without fetching anything", async () => {
    const before = policyRequests.length;
    const report = await checkDomainTransport("blocked.test", options());
    expect(report.mtaSts).toMatchObject({ verdict: "none", id: null, fetch: null });
    expect(policyRequests.length).toBe(before);
  });

  it("applies the address guard to the policy fetch: without the test allowance loopback is refused", async () => {
    const report = await checkDomainTransport("good.test", options({ allowLoopback: false, port25: false }));
    expect(report.mtaSts).toMatchObject({
      verdict: "not-tested",
      reason: "policy-fetch-failed",
      fetch: "EADDRREFUSED",
    });
  });
});

describe("DANE", () => {
  it("reports a TLSA record that matches nothing presented as a mismatch", async () => {
    const report = await checkDomainTransport("nomatch.test", options());
    expect(report.hosts[0]?.dane).toMatchObject({ verdict: "mismatch", reason: null });
    expect(report.hosts[0]?.dane?.records.map((r) => r.verdict)).toEqual(["no-match"]);
  });

  it("reports no TLSA records as none", async () => {
    const report = await checkDomainTransport("nopolicy.test", options());
    expect(report.hosts[0]?.dane).toEqual({ verdict: "none", reason: null, records: [] });
  });

  it("reports TLSA records without DNSSEC validation as present but unsigned", async () => {
    const report = await checkDomainTransport("badcert.test", options());
    expect(report.mx).toEqual({ status: "found", signed: false });
    expect(report.hosts[0]?.dane).toMatchObject({ verdict: "unsigned", reason: "tlsa-unsigned" });
    expect(report.hosts[0]?.dane?.records).toHaveLength(1);
  });

  it("says could not test when the resolver's AD bit is not to be believed", async () => {
    const resolver = createMxResolver({ server: { host: LOOPBACK, port: dns.port }, timeoutMs: 2000, trustAd: false });
    const report = await checkDomainTransport("good.test", options({ resolver }));
    expect(report.dnssecValidation).toBe(false);
    expect(report.hosts[0]?.dane).toMatchObject({ verdict: "not-tested", reason: "no-dnssec-validation" });
    // STARTTLS is unaffected
    expect(report.hosts[0]?.starttls?.verdict).toBe("yes");
  });
});

describe("STARTTLS on port 25", () => {
  it("is absent when the server's EHLO does not offer it", async () => {
    const report = await checkDomainTransport("nopolicy.test", options());
    expect(report.hosts[0]?.starttls).toMatchObject({ verdict: "no", reason: "not-offered", tlsVersion: null });
  });

  it("says could not test from here when port 25 refuses the connection (OP25B), never no", async () => {
    const report = await checkDomainTransport("blocked.test", options());
    expect(report.hosts[0]?.starttls).toMatchObject({
      verdict: "not-tested",
      reason: "port-25-unreachable",
      failure: { step: "connect", code: "ECONNREFUSED" },
    });
    // the TLSA records are signed, but there is no certificate to compare them with
    expect(report.hosts[0]?.dane).toMatchObject({ verdict: "not-tested", reason: "no-certificate" });
  });

  it("does not dial port 25 where the deployment says it is blocked", async () => {
    const report = await checkDomainTransport("good.test", options({ port25: false }));
    expect(report.hosts[0]?.starttls).toMatchObject({ verdict: "not-tested", reason: "port-25-disabled" });
    expect(report.mtaSts.verdict).toBe("valid");
  });

  it("never sends mail: in the clear it says only EHLO and STARTTLS (then EHLO and QUIT over TLS)", async () => {
    const seen: string[] = [];
    const tap = net.createServer((client) => {
      const upstream = net.connect({ host: LOOPBACK, port: starttls.port });
      client.on("data", (chunk: Buffer) => {
        // only the clear-text part is readable; after STARTTLS it is TLS records
        const text = chunk.toString("latin1");
        if (/^[A-Z]{4}/.test(text)) seen.push(text.trim().split(/\s/)[0]!);
      });
      client.pipe(upstream).pipe(client);
      client.on("error", () => upstream.destroy());
      upstream.on("error", () => client.destroy());
    });
    await new Promise<void>((resolve) => tap.listen(0, LOOPBACK, resolve));
    const port = (tap.address() as net.AddressInfo).port;
    try {
      const report = await checkDomainTransport("good.test", options({ smtpPortFor: () => port }));
      expect(report.hosts[0]?.starttls?.verdict).toBe("yes");
      expect(seen).toEqual(["EHLO", "STARTTLS"]);
    } finally {
      await new Promise<void>((resolve) => tap.close(() => resolve()));
    }
  });
});

describe("TLS-RPT", () => {
  it("is present with its reporting addresses, and absent where no record is published", async () => {
    expect((await checkDomainTransport("good.test", options({ port25: false }))).tlsRpt).toMatchObject({
      verdict: "yes",
      rua: ["mailto:tls-reports@good.test"],
    });
    const absent = await checkDomainTransport("nomatch.test", options({ port25: false }));
    expect(absent.tlsRpt).toEqual({ verdict: "no", reason: null, detail: null, rua: [] });
    expect(absent.spf.verdict).toBe("no");
    expect(absent.dmarc).toMatchObject({ verdict: "no", policy: null });
  });
});
