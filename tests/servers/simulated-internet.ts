import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import tls from "node:tls";
import { SMTPServer } from "smtp-server";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { LookupAll } from "@/lib/probe/types";
import { MemoryHostLimiter, runVerifications, type VerificationResult } from "@/lib/verify/host-limiter";
import type { VerifyDeps, VerifyLimits } from "@/lib/verify/types";
import { createTestCertificates, type KeyPair, type TestCertificates } from "./certs";
import { startDovecot, type DovecotServer } from "./dovecot";

// A few providers' mail servers on loopback, each under the host names an ISPDB file gives them,
// reached through the probe's one resolver seam (ProbeOptions.lookup). Nothing else can reach
// loopback: allowLoopback goes only with this lookup, and the address guard refuses it otherwise.
//
//   alpha.example    Dovecot: IMAP with STARTTLS, IMAPS, POP3 with STLS, POP3S; SMTP submission
//                    with STARTTLS and AUTH only after TLS
//   bravo.example    SMTP submission with STARTTLS (reconfigurable: stops offering it)
//   charlie.example  SMTPS on TLS 1.0 only, expired certificate (reconfigurable: drops TLS 1.0)
//   delta.example    SMTP submission without STARTTLS, AUTH PLAIN LOGIN in the clear; SMTPS
//                    with a certificate for another name

export type SmtpConfig =
  | { kind: "starttls"; starttls: boolean; authBeforeTls: boolean; pair: KeyPair }
  | { kind: "implicit"; versions: [tls.SecureVersion, tls.SecureVersion]; pair: KeyPair };

export type SimulatedServer = { name: string; host: string; port: number; config: SmtpConfig };

type Running = SimulatedServer & { close: () => Promise<void> };

export type SimulatedInternet = {
  certs: TestCertificates;
  // ISPDB clientConfig files naming the simulated hosts and their loopback ports
  ispdbFiles: () => Record<string, string>;
  domains: readonly string[];
  lookup: LookupAll;
  // the same map as plain data, for a worker process to rebuild the lookup (lookupFrom) and the
  // CA (certs.caFile) on its side
  addresses: () => Record<string, string>;
  // what VerifyDeps.probe needs to reach the simulated hosts
  probe: VerifyDeps["probe"];
  servers: () => SimulatedServer[];
  // restarts one SMTP server on the same port with a changed configuration
  reconfigure: (name: string, change: Partial<SmtpConfig>) => Promise<void>;
  // closes one SMTP server: its port then refuses connections
  takeDown: (name: string) => Promise<void>;
  stop: () => Promise<void>;
};

const SMTP_BASE = {
  name: "localhost",
  banner: "simulated provider",
  logger: false,
  disableReverseLookup: true,
  closeTimeout: 500,
  authOptional: true,
} as const;

function listenOn(server: net.Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      const address = server.address();
      resolve(typeof address === "object" && address ? address.port : 0);
    });
  });
}

function destroyingClose(server: net.Server): () => Promise<void> {
  const sockets = new Set<net.Socket>();
  server.on("connection", (s: net.Socket) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  return () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    });
}

// smtp-server for STARTTLS: it offers STARTTLS unless disabled, and AUTH before TLS only when told.
async function startStarttls(
  config: Extract<SmtpConfig, { kind: "starttls" }>,
  port: number,
): Promise<{ port: number; close: () => Promise<void> }> {
  const server = new SMTPServer({
    ...SMTP_BASE,
    secure: false,
    key: config.pair.key,
    cert: config.pair.cert,
    authMethods: ["PLAIN", "LOGIN"],
    allowInsecureAuth: config.authBeforeTls,
    disabledCommands: config.starttls ? [] : ["STARTTLS"],
    onConnect: (session, callback) => {
      if (!config.authBeforeTls) session.disabledCommands = config.starttls ? ["AUTH"] : ["AUTH", "STARTTLS"];
      callback();
    },
    onSecure: (_socket, session, callback) => {
      session.disabledCommands = [];
      callback();
    },
    onAuth: (_auth, _session, callback) => callback(new Error("simulated provider: no accounts")),
  });
  server.on("error", () => {});
  const close = destroyingClose(server.server);
  const bound = await listenOn(server.server, port);
  return { port: bound, close };
}

