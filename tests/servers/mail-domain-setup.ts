// The check-page tests' variant of tests/servers/mail-domain.ts (one zone per case, a lookup for
// every *.test name); the two grew in parallel branches and are to be folded into one.
import { createHash, X509Certificate } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import https from "node:https";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import tls from "node:tls";
import type { Dial } from "@/lib/check/guarded-fetch";
import type { DomainCheckOptions } from "@/lib/mx/check-domain";
import { createMxResolver } from "@/lib/mx/dns";
import type { LookupAll } from "@/lib/probe/types";
import { startDnsServer, type TestDnsServer, type Zone } from "../check/dns-server";
import { createTestCertificates, issueTestCertificate, type KeyPair, type TestCertificates } from "./certs";
import { startPlainOnlySmtp, startStarttlsSmtp, type Closable } from "./smtp";

// Local servers for the mail-domain checks (lib/mx/check-domain.ts), never the internet: a DNS
// server (MX, TXT, TLSA, with or without the AD bit), an HTTPS server for MTA-STS policies
// (certificates from the test CA, or one for another name) and SMTP servers on loopback, with
// and without STARTTLS, plus a closed port standing for a port 25 that OP25B blocks. Every
// *.test name resolves to loopback through the probe's lookup seam; port 25 maps to the SMTP
// servers through smtpPortFor and port 443 to the HTTPS server through the fetch's dial seam.

export const LOOPBACK = "127.0.0.1";

export type PolicyAnswer = { status: number; body?: string; location?: string; type?: string };

export type MailDomainSetup = {
  // the zone, given the SHA-256 of the MX certificate's public key (for TLSA 3 1 1 records)
  zone: (keys: { mxSpki: string }) => Zone;
  // mta-sts.<domain> → what the policy URL answers
  policies: Record<string, PolicyAnswer>;
  // names the MX certificate is issued for
  mxNames: string[];
  // MX hosts whose port 25 offers no STARTTLS, and those whose port 25 refuses connections
  plainHosts?: string[];
  blockedHosts?: string[];
  // policy hosts served under a certificate for another name
  wrongCertificateHosts?: string[];
};

export type MailDomainServers = {
  certs: TestCertificates;
  mxPair: KeyPair;
  dns: TestDnsServer;
  starttlsPort: number;
  // host + path of every policy request that reached the HTTPS server
  policyRequests: string[];
  // options for checkDomainTransport against these servers
  options: (change?: Partial<DomainCheckOptions>) => DomainCheckOptions;
  close: () => Promise<void>;
};

export function spkiSha256(pem: string): string {
  const spki = new X509Certificate(pem).publicKey.export({ type: "spki", format: "der" });
  return createHash("sha256").update(spki).digest("hex");
}

// Every test name is a loopback host here; any other name does not exist.
export const testLookup: LookupAll = async (host) => {
  if (host.endsWith(".test")) return [{ address: LOOPBACK, family: 4 }];
  throw Object.assign(new Error(`no such test host ${host}`), { code: "ENOTFOUND" });
};

async function freePort(): Promise<number> {
  const closed = net.createServer();
  await new Promise<void>((resolve) => closed.listen(0, LOOPBACK, resolve));
  const port = (closed.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => closed.close(() => resolve()));
  return port;
}

export async function startMailDomainServers(setup: MailDomainSetup): Promise<MailDomainServers> {
  const certDir = mkdtempSync(path.join(tmpdir(), "msc-mail-domain-"));
  const certs = createTestCertificates(certDir);
  const mxPair = issueTestCertificate(certs, "mx", setup.mxNames);
  const wrong = new Set(setup.wrongCertificateHosts ?? []);
  const stsPair = issueTestCertificate(
    certs,
    "mta-sts",
    Object.keys(setup.policies).filter((n) => !wrong.has(n)),
  );
  const contexts = {
    good: tls.createSecureContext({ key: stsPair.key, cert: stsPair.cert }),
    wrong: tls.createSecureContext({ key: certs.wrongName.key, cert: certs.wrongName.cert }),
  };
  const dns = await startDnsServer(setup.zone({ mxSpki: spkiSha256(mxPair.cert) }));
  const [starttls, plain]: Closable[] = await Promise.all([startStarttlsSmtp(mxPair), startPlainOnlySmtp()]);
  const closedPort = await freePort();
  const policyRequests: string[] = [];
  const policyServer = https.createServer(
    { SNICallback: (name, callback) => callback(null, wrong.has(name) ? contexts.wrong : contexts.good) },
    (req, res) => {
      const host = (req.headers.host ?? "").toLowerCase();
      policyRequests.push(`${host}${req.url ?? ""}`);
      const policy = setup.policies[host];
      if (!policy || req.url !== "/.well-known/mta-sts.txt") return void res.writeHead(404).end();
      res.writeHead(policy.status, {
        "content-type": policy.type ?? "text/plain; charset=utf-8",
        ...(policy.location ? { location: policy.location } : {}),
      });
      res.end(policy.body ?? "");
    },
  );
  await new Promise<void>((resolve) => policyServer.listen(0, LOOPBACK, resolve));
  const policyPort = (policyServer.address() as net.AddressInfo).port;

  const dial: Dial = (address, port) => {
    if (address !== LOOPBACK || port !== 443) throw new Error(`the test has no server for ${address}:${port}`);
    return net.connect({ host: LOOPBACK, port: policyPort });
  };
  const plainHosts = new Set(setup.plainHosts ?? []);
  const blockedHosts = new Set(setup.blockedHosts ?? []);
  const smtpPortFor = (host: string) =>
    plainHosts.has(host) ? plain!.port : blockedHosts.has(host) ? closedPort : starttls!.port;

  return {
    certs,
    mxPair,
    dns,
    starttlsPort: starttls!.port,
    policyRequests,
    options: (change = {}) => ({
      resolver: createMxResolver({ server: { host: LOOPBACK, port: dns.port }, timeoutMs: 2000 }),
      timeoutMs: 3000,
      allowLoopback: true,
      lookup: testLookup,
      dial,
      smtpPortFor,
      ca: certs.ca,
      ...change,
    }),
    async close() {
      policyServer.closeAllConnections();
      await Promise.all([
        dns.close(),
        starttls!.close(),
        plain!.close(),
        new Promise<void>((resolve) => policyServer.close(() => resolve())),
      ]);
      rmSync(certDir, { recursive: true, force: true });
    },
  };
}
