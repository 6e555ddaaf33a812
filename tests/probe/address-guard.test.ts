import { subscribe, unsubscribe } from "node:diagnostics_channel";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { classifyAddress, resolveProbeAddresses } from "@/lib/probe/address-guard";
import { probeEndpoint } from "@/lib/probe/probe-endpoint";
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

describe("classifyAddress", () => {
  it.each([
    ["8.8.8.8", "public"],
    ["2001:4860:4860::8888", "public"],
    ["10.0.0.1", "private"],
    ["172.16.0.1", "private"],
    ["172.31.255.254", "private"],
    ["172.32.0.1", "public"],
    ["192.168.1.1", "private"],
    ["127.0.0.1", "loopback"],
    ["127.8.9.10", "loopback"],
    ["::1", "loopback"],
    ["169.254.169.254", "link-local"],
    ["fe80::1%eth0", "link-local"],
    ["100.64.0.1", "cgnat"],
    ["100.127.255.255", "cgnat"],
    ["100.128.0.1", "public"],
    ["224.0.0.251", "multicast"],
    ["ff02::1", "multicast"],
    ["255.255.255.255", "broadcast"],
    ["0.0.0.0", "unspecified"],
    ["::", "unspecified"],
    ["240.0.0.1", "reserved"],
    ["192.0.2.10", "documentation"],
    ["198.51.100.7", "documentation"],
    ["203.0.113.99", "documentation"],
    ["2001:db8::1", "documentation"],
    ["fc00::1", "private"],
    ["fd12:3456::1", "private"],
    ["::ffff:10.1.2.3", "private"],
    ["::ffff:127.0.0.1", "loopback"],
    ["::ffff:7f00:1", "loopback"],
    ["::ffff:8.8.8.8", "public"],
    ["64:ff9b::a00:1", "private"],
    ["2002:c0a8:0101::1", "private"],
    ["not-an-address", "reserved"],
  ])("%s is %s", (address, category) => {
    expect(classifyAddress(address)).toBe(category);
  });
});

describe("resolveProbeAddresses", () => {
  it("refuses a name that resolves to a private address, even beside a public one", async () => {
    const lookup = vi.fn(async () => [
      { address: "93.184.215.14", family: 4 },
      { address: "10.0.0.5", family: 4 },
    ]);
    await expect(resolveProbeAddresses("mail.example.com", { lookup })).rejects.toThrow(
      /10\.0\.0\.5, a private address/,
    );
  });

  it("allows loopback only when told to, and never a private range", async () => {
    await expect(resolveProbeAddresses("127.0.0.1")).rejects.toThrow(/loopback/);
    await expect(resolveProbeAddresses("127.0.0.1", { allowLoopback: true })).resolves.toEqual(["127.0.0.1"]);
    await expect(resolveProbeAddresses("192.168.1.1", { allowLoopback: true })).rejects.toThrow(/private/);
    await expect(resolveProbeAddresses("::ffff:192.168.1.1", { allowLoopback: true })).rejects.toThrow(/private/);
  });

  it("puts IPv4 first and reports an unresolvable name", async () => {
    const lookup = async () => [
      { address: "2001:4860:4860::8888", family: 6 },
      { address: "8.8.8.8", family: 4 },
    ];
    await expect(resolveProbeAddresses("dns.example", { lookup })).resolves.toEqual([
      "8.8.8.8",
      "2001:4860:4860::8888",
    ]);
    const failing = async () => {
      throw Object.assign(new Error("getaddrinfo ENOTFOUND"), { code: "ENOTFOUND" });
    };
    await expect(resolveProbeAddresses("nowhere.invalid", { lookup: failing })).rejects.toThrow(/does not resolve/);
  });
});

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
      const result = await probeEndpoint(
        { host: "127.0.0.1", port: servers.smtp.implicitTls, protocol: "smtp", security: "tls" },
        { timeoutMs: 500 },
      );
      expect(result.failure).toMatchObject({ step: "resolve", code: "refused-address" });
      expect(result.failure?.message).toContain("loopback");
    } finally {
      connections.stop();
    }
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