// Implicit TLS by hand: smtp-server cannot be held below TLS 1.2, and an old provider can.
async function startImplicit(
  config: Extract<SmtpConfig, { kind: "implicit" }>,
  port: number,
): Promise<{ port: number; close: () => Promise<void> }> {
  const server = tls.createServer({
    key: config.pair.key,
    cert: config.pair.cert,
    minVersion: config.versions[0],
    maxVersion: config.versions[1],
    ciphers: "DEFAULT:@SECLEVEL=0",
  });
  server.on("secureConnection", (socket) => {
    socket.on("error", () => {});
    socket.write("220 localhost ESMTP simulated provider\r\n");
    let buffer = "";
    socket.on("data", (chunk: Buffer) => {
      buffer += chunk.toString("latin1");
      let i: number;
      while ((i = buffer.indexOf("\n")) >= 0) {
        const command = buffer.slice(0, i).trim().toUpperCase();
        buffer = buffer.slice(i + 1);
        if (command.startsWith("EHLO")) socket.write("250-localhost\r\n250 AUTH PLAIN LOGIN\r\n");
        else if (command === "QUIT") socket.end("221 bye\r\n");
        else socket.write("502 not implemented\r\n");
      }
    });
  });
  server.on("tlsClientError", () => {});
  const close = destroyingClose(server);
  const bound = await listenOn(server, port);
  return { port: bound, close };
}

const startSmtp = (config: SmtpConfig, port: number) =>
  config.kind === "starttls" ? startStarttls(config, port) : startImplicit(config, port);

const server = (host: string, port: number, socketType: "SSL" | "STARTTLS" | "plain") =>
  `<hostname>${host}</hostname><port>${port}</port><socketType>${socketType}</socketType><authentication>password-cleartext</authentication>`;

function clientConfig(domain: string, incoming: string[], outgoing: string[]): string {
  return `<?xml version="1.0"?><clientConfig version="1.1"><emailProvider id="${domain}">
  <domain>${domain}</domain><displayName>${domain}</displayName>
  ${incoming.join("\n  ")}
  ${outgoing.map((o) => `<outgoingServer type="smtp">${o}</outgoingServer>`).join("\n  ")}
</emailProvider></clientConfig>`;
}

// A resolver that knows only the given names; any other name does not resolve (ENOTFOUND).
export function lookupFrom(addresses: Readonly<Record<string, string>>): LookupAll {
  const known = new Map(Object.entries(addresses).map(([host, address]) => [host.toLowerCase(), address]));
  return async (host) => {
    const address = known.get(host.toLowerCase());
    if (!address) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: "ENOTFOUND" });
    return [{ address, family: net.isIPv6(address) ? 6 : 4 }];
  };
}

