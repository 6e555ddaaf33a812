import { describe, expect, it } from "vitest";
import { createCheckLimits, parseCheckLimits, targetKey } from "@/lib/check/check-limits";
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

describe("the check's limits", () => {
  const settings = parseCheckLimits({});

  it("count twelve requests with twelve X-Forwarded-For values from an untrusted peer as one client", () => {
    const limits = createCheckLimits({ ...settings, domain: { limit: 100, windowMs: 600_000 } });
    const decisions = Array.from({ length: 12 }, (_, i) =>
      limits.hit({
        client: clientLimitKey(resolveClientAddress("203.0.113.7", `198.51.100.${i + 1}`, NO_PROXIES)),
        domain: `example${i}.jp`,
      }),
    );
    expect(decisions.filter((d) => d.allowed)).toHaveLength(5);
    expect(decisions.at(-1)).toMatchObject({ allowed: false, scope: "client" });
  });

  it("honour a trusted proxy's X-Forwarded-For: twelve clients behind it are twelve clients", () => {
    const limits = createCheckLimits({ ...settings, domain: { limit: 100, windowMs: 600_000 } });
    const decisions = Array.from({ length: 12 }, (_, i) =>
      limits.hit({
        client: clientLimitKey(resolveClientAddress("127.0.0.1", `198.51.100.${i + 1}`, LOOPBACK_PROXY)),
        domain: `example${i}.jp`,
      }),
    );
    expect(decisions.every((d) => d.allowed)).toBe(true);
  });

  it("limit checks of one target, however many clients ask, subdomains included", () => {
    let now = 0;
    const limits = createCheckLimits(settings, () => now);
    const domains = ["victim.example.co.jp", "a.victim.example.co.jp", "MAIL.victim.example.co.jp."];
    const decisions = Array.from({ length: 8 }, (_, i) =>
      limits.hit({ client: `198.51.100.${i}`, domain: domains[i % 3]! }),
    );
    expect(decisions.filter((d) => d.allowed)).toHaveLength(settings.domain.limit);
    expect(decisions.at(-1)).toMatchObject({ allowed: false, scope: "domain" });
    expect(limits.hit({ client: "198.51.100.99", domain: "other.example.jp" }).allowed).toBe(true);
    now += settings.domain.windowMs;
    expect(limits.hit({ client: "198.51.100.100", domain: "victim.example.co.jp" }).allowed).toBe(true);
    expect(targetKey("mail.example.co.jp")).toBe("example.co.jp");
  });

  it("cap checks for the whole site, and a refused check uses no allowance", () => {
    const limits = createCheckLimits({ ...settings, global: { limit: 3, windowMs: 60_000 } });
    expect(limits.hit({ client: "a", domain: "one.jp" }).allowed).toBe(true);
    expect(limits.hit({ client: "b", domain: "two.jp" }).allowed).toBe(true);
    expect(limits.hit({ client: "c", domain: "three.jp" }).allowed).toBe(true);
    expect(limits.hit({ client: "d", domain: "four.jp" })).toMatchObject({ allowed: false, scope: "global" });
    // client d was refused globally, so its own allowance is untouched
    expect(createCheckLimits(settings).hit({ client: "d", domain: "four.jp" }).allowed).toBe(true);
  });

  it("read their settings from a validated environment", () => {
    expect(parseCheckLimits({ CHECK_LIMIT_PER_DOMAIN: "12" }).domain.limit).toBe(12);
    expect(() => parseCheckLimits({ CHECK_LIMIT_GLOBAL: "0" })).toThrow(/CHECK_LIMIT_GLOBAL/);
  });
});
