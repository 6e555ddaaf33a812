import { subscribe, unsubscribe } from "node:diagnostics_channel";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { probeEndpoint } from "@/lib/probe/probe-endpoint";
import { PROBE_PORTS } from "@/lib/probe/port-guard";
import { startTestServers, type TestServers } from "../servers";

// Every TCP client socket Node creates is announced on this channel, so a test can prove that
// the guard refused before anything was dialled.
function countConnections() {
  let count = 0;
  const listener = () => count++;
  subscribe("net.client.socket", listener);
  return {
    get count() {
      return count;
    },
    stop: () => unsubscribe("net.client.socket", listener),
  };
}

describe("the probe's abuse guard", () => {
  let servers: TestServers;
  beforeAll(async () => {
    servers = await startTestServers({ dovecot: false });
  });
  afterAll(async () => {
    await servers?.stop();
  });

  it.each(["10.0.0.1", "192.168.1.1"])("refuses %s before any connection is attempted", async (host) => {
    const connections = countConnections();
    const lookup = vi.fn(async () => [{ address: host, family: 4 }]);
    try {
      const result = await probeEndpoint(
        { host, port: 465, protocol: "smtp", security: "tls" },
        { allowLoopback: true, timeoutMs: 500, lookup },
      );
      expect(result.failure).toMatchObject({ step: "resolve", code: "refused-address" });
      expect(result.failure?.message).toContain("private address");
      expect(result.address).toBeNull();
      expect(result.timings.connectMs).toBeNull();
    } finally {
      connections.stop();
    }
    expect(connections.count).toBe(0);
    // an IP literal is judged as it stands, without asking DNS
    expect(lookup).not.toHaveBeenCalled();
  });

  it("refuses a name that resolves to a private address, without dialling it", async () => {
    const connections = countConnections();
    const lookup = vi.fn(async () => [{ address: "172.20.1.1", family: 4 }]);
    try {
      const result = await probeEndpoint(
        { host: "intranet.example.com", port: 993, protocol: "imap", security: "tls" },
        { allowLoopback: true, lookup },
      );
      expect(result.failure?.code).toBe("refused-address");
    } finally {
      connections.stop();
    }
    expect(connections.count).toBe(0);
  });

  it("refuses loopback when it is not allowed", async () => {
    const connections = countConnections();
    try {
      // a mail port, so the address is what is refused
      const result = await probeEndpoint(
        { host: "127.0.0.1", port: 465, protocol: "smtp", security: "tls" },
        { timeoutMs: 500 },
      );
      expect(result.failure).toMatchObject({ step: "resolve", code: "refused-address" });
      expect(result.failure?.message).toContain("loopback");
    } finally {
      connections.stop();
    }
    expect(connections.count).toBe(0);
  });

  it("dials only mail ports: 25, 110, 143, 465, 587, 993, 995 and 2525", () => {
    expect([...PROBE_PORTS].sort((a, b) => a - b)).toEqual([25, 110, 143, 465, 587, 993, 995, 2525]);
  });

  it.each([22, 80, 443, 2465, 3306, 6379, 8080])(
    "refuses port %i with a reason, before asking DNS or connecting",
    async (port) => {
      const connections = countConnections();
      const lookup = vi.fn(async () => [{ address: "127.0.0.1", family: 4 }]);
      try {
        const result = await probeEndpoint(
          { host: "mail.example.com", port, protocol: "smtp", security: "starttls" },
          { timeoutMs: 500, lookup },
        );
        expect(result.failure).toEqual({
          step: "resolve",
          code: "refused-port",
          message: `refused to probe mail.example.com:${port}: the probe connects only to mail ports (25, 110, 143, 465, 587, 993, 995, 2525)`,
        });
        expect(result.address).toBeNull();
      } finally {
        connections.stop();
      }
      expect(lookup).not.toHaveBeenCalled();
      expect(connections.count).toBe(0);
    },
  );

  it("lets a test server on loopback use any port only when loopback is allowed and the name is loopback only", async () => {
    const connections = countConnections();
    // 192.0.3.7 is never dialled: the name is refused as a whole, and were it not, the
    // loopback answer (a listening test server) comes first
    const lookup = vi.fn(async () => [
      { address: "127.0.0.1", family: 4 },
      { address: "192.0.3.7", family: 4 },
    ]);
    try {
      const result = await probeEndpoint(
        { host: "mixed.example.com", port: servers.smtp.implicitTls, protocol: "smtp", security: "tls" },
        { allowLoopback: true, timeoutMs: 500, lookup },
      );
      expect(result.failure).toMatchObject({ step: "resolve", code: "refused-port" });
    } finally {
      connections.stop();
    }
    expect(lookup).toHaveBeenCalledTimes(1);
    expect(connections.count).toBe(0);
  });

  it("resolves once and connects to the checked address, keeping the name for SNI and the name check", async () => {
    // A rebinding resolver would answer differently the second time; it is never asked again.
    const lookup = vi
      .fn()
      .mockResolvedValueOnce([{ address: "127.0.0.1", family: 4 }])
      .mockResolvedValue([{ address: "10.0.0.1", family: 4 }]);
    const result = await probeEndpoint(
      { host: "mail.wrong-name.test", port: servers.smtp.wrongName, protocol: "smtp", security: "tls" },
      { allowLoopback: true, lookup, ca: servers.certs.ca, timeoutMs: 3000 },
    );
    expect(lookup).toHaveBeenCalledTimes(1);
    expect(result.address).toBe("127.0.0.1");
    expect(result.failure).toBeNull();
    // the certificate is for mail.wrong-name.test, so checked against the name it matches
    expect(result.tls?.hostnameMatches).toBe(true);
    expect(result.tls?.chainValid).toBe(true);
  });
});
