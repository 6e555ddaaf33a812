import { describe, expect, it, vi } from "vitest";
import { classifyAddress, resolveProbeAddresses } from "@/lib/probe/address-guard";

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

  it("refuses a name a replaced resolver maps to loopback unless loopback is allowed with it", async () => {
    // the simulated internet's seam (tests/servers/simulated-internet.ts): a lookup alone opens nothing
    const lookup = async () => [{ address: "127.0.0.1", family: 4 }];
    await expect(resolveProbeAddresses("smtp.provider.example", { lookup })).rejects.toThrow(/loopback/);
    await expect(resolveProbeAddresses("smtp.provider.example", { lookup, allowLoopback: true })).resolves.toEqual([
      "127.0.0.1",
    ]);
    await expect(
      resolveProbeAddresses("smtp.provider.example", {
        lookup: async () => [{ address: "10.1.2.3", family: 4 }],
        allowLoopback: true,
      }),
    ).rejects.toThrow(/private/);
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
