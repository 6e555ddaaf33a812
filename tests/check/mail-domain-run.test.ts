import { afterEach, describe, expect, it, vi } from "vitest";
import { guessConfig } from "@/lib/autoconfig/rules";
import type { CheckDns, DnsCheck } from "@/lib/check/dns";
import { runMailCheck, type RunCheckDeps } from "@/lib/check/run-check";
import { getLatestCheckResult, saveCheckResult } from "@/lib/check/store";
import { storedReportSchema } from "@/lib/check/types";
import { createPrismaClient } from "@/lib/db";
import type { DomainTransportReport } from "@/lib/mx/types";
import { createTempDatabase, type TempDatabase } from "../helpers/temp-db";

// runMailCheck runs the mail-domain checks beside the client-settings checks and stores their
// report in the check's; a failure there never fails the check, and older rows still read.

const TRANSPORT: DomainTransportReport = {
  domain: "example.jp",
  checkedAt: "2026-12-06T00:00:00.000Z",
  dnssecValidation: false,
  mx: { status: "found", signed: false },
  hosts: [
    {
      host: "mx.example.jp",
      priority: 10,
      probed: true,
      starttls: {
        verdict: "not-tested",
        reason: "port-25-disabled",
        address: null,
        tlsVersion: null,
        weakTls: null,
        certificateValid: null,
        certificateError: null,
        hostnameMatches: null,
        certificateValidTo: null,
        failure: null,
      },
      dane: { verdict: "none", reason: null, records: [] },
      mtaStsMatch: null,
    },
  ],
  mtaSts: {
    verdict: "none",
    reason: null,
    id: null,
    mode: null,
    maxAge: null,
    mxPatterns: [],
    mxNotCovered: [],
    problems: [],
    fetch: null,
  },
  tlsRpt: { verdict: "no", reason: null, detail: null, rua: [] },
  spf: { verdict: "yes", reason: null, detail: null },
  dmarc: { verdict: "no", reason: null, detail: null, policy: null },
  ms: 12,
};

const dnsSaying = (answer: DnsCheck): CheckDns => ({ inspect: () => Promise.resolve(answer) });
const offline = { timeoutMs: 200, allowLoopback: false, lookup: () => Promise.reject(new Error("offline")) };

function deps(dns: DnsCheck, transport: RunCheckDeps["transport"]): RunCheckDeps {
  return {
    dns: dnsSaying(dns),
    probe: offline,
    lookup: (domain) => Promise.resolve({ domain, answeredBy: "guess", guessed: true, config: guessConfig(domain) }),
    transport,
  };
}

const EXISTS: DnsCheck = { domain: { kind: "exists", mxHosts: ["mx.example.jp"] }, controlOk: true };

describe("the mail-domain checks inside a check", () => {
  let temp: TempDatabase | undefined;
  afterEach(() => {
    temp?.cleanup();
    temp = undefined;
    vi.restoreAllMocks();
  });

  it("stores the mail-domain report with the check and reads it back", async () => {
    const asked: string[] = [];
    const report = await runMailCheck(
      "example.jp",
      deps(EXISTS, (d) => (asked.push(d), Promise.resolve(TRANSPORT))),
    );
    expect(asked).toEqual(["example.jp"]);
    expect(report.mailDomain).toEqual(TRANSPORT);
    temp = createTempDatabase();
    const db = createPrismaClient(temp.url);
    try {
      await saveCheckResult(db, report);
      expect((await getLatestCheckResult(db, "example.jp"))?.report.mailDomain).toEqual(TRANSPORT);
    } finally {
      await db.$disconnect();
    }
  });

  it("a failing mail-domain check leaves the rest of the check as it was", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const report = await runMailCheck(
      "example.jp",
      deps(EXISTS, () => Promise.reject(new Error("resolver exploded"))),
    );
    expect(report.outcome).toBe("no-settings");
    expect(report).not.toHaveProperty("mailDomain");
  });

  it("is not run for a domain that does not exist", async () => {
    const transport = vi.fn(() => Promise.resolve(TRANSPORT));
    const report = await runMailCheck("exmaple.jp", deps({ domain: { kind: "nxdomain" }, controlOk: true }, transport));
    expect(report.outcome).toBe("no-such-domain");
    expect(transport).not.toHaveBeenCalled();
  });

  it("reads a report stored before the mail-domain checks existed", () => {
    const older = {
      domain: "example.jp",
      outcome: "no-settings",
      answeredBy: "guess",
      guessed: true,
      mxHosts: [],
      dnsError: null,
      servers: [],
      skipped: 0,
      providers: [],
      ms: 10,
    };
    expect(storedReportSchema.parse(older).mailDomain).toBeUndefined();
  });
});