export async function startSimulatedInternet(): Promise<SimulatedInternet> {
  const dir = mkdtempSync(path.join(tmpdir(), "msc-internet-"));
  chmodSync(dir, 0o755);
  const running = new Map<string, Running>();
  let dovecot: DovecotServer | null = null;
  const stop = async () => {
    await Promise.allSettled([...running.values()].map((r) => r.close()));
    running.clear();
    await dovecot?.close();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const certs = createTestCertificates(path.join(dir, "certs"));
    const initial: Array<Omit<SimulatedServer, "port">> = [
      {
        name: "alpha-submission",
        host: "smtp.alpha.example",
        config: { kind: "starttls", starttls: true, authBeforeTls: false, pair: certs.valid },
      },
      {
        name: "bravo-submission",
        host: "smtp.bravo.example",
        config: { kind: "starttls", starttls: true, authBeforeTls: false, pair: certs.valid },
      },
      {
        name: "charlie-smtps",
        host: "smtp.charlie.example",
        config: { kind: "implicit", versions: ["TLSv1", "TLSv1"], pair: certs.expired },
      },
      {
        name: "delta-submission",
        host: "smtp.delta.example",
        config: { kind: "starttls", starttls: false, authBeforeTls: true, pair: certs.valid },
      },
      {
        name: "delta-smtps",
        host: "smtps.delta.example",
        config: { kind: "implicit", versions: ["TLSv1.2", "TLSv1.3"], pair: certs.wrongName },
      },
    ];
    await Promise.all([
      Promise.all(
        initial.map(async (s) => {
          const { port, close } = await startSmtp(s.config, 0);
          running.set(s.name, { ...s, port, close });
        }),
      ),
      (async () => {
        dovecot = await startDovecot(path.join(dir, "dovecot"), certs);
      })(),
    ]);
    const pop = dovecot!;
    // Dovecot on 127.0.0.2 behaves as on the internet (see dovecot.ts); everything else on 127.0.0.1
    const addresses = new Map<string, string>([
      ["imap.alpha.example", pop.strictHost],
      ["pop.alpha.example", pop.strictHost],
      ...[...running.values()].map((r): [string, string] => [r.host, "127.0.0.1"]),
    ]);
    const lookup = lookupFrom(Object.fromEntries(addresses));
    const port = (name: string) => running.get(name)!.port;
    const ispdbFiles = () => ({
      "alpha.example.xml": clientConfig(
        "alpha.example",
        [
          `<incomingServer type="imap">${server("imap.alpha.example", pop.ports.imap, "STARTTLS")}</incomingServer>`,
          `<incomingServer type="imap">${server("imap.alpha.example", pop.ports.imaps, "SSL")}</incomingServer>`,
          `<incomingServer type="pop3">${server("pop.alpha.example", pop.ports.pop3, "STARTTLS")}</incomingServer>`,
          `<incomingServer type="pop3">${server("pop.alpha.example", pop.ports.pop3s, "SSL")}</incomingServer>`,
        ],
        [server("smtp.alpha.example", port("alpha-submission"), "STARTTLS")],
      ),
      "bravo.example.xml": clientConfig(
        "bravo.example",
        [`<incomingServer type="imap">${server("imap.alpha.example", pop.ports.imaps, "SSL")}</incomingServer>`],
        [server("smtp.bravo.example", port("bravo-submission"), "STARTTLS")],
      ),
      "charlie.example.xml": clientConfig(
        "charlie.example",
        [`<incomingServer type="pop3">${server("pop.alpha.example", pop.ports.pop3s, "SSL")}</incomingServer>`],
        [server("smtp.charlie.example", port("charlie-smtps"), "SSL")],
      ),
      "delta.example.xml": clientConfig(
        "delta.example",
        [`<incomingServer type="pop3">${server("pop.alpha.example", pop.ports.pop3, "STARTTLS")}</incomingServer>`],
        [
          server("smtp.delta.example", port("delta-submission"), "plain"),
          server("smtps.delta.example", port("delta-smtps"), "SSL"),
        ],
      ),
    });
    return {
      certs,
      ispdbFiles,
      domains: ["alpha.example", "bravo.example", "charlie.example", "delta.example"],
      lookup,
      addresses: () => Object.fromEntries(addresses),
      probe: { lookup, allowLoopback: true, ca: certs.ca, timeoutMs: 10_000 },
      servers: () => [...running.values()].map(({ close: _close, ...s }) => s),
      reconfigure: async (name, change) => {
        const current = running.get(name);
        if (!current) throw new Error(`no simulated server "${name}"`);
        const config = { ...current.config, ...change } as SmtpConfig;
        await current.close();
        const restarted = await startSmtp(config, current.port);
        running.set(name, { ...current, config, close: restarted.close });
      },
      takeDown: async (name) => {
        const current = running.get(name);
        if (!current) throw new Error(`no simulated server "${name}"`);
        await current.close();
        running.set(name, { ...current, close: async () => {} });
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

// Fast limits for tests: the per-host pause and backoff would only make the run slower.
export const SIMULATED_LIMITS: VerifyLimits = {
  concurrency: 4,
  perHostConcurrency: 2,
  perHostPauseMs: 0,
  // generous: a loaded machine (two cores, other test files) can take seconds for a handshake, and an
  // endpoint that times out says nothing, which would read as a wrong result here
  stepTimeoutMs: 10_000,
  retries: 0,
  retryBackoffMs: 0,
};

// One verification round over the simulated internet, dated `day`, as npm run verify runs it.
export function verifySimulated(
  db: PrismaClient,
  internet: Pick<SimulatedInternet, "probe">,
  slugs: readonly string[],
  day: string,
  limits: VerifyLimits = SIMULATED_LIMITS,
): Promise<VerificationResult[]> {
  const deps: VerifyDeps = {
    db,
    hosts: new MemoryHostLimiter(limits),
    probe: { ...internet.probe, timeoutMs: limits.stepTimeoutMs },
    today: () => day,
  };
  return runVerifications(deps, slugs, limits);
}
