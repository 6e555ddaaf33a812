import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { probeEndpoint } from "@/lib/probe/probe-endpoint";
import { probeEndpoints } from "@/lib/probe/probe-service";
import type { ProbeOptions, ProbeTarget } from "@/lib/probe/types";
import { startTestServers, type TestServers } from "../servers";

let servers: TestServers;
let options: ProbeOptions;

beforeAll(async () => {
  servers = await startTestServers({ dovecot: false });
  options = { allowLoopback: true, ca: servers.certs.ca, timeoutMs: 3000 };
});
afterAll(async () => {
  await servers?.stop();
});

const smtp = (port: number, security: ProbeTarget["security"], host = "localhost"): ProbeTarget => ({
  host,
  port,
  protocol: "smtp",
  security,
});

describe("SMTP over implicit TLS (465-style)", () => {
  it("reports the TLS version, cipher, a valid certificate and AUTH after TLS", async () => {
    const r = await probeEndpoint(smtp(servers.smtp.implicitTls, "tls"), options);
    expect(r.failure).toBeNull();
    expect(r.status).toBe("ok");
    expect(r.address).toBe("127.0.0.1");
    expect(r.tls?.version).toMatch(/^TLSv1\.[23]$/);
    expect(r.tls?.cipher).toMatch(/AES|CHACHA20/);
    expect(r.tls?.weak).toBe(false);
    expect(r.tls).toMatchObject({ chainValid: true, chainError: null, hostnameMatches: true });
    expect(r.tls?.certificate).toMatchObject({ subject: "localhost", expired: false, selfSigned: false });
    expect(r.tls?.certificate?.daysLeft).toBeGreaterThan(25);
    expect(r.greeting).toMatch(/^220 /);
    expect(r.authBeforeTls).toBeNull();
    expect(r.authAfterTls).toEqual(["PLAIN", "LOGIN", "CRAM-MD5"]);
    expect(r.plaintextAuthBeforeTls).toEqual([]);
    expect(r.timings.handshakeMs).not.toBeNull();
  });

  it("records an untrusted chain without giving up when the CA is not known", async () => {
    const r = await probeEndpoint(smtp(servers.smtp.implicitTls, "tls"), { ...options, ca: undefined });
    expect(r.status).toBe("ok");
    expect(r.tls?.chainValid).toBe(false);
    expect(r.tls?.chainError).toMatch(/UNABLE_TO_VERIFY|SELF_SIGNED|UNABLE_TO_GET_ISSUER/);
  });
});

describe("SMTP with STARTTLS (587-style)", () => {
  it("sees STARTTLS, upgrades, and compares AUTH before and after TLS", async () => {
    const r = await probeEndpoint(smtp(servers.smtp.starttls, "starttls"), options);
    expect(r.failure).toBeNull();
    expect(r.starttlsOffered).toBe(true);
    expect(r.starttlsAccepted).toBe(true);
    expect(r.capabilitiesBeforeTls).toContain("STARTTLS");
    expect(r.authBeforeTls).toEqual([]);
    expect(r.authAfterTls).toEqual(["PLAIN", "LOGIN", "CRAM-MD5"]);
    expect(r.plaintextAuthBeforeTls).toEqual([]);
    expect(r.tls?.chainValid).toBe(true);
    // the second EHLO went over TLS: it comes after the handshake marker in the transcript
    const marker = r.transcript.findIndex((l) => l.startsWith("-- TLS"));
    expect(r.transcript.slice(marker).filter((l) => l.startsWith("C: EHLO"))).toHaveLength(1);
  });

  it("never sends a credential: only EHLO, STARTTLS and QUIT", async () => {
    const r = await probeEndpoint(smtp(servers.smtp.starttls, "starttls"), options);
    const commands = r.transcript.filter((l) => l.startsWith("C: ")).map((l) => l.slice(3).split(" ")[0]);
    expect(new Set(commands)).toEqual(new Set(["EHLO", "STARTTLS", "QUIT"]));
  });
});

describe("a plain-only SMTP server", () => {
  it("is flagged: no STARTTLS, PLAIN and LOGIN offered before TLS", async () => {
    const r = await probeEndpoint(smtp(servers.smtp.plainOnly, "starttls"), options);
    expect(r.status).toBe("ok");
    expect(r.starttlsOffered).toBe(false);
    expect(r.starttlsAccepted).toBeNull();
    expect(r.tls).toBeNull();
    expect(r.authBeforeTls).toEqual(["PLAIN", "LOGIN"]);
    expect(r.plaintextAuthBeforeTls).toEqual(["PLAIN", "LOGIN"]);
  });

  it("answers in clear text when TLS is expected on its port", async () => {
    const r = await probeEndpoint(smtp(servers.smtp.plainOnly, "tls"), options);
    expect(r.failure?.step).toBe("handshake");
    expect(r.plaintextInsteadOfTls).toBe(true);
  });
});

