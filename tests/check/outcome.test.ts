import { afterEach, describe, expect, it } from "vitest";
import type { AutoconfigResult } from "@/lib/autoconfig/types";
import { guessConfig } from "@/lib/autoconfig/rules";
import { classifyDns, classifyServers, isUnreachable } from "@/lib/check/classify";
import { readMxAnswer, type CheckDns, type DnsCheck } from "@/lib/check/dns";
import { runMailCheck, type RunCheckDeps } from "@/lib/check/run-check";
import { getLatestCheckResult, saveCheckResult } from "@/lib/check/store";
import { parseCheckEnv } from "@/lib/check/config";
import { createPrismaClient } from "@/lib/db";
import { createTempDatabase, type TempDatabase } from "../helpers/temp-db";

const failure = (step: string, code: string) => ({ failure: { step, code, message: code } });

describe("reading the resolver's answer about the domain", () => {
  it("tells an existing domain, a missing one and a failed lookup apart", () => {
    expect(
      readMxAnswer({
        ok: true,
        records: [
          { exchange: "b.example.", priority: 20 },
          { exchange: "A.example", priority: 10 },
        ],
      }),
    ).toEqual({
      kind: "exists",
      mxHosts: ["a.example", "b.example"],
    });
    // NODATA: the name exists with no MX records
    expect(readMxAnswer({ ok: false, code: "ENODATA" })).toEqual({ kind: "exists", mxHosts: [] });
    // NXDOMAIN
    expect(readMxAnswer({ ok: false, code: "ENOTFOUND" })).toEqual({ kind: "nxdomain" });
    expect(readMxAnswer({ ok: false, code: "ETIMEOUT" })).toEqual({ kind: "failed", code: "ETIMEOUT" });
  });
});

describe("the outcome from DNS alone", () => {
  const check = (domain: DnsCheck["domain"], controlOk: boolean) => classifyDns({ domain, controlOk });

  it("calls NXDOMAIN a missing domain only when our resolver answers the control name", () => {
    expect(check({ kind: "nxdomain" }, true)).toBe("no-such-domain");
    // a resolver that says NXDOMAIN even for example.com is lying, not the domain
    expect(check({ kind: "nxdomain" }, false)).toBe("network-failed");
  });

  it("blames our network when the control lookup fails too, the domain's DNS when it does not", () => {
    expect(check({ kind: "failed", code: "ECONNREFUSED" }, false)).toBe("network-failed");
    expect(check({ kind: "failed", code: "ESERVFAIL" }, true)).toBe("dns-failed");
  });

  it("goes on when the domain exists, even if the control lookup failed", () => {
    expect(check({ kind: "exists", mxHosts: [] }, false)).toBe("continue");
    expect(check({ kind: "exists", mxHosts: ["mx.example.jp"] }, true)).toBe("continue");
  });
});

describe("the outcome from the servers", () => {
  const ok = { failure: null };

  it("never calls guessed settings found", () => {
    expect(classifyServers({ guessed: true, dnsFailed: false, servers: [ok] })).toBe("no-settings");
    expect(classifyServers({ guessed: true, dnsFailed: false, servers: [] })).toBe("no-settings");
    expect(classifyServers({ guessed: true, dnsFailed: true, servers: [] })).toBe("dns-failed");
  });

  it("says unreachable when no published server could be reached", () => {
    const refused = failure("connect", "ECONNREFUSED");
    const silent = failure("greeting", "timeout");
    const noName = failure("resolve", "unresolvable");
    expect(classifyServers({ guessed: false, dnsFailed: false, servers: [refused, silent, noName] })).toBe(
      "unreachable",
    );
    // one server that answered is enough for a verdict
    expect(classifyServers({ guessed: false, dnsFailed: false, servers: [refused, ok] })).toBe("checked");
    // a server that answered and then broke the handshake was reached
    expect(isUnreachable(failure("handshake", "ECONNRESET"))).toBe(false);
  });

  it("blames our network when every connection found no route from here", () => {
    const noRoute = failure("connect", "ENETUNREACH");
    expect(classifyServers({ guessed: false, dnsFailed: false, servers: [noRoute, noRoute] })).toBe("network-failed");
  });
});

