import { createHash, X509Certificate } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import https from "node:https";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import tls from "node:tls";
import type { Dial } from "@/lib/check/guarded-fetch";
import type { LookupAll } from "@/lib/probe/types";
import { startDnsServer, type TestDnsServer, type Zone } from "../check/dns-server";
import { createTestCertificates, issueTestCertificate, type KeyPair, type TestCertificates } from "./certs";
import { startPlainOnlySmtp, startStarttlsSmtp, type Closable } from "./smtp";

// A mail domain's servers on loopback, for the mail-domain checks (tests/mx) and the
// verification job that runs them (tests/verify): a DNS server (MX, TXT, TLSA, with or without
// the AD bit), an HTTPS server for MTA-STS policies (certificates from the test CA; a name listed
// in `wrongCertNames` gets a certificate for another name) and SMTP servers with and without
// STARTTLS, plus a port that refuses connections (port 25 blocked, as OP25B does). Every name
// ending in .test resolves to loopback through the probe's lookup seam; port 25 maps to the SMTP
// servers through smtpPortFor (`smtp` says which server a host gets) and port 443 to the HTTPS
// server through the fetch's dial seam. `zone`, `policies` and `smtp` are read on every request,
// so a test may change them between cases without restarting anything.

export const LOOPBACK = "127.0.0.1";

export type PolicyResponse = { status: number; body?: string; location?: string; type?: string };
export type SmtpKind = "starttls" | "plain" | "closed";

export type MailDomainServers = {
  certs: TestCertificates;
  // the MX hosts' key pair, its certificate valid for `mxNames`
  mxPair: KeyPair;
  dns: TestDnsServer;
  starttls: Closable;
  plain: Closable;
  closedPort: number;
  zone: Zone;
  policies: Record<string, PolicyResponse>;
  smtp: Record<string, SmtpKind>;
  // host/path of every policy request, in order
  policyRequests: string[];
  lookup: LookupAll;
  dial: Dial;
  smtpPortFor: (host: string) => number;
  stop: () => Promise<void>;
};

export function spkiSha256(pem: string): string {
  const spki = new X509Certificate(pem).publicKey.export({ type: "spki", format: "der" });
  return createHash("sha256").update(spki).digest("hex");
}

export async function startMailDomainServers(options: {
  mxNames: string[];
  policyNames: string[];
  wrongCertNames?: string[];
  zone?: (mxPair: KeyPair) => Zone;
  policies?: Record<string, PolicyResponse>;
  smtp?: Record<string, SmtpKind>;
}): Promise<MailDomainServers> {
  const certDir = mkdtempSync(path.join(tmpdir(), "msc-mx-"));
  const certs = createTestCertificates(certDir);
  const mxPair = issueTestCertificate(certs, "mx", options.mxNames);
  const wrong = new Set(options.wrongCertNames ?? []);
  const stsPair = issueTestCertificate(
    certs,
    "mta-sts",
    options.policyNames.filter((n) => !wrong.has(n)),
  );
  const contexts = {
    good: tls.createSecureContext({ key: stsPair.key, cert: stsPair.cert }),
    wrong: tls.createSecureContext({ key: certs.wrongName.key, cert: certs.wrongName.cert }),
  };
  const zone: Zone = options.zone?.(mxPair) ?? {};
  const policies = options.policies ?? {};
  const smtp = options.smtp ?? {};
  const policyRequests: string[] = [];
  const dns = await startDnsServer(zone);
  const [starttls, plain] = await Promise.all([startStarttlsSmtp(mxPair), startPlainOnlySmtp()]);
  const closed = net.createServer();
  await new Promise<void>((resolve) => closed.listen(0, LOOPBACK, resolve));
  const closedPort = (closed.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => closed.close(() => resolve()));

  const policyServer = https.createServer(
    { SNICallback: (name, callback) => callback(null, wrong.has(name) ? contexts.wrong : contexts.good) },
    (req, res) => {
      const host = (req.headers.host ?? "").toLowerCase();
      policyRequests.push(`${host}${req.url ?? ""}`);
      const policy = policies[host];
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

  return {
    certs,
    mxPair,
    dns,
    starttls,
    plain,
    closedPort,
    zone,
    policies,
    smtp,
    policyRequests,
    lookup: async (host) => {
      if (host.endsWith(".test")) return [{ address: LOOPBACK, family: 4 }];
      throw Object.assign(new Error(`no such test host ${host}`), { code: "ENOTFOUND" });
    },
    dial: (address, port) => {
      if (address !== LOOPBACK || port !== 443) throw new Error(`the test has no server for ${address}:${port}`);
      return net.connect({ host: LOOPBACK, port: policyPort });
    },
    smtpPortFor: (host) => {
      const kind = smtp[host] ?? "starttls";
      return kind === "plain" ? plain.port : kind === "closed" ? closedPort : starttls.port;
    },
    async stop() {
      policyServer.closeAllConnections();
      await Promise.all([
        dns.close(),
        starttls.close(),
        plain.close(),
        new Promise<void>((resolve) => policyServer.close(() => resolve())),
      ]);
      rmSync(certDir, { recursive: true, force: true });
    },
  };
}
