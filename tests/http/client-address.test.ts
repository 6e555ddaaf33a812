import { describe, expect, it } from "vitest";
import {
  CLIENT_ADDRESS_HEADER,
  clientLimitKey,
  markClientAddressTrusted,
  parseTrustedProxies,
  readClientAddress,
  resolveClientAddress,
} from "@/lib/http/client-address";

const NO_PROXIES = parseTrustedProxies("");
const LOOPBACK_PROXY = parseTrustedProxies("127.0.0.1, ::1");

describe("the client address", () => {
  it("is the socket's peer when the peer is not a trusted proxy, whatever X-Forwarded-For says", () => {
    expect(resolveClientAddress("203.0.113.7", "198.51.100.1", NO_PROXIES)).toBe("203.0.113.7");
    expect(resolveClientAddress("::ffff:203.0.113.7", "198.51.100.1, 10.0.0.1", NO_PROXIES)).toBe("203.0.113.7");
    expect(resolveClientAddress("127.0.0.1", "198.51.100.1", NO_PROXIES)).toBe("127.0.0.1");
  });

  it("takes the right-most untrusted address behind trusted proxies", () => {
    const proxies = parseTrustedProxies("10.0.0.0/8 192.0.2.1");
    // the client wrote the first entry; the proxies appended the rest
    expect(resolveClientAddress("10.0.0.5", "6.6.6.6, 198.51.100.9, 192.0.2.1", proxies)).toBe("198.51.100.9");
    expect(resolveClientAddress("10.0.0.5", ["6.6.6.6", "198.51.100.9"], proxies)).toBe("198.51.100.9");
    // only proxies: the left-most of them is the best we know
    expect(resolveClientAddress("10.0.0.5", "10.1.1.1", proxies)).toBe("10.1.1.1");
    // no header: the proxy itself
    expect(resolveClientAddress("10.0.0.5", undefined, proxies)).toBe("10.0.0.5");
    // garbage stops the walk at the hop that wrote it
    expect(resolveClientAddress("10.0.0.5", "198.51.100.9, not-an-ip", proxies)).toBe("10.0.0.5");
    expect(resolveClientAddress("::1", "[2001:db8::1]:443", LOOPBACK_PROXY)).toBe("2001:db8::1");
  });

  it("validates TRUSTED_PROXIES, naming the bad entry", () => {
    expect(parseTrustedProxies("10.0.0.0/8,2001:db8::/32").size).toBe(2);
    expect(parseTrustedProxies("2001:db8::/32").contains("2001:db8:1::5")).toBe(true);
    expect(parseTrustedProxies("10.0.0.0/8").contains("::ffff:10.2.3.4")).toBe(true);
    expect(() => parseTrustedProxies("10.0.0.0/33")).toThrow(/10\.0\.0\.0\/33/);
    expect(() => parseTrustedProxies("proxy.example")).toThrow(/proxy\.example/);
    expect(() => parseTrustedProxies("10.0.0.1/8/1")).toThrow(/TRUSTED_PROXIES/);
  });

  it("reaches the app only through the header server.ts overwrites, and only when server.ts runs it", () => {
    const headers = new Headers({ [CLIENT_ADDRESS_HEADER]: "203.0.113.7", "x-forwarded-for": "6.6.6.6" });
    const mark = Symbol.for("msc.client-address-from-server");
    const global = globalThis as Record<symbol, unknown>;
    try {
      delete global[mark];
      expect(readClientAddress(headers)).toBe("direct");
      markClientAddressTrusted();
      expect(readClientAddress(headers)).toBe("203.0.113.7");
      expect(readClientAddress(new Headers({ "x-forwarded-for": "6.6.6.6" }))).toBe("unknown");
    } finally {
      delete global[mark];
    }
  });

  it("counts an IPv6 client by its /64", () => {
    expect(clientLimitKey("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(clientLimitKey("2001:db8:1:2::ffff")).toBe("2001:db8:1:2::/64");
    expect(clientLimitKey("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(clientLimitKey("203.0.113.7")).toBe("203.0.113.7");
  });
});
