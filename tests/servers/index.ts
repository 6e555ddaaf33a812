import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createTestCertificates, type TestCertificates } from "./certs";
import { startDovecot, type DovecotPorts } from "./dovecot";
import {
  startImplicitTlsSmtp,
  startPlainOnlySmtp,
  startSilentServer,
  startStarttlsSmtp,
  startWeakTlsSmtp,
  type Closable,
} from "./smtp";

export { DOVECOT_INSTALL_HINT, isDovecotInstalled } from "./dovecot";

// Real mail servers on loopback for the probe tests, each on a free port picked at start.
export type SmtpPorts = {
  // implicit TLS, valid certificate (trusted by certs.caFile), AUTH PLAIN LOGIN CRAM-MD5
  implicitTls: number;
  // STARTTLS, AUTH only after TLS
  starttls: number;
  // no STARTTLS, AUTH PLAIN LOGIN in the clear
  plainOnly: number;
  // implicit TLS with a certificate that expired in 2020
  expired: number;
  // implicit TLS with a certificate for mail.wrong-name.test
  wrongName: number;
  // implicit TLS 1.0/1.1 only
  weakTls: number;
};

export type TestServers = {
  certs: TestCertificates;
  smtp: SmtpPorts;
  silent: number;
  // null when started with { dovecot: false }
  dovecot: (DovecotPorts & { trustedHost: string; strictHost: string }) | null;
  stop: () => Promise<void>;
};

export async function startTestServers({ dovecot = true }: { dovecot?: boolean } = {}): Promise<TestServers> {
  const dir = mkdtempSync(path.join(tmpdir(), "msc-mail-"));
  // Dovecot's unprivileged processes need to reach its folder inside.
  chmodSync(dir, 0o755);
  const closables: Array<Pick<Closable, "close">> = [];
  const stop = async () => {
    await Promise.allSettled(closables.map((c) => c.close()));
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const certs = createTestCertificates(path.join(dir, "certs"));
    const started = async (p: Promise<Closable>) => {
      const server = await p;
      closables.push(server);
      return server.port;
    };
    const [implicitTls, starttls, plainOnly, expired, wrongName, weakTls, silent] = await Promise.all([
      started(startImplicitTlsSmtp(certs.valid)),
      started(startStarttlsSmtp(certs.valid)),
      started(startPlainOnlySmtp()),
      started(startImplicitTlsSmtp(certs.expired)),
      started(startImplicitTlsSmtp(certs.wrongName)),
      started(startWeakTlsSmtp(certs.valid)),
      started(startSilentServer()),
    ]);
    let dovecotInfo: TestServers["dovecot"] = null;
    if (dovecot) {
      const server = await startDovecot(path.join(dir, "dovecot"), certs);
      closables.push(server);
      dovecotInfo = { ...server.ports, trustedHost: server.trustedHost, strictHost: server.strictHost };
    }
    return {
      certs,
      smtp: { implicitTls, starttls, plainOnly, expired, wrongName, weakTls },
      silent,
      dovecot: dovecotInfo,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