// A whole check with DNS, settings and probes stood in for: what runs, and what the report says.
describe("a check from DNS to report", () => {
  const dnsSaying = (answer: DnsCheck): CheckDns & { asked: string[] } => {
    const asked: string[] = [];
    return { asked, inspect: (d) => (asked.push(d), Promise.resolve(answer)) };
  };
  const offline = { timeoutMs: 200, allowLoopback: false, lookup: () => Promise.reject(new Error("offline")) };

  function deps(dns: CheckDns, found: Partial<AutoconfigResult> = {}) {
    const lookups: string[] = [];
    const d: RunCheckDeps = {
      dns,
      probe: offline,
      lookup: (domain) => {
        lookups.push(domain);
        return Promise.resolve({ domain, answeredBy: "guess", guessed: true, config: guessConfig(domain), ...found });
      },
    };
    return { deps: d, lookups };
  }

  it("stops at a domain that does not exist, fetching and probing nothing", async () => {
    const { deps: d, lookups } = deps(dnsSaying({ domain: { kind: "nxdomain" }, controlOk: true }));
    const report = await runMailCheck("exmaple.co.jp", d);
    expect(report.outcome).toBe("no-such-domain");
    expect(report.servers).toEqual([]);
    expect(lookups).toEqual([]);
  });

  it("stops when our own resolver is down", async () => {
    const { deps: d, lookups } = deps(dnsSaying({ domain: { kind: "failed", code: "ETIMEOUT" }, controlOk: false }));
    const report = await runMailCheck("example.jp", d);
    expect(report.outcome).toBe("network-failed");
    expect(report.dnsError).toBe("ETIMEOUT");
    expect(lookups).toEqual([]);
  });

  it("reports no settings, keeps the MX hosts, and drops guessed names that do not exist", async () => {
    const { deps: d } = deps(dnsSaying({ domain: { kind: "exists", mxHosts: ["mx.example.jp"] }, controlOk: true }));
    const report = await runMailCheck("example.jp", d);
    expect(report.outcome).toBe("no-settings");
    expect(report.guessed).toBe(true);
    expect(report.mxHosts).toEqual(["mx.example.jp"]);
    // imap./pop./smtp. did not resolve: they are not servers that failed, they are not there
    expect(report.servers).toEqual([]);
  });

  it("says settings were found but unreachable when every published server fails to resolve", async () => {
    const { deps: d } = deps(dnsSaying({ domain: { kind: "exists", mxHosts: [] }, controlOk: true }), {
      answeredBy: "ispdb",
      guessed: false,
    });
    const report = await runMailCheck("example.jp", d);
    expect(report.outcome).toBe("unreachable");
    // published servers that fail are kept and named
    expect(report.servers.map((s) => s.host)).toContain("imap.example.jp");
  });
});

describe("check environment", () => {
  it("reads the resolver address and refuses a name in its place", () => {
    expect(parseCheckEnv({}).CHECK_DNS_SERVER).toBeUndefined();
    expect(parseCheckEnv({ CHECK_DNS_SERVER: "" }).CHECK_DNS_SERVER).toBeUndefined();
    expect(parseCheckEnv({ CHECK_DNS_SERVER: "127.0.0.1:5353" }).CHECK_DNS_SERVER).toEqual({
      host: "127.0.0.1",
      port: 5353,
    });
    expect(parseCheckEnv({ CHECK_DNS_SERVER: "[::1]:53" }).CHECK_DNS_SERVER).toEqual({ host: "::1", port: 53 });
    expect(parseCheckEnv({ CHECK_DNS_SERVER: "9.9.9.9" }).CHECK_DNS_SERVER).toEqual({ host: "9.9.9.9", port: 53 });
    expect(() => parseCheckEnv({ CHECK_DNS_SERVER: "dns.example" })).toThrow(/CHECK_DNS_SERVER/);
  });
});

describe("stored results", () => {
  let temp: TempDatabase;
  afterEach(() => temp?.cleanup());

  it("keeps the latest per domain and reads a malformed row as none", async () => {
    temp = createTempDatabase();
    const db = createPrismaClient(temp.url);
    try {
      const dns = dnsStub({ domain: { kind: "nxdomain" }, controlOk: true });
      const first = await runMailCheck("exmaple.jp", {
        dns,
        probe: {},
        lookup: () => Promise.reject(new Error("unused")),
      });
      await saveCheckResult(db, first, new Date("2026-11-01T00:00:00Z"));
      await saveCheckResult(db, { ...first, ms: 5 }, new Date("2026-11-02T00:00:00Z"));
      const latest = await getLatestCheckResult(db, "exmaple.jp");
      expect(latest?.checkedAt.toISOString()).toBe("2026-11-02T00:00:00.000Z");
      expect(latest?.report.outcome).toBe("no-such-domain");
      expect(latest?.report.verdict.receiving).toBe("unknown");
      expect(await db.checkResult.count()).toBe(1);
      expect(await getLatestCheckResult(db, "never-checked.jp")).toBeNull();

      await db.checkResult.update({ where: { domain: "exmaple.jp" }, data: { report: { outcome: "found-by-magic" } } });
      expect(await getLatestCheckResult(db, "exmaple.jp")).toBeNull();
    } finally {
      await db.$disconnect();
    }
  });
});

function dnsStub(answer: DnsCheck): CheckDns {
  return { inspect: () => Promise.resolve(answer) };
}