describe("certificate problems", () => {
  it("flags an expired certificate: expired, days left negative, chain invalid", async () => {
    const r = await probeEndpoint(smtp(servers.smtp.expired, "tls"), options);
    expect(r.status).toBe("ok");
    expect(r.tls?.certificate?.expired).toBe(true);
    expect(r.tls?.certificate?.daysLeft).toBeLessThan(0);
    expect(r.tls?.certificate?.validTo).toBe("2020-02-01T00:00:00.000Z");
    expect(r.tls?.chainValid).toBe(false);
    expect(r.tls?.chainError).toBe("CERT_HAS_EXPIRED");
    expect(r.tls?.hostnameMatches).toBe(true);
  });

  it("flags a host-name mismatch while the chain itself is fine", async () => {
    const r = await probeEndpoint(smtp(servers.smtp.wrongName, "tls"), options);
    expect(r.tls?.chainValid).toBe(true);
    expect(r.tls?.hostnameMatches).toBe(false);
    expect(r.tls?.hostnameError).toContain("mail.wrong-name.test");
  });

  it("checks an IP literal against the certificate's IP names", async () => {
    const r = await probeEndpoint(smtp(servers.smtp.implicitTls, "tls", "127.0.0.1"), options);
    expect(r.tls?.hostnameMatches).toBe(true);
  });
});

describe("weak TLS", () => {
  it("still connects to a TLS 1.1-only server and calls it weak", async () => {
    const r = await probeEndpoint(smtp(servers.smtp.weakTls, "tls"), options);
    expect(r.failure).toBeNull();
    expect(r.tls?.version).toMatch(/^TLSv1(\.1)?$/);
    expect(r.tls?.weak).toBe(true);
  });
});

describe("timeouts", () => {
  it.each(["tls", "starttls"] as const)(
    "gives up on a silent server (%s) within the configured timeout",
    async (security) => {
      const started = Date.now();
      const r = await probeEndpoint(smtp(servers.silent, security), { ...options, timeoutMs: 400 });
      const elapsed = Date.now() - started;
      expect(r.status).toBe("failed");
      expect(r.failure).toMatchObject({ step: security === "tls" ? "handshake" : "greeting", code: "timeout" });
      expect(elapsed).toBeGreaterThanOrEqual(390);
      expect(elapsed).toBeLessThan(400 + 500);
    },
  );

  it("bounds a server that drips a line just inside each read's timeout by the overall timeout", async () => {
    const drip = net.createServer((socket) => {
      socket.on("error", () => {});
      const timer = setInterval(() => socket.write("220-still greeting\r\n"), 100);
      socket.on("close", () => clearInterval(timer));
    });
    await new Promise<void>((resolve) => drip.listen(0, "127.0.0.1", resolve));
    const port = (drip.address() as net.AddressInfo).port;
    try {
      const started = Date.now();
      const r = await probeEndpoint(smtp(port, "starttls", "127.0.0.1"), {
        ...options,
        timeoutMs: 300,
        overallTimeoutMs: 1000,
      });
      expect(r.failure).toMatchObject({ step: "greeting", code: "timeout" });
      expect(Date.now() - started).toBeLessThan(1000 + 500);
    } finally {
      drip.close();
    }
  });

  it("reports a refused connection as a connect failure", async () => {
    const r = await probeEndpoint(smtp(1, "tls", "127.0.0.1"), options);
    expect(r.failure).toMatchObject({ step: "connect", code: "ECONNREFUSED" });
  });
});

describe("probing several endpoints", () => {
  it("runs them at once by default and one by one when asked, keeping the order", async () => {
    const targets = [
      smtp(servers.silent, "tls"),
      smtp(servers.silent, "starttls"),
      smtp(servers.smtp.implicitTls, "tls"),
    ];
    const concurrent = await probeEndpoints(targets, { ...options, timeoutMs: 300 });
    const sequential = await probeEndpoints(targets, { ...options, timeoutMs: 300, sequential: true });
    expect(concurrent.results.map((r) => r.target.port)).toEqual(targets.map((t) => t.port));
    expect(sequential.results.map((r) => r.target.port)).toEqual(targets.map((t) => t.port));
    expect(concurrent.wallMs).toBeLessThan(550);
    expect(sequential.wallMs).toBeGreaterThanOrEqual(590);
    expect(sequential.sequential).toBe(true);
  });
});
