import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import type { TestCertificates } from "./certs";

export const DOVECOT_INSTALL_HINT =
  "Dovecot is needed for the POP3/IMAP probe tests: apt-get install -y dovecot-pop3d dovecot-imapd";

export type DovecotPorts = { pop3: number; pop3s: number; imap: number; imaps: number };
export type DovecotServer = {
  ports: DovecotPorts;
  // Dovecot treats a client whose address equals its own as secure and offers PLAIN/LOGIN (and
  // POP3 USER) before TLS. Connecting to 127.0.0.2 comes from 127.0.0.1 (the kernel's source
  // address for the loopback route), so there the same server behaves as on the internet:
  // no clear-text logins before STARTTLS, IMAP says LOGINDISABLED.
  trustedHost: "127.0.0.1";
  strictHost: "127.0.0.2";
  close: () => Promise<void>;
};

function dovecotBinary(): string | null {
  for (const candidate of ["/usr/sbin/dovecot", "/usr/local/sbin/dovecot"]) if (existsSync(candidate)) return candidate;
  const which = spawnSync("sh", ["-c", "command -v dovecot"], { encoding: "utf8" });
  return which.status === 0 && which.stdout.trim() ? which.stdout.trim() : null;
}

export function isDovecotInstalled(): boolean {
  return dovecotBinary() !== null;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    // 0.0.0.0 so the port is free on every loopback address Dovecot will bind.
    server.listen(0, "0.0.0.0", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

function canConnect(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

function config(dir: string, certs: TestCertificates, ports: DovecotPorts): string {
  // Every `{` opens on its own line: `inet_listener imap { port = N }` on one line is a syntax
  // error in Dovecot 2.3.
  return `# Written by tests/servers/dovecot.ts; everything lives in ${dir}
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
info_log_path = ${dir}/dovecot.log
listen = 127.0.0.1, 127.0.0.2
protocols = pop3 imap
ssl = yes
ssl_cert = <${certs.valid.certFile}
ssl_key = <${certs.valid.keyFile}
disable_plaintext_auth = yes
auth_mechanisms = plain login cram-md5
default_login_user = nobody
default_internal_user = nobody
default_internal_group = nogroup
passdb {
  driver = passwd-file
  args = ${dir}/passwd
}
userdb {
  driver = static
  args = uid=nobody gid=nogroup home=${dir}/home
}
service imap-login {
  inet_listener imap {
    port = ${ports.imap}
  }
  inet_listener imaps {
    port = ${ports.imaps}
    ssl = yes
  }
}
service pop3-login {
  inet_listener pop3 {
    port = ${ports.pop3}
  }
  inet_listener pop3s {
    port = ${ports.pop3s}
    ssl = yes
  }
}
`;
}

async function waitForPorts(child: ChildProcess, ports: DovecotPorts, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) return false;
    const up = await Promise.all(Object.values(ports).map((p) => canConnect("127.0.0.1", p)));
    if (up.every(Boolean)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

// Runs Dovecot in the foreground (-F) as our own child, so it is stopped by its pid and never
// outlives the tests. Ports are picked free just before; a clash (another process took one in
// between) is retried.
export async function startDovecot(dir: string, certs: TestCertificates): Promise<DovecotServer> {
  const binary = dovecotBinary();
  if (!binary) throw new Error(DOVECOT_INSTALL_HINT);
  for (const sub of ["run", "state", "home"]) mkdirSync(path.join(dir, sub), { recursive: true });
  // Dovecot's login processes run as an unprivileged user and must reach base_dir.
  chmodSync(dir, 0o755);
  // An account exists only so the passdb is valid; the probe never logs in.
  writeFileSync(path.join(dir, "passwd"), "probe-test:{PLAIN}never-used\n");

  let lastLog = "";
  for (let attempt = 0; attempt < 3; attempt++) {
    const ports: DovecotPorts = {
      pop3: await freePort(),
      pop3s: await freePort(),
      imap: await freePort(),
      imaps: await freePort(),
    };
    const configFile = path.join(dir, "dovecot.conf");
    writeFileSync(configFile, config(dir, certs, ports));
    const child = spawn(binary, ["-F", "-c", configFile], { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr?.on("data", (d: Buffer) => (output += d.toString()));
    const killOnExit = () => child.kill("SIGKILL");
    process.once("exit", killOnExit);
    if (await waitForPorts(child, ports, 10_000)) {
      const close = () =>
        new Promise<void>((resolve) => {
          process.off("exit", killOnExit);
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          const timer = setTimeout(() => child.kill("SIGKILL"), 3000);
          child.once("exit", () => {
            clearTimeout(timer);
            resolve();
          });
          child.kill("SIGTERM");
        });
      return { ports, trustedHost: "127.0.0.1", strictHost: "127.0.0.2", close };
    }
    child.kill("SIGKILL");
    process.off("exit", killOnExit);
    const logFile = path.join(dir, "dovecot.log");
    lastLog = `${output}\n${existsSync(logFile) ? readFileSync(logFile, "utf8") : ""}`.trim();
  }
  throw new Error(`Dovecot did not start:\n${lastLog.slice(-2000)}`);
}
