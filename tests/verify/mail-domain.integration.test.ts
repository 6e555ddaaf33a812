import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/db";
import { createMxResolver } from "@/lib/mx/dns";
import { DOMAIN_PROPERTY_KEYS } from "@/lib/mx/claims";
import { PROBE_SOURCE } from "@/lib/probe/store";
import { MemoryHostLimiter } from "@/lib/verify/host-limiter";
import type { DomainCheckDeps, HostLimiter, VerifyDeps } from "@/lib/verify/types";
import { verifyService } from "@/lib/verify/verify-service";
import type { Zone } from "../check/dns-server";
import { createTempDatabase, type TempDatabase } from "../helpers/temp-db";
import type { KeyPair } from "../servers/certs";
import { LOOPBACK, spkiSha256, startMailDomainServers, type MailDomainServers } from "../servers/mail-domain";

// The verification job's mail-domain check against local servers only (tests/servers/
// mail-domain.ts): one DNS server, one MTA-STS policy host and the SMTP servers, reconfigured
// between runs, each run dated its own day. Two services: "mail.test" (MX mx.mail.test) and
// "blocked.test" (MX mx.blocked.test, whose port 25 refuses connections, as OP25B does). Neither
// has endpoints, so what is stored comes from the mail-domain check alone.

const GOOD_POLICY = "version: STSv1\nmode: enforce\nmx: *.mail.test\nmax_age: 604800\n";

function zone(mx: KeyPair): Zone {
  const tlsa = [{ usage: 3, selector: 1, matching: 1, data: spkiSha256(mx.cert) }];
  return {
    "": { signed: true },
    "mail.test": { mx: [{ exchange: "mx.mail.test", priority: 10 }], signed: true },
    "_mta-sts.mail.test": { txt: ["v=STSv1; id=1"], signed: true },
    "_smtp._tls.mail.test": { txt: ["v=TLSRPTv1; rua=mailto:tls@mail.test"], signed: true },
    "_25._tcp.mx.mail.test": { tlsa, signed: true },
    "blocked.test": { mx: [{ exchange: "mx.blocked.test", priority: 10 }], signed: true },
    "_mta-sts.blocked.test": { txt: ["v=STSv1; id=1"], signed: true },
    "_25._tcp.mx.blocked.test": { tlsa, signed: true },
  };
}

let servers: MailDomainServers;
let temp: TempDatabase;
let db: PrismaClient;
const limited: string[] = [];

beforeAll(async () => {
  servers = await startMailDomainServers({
    mxNames: ["mx.mail.test", "mx.blocked.test"],
    policyNames: ["mta-sts.mail.test", "mta-sts.blocked.test"],
    zone,
    policies: {
      "mta-sts.mail.test": { status: 200, body: GOOD_POLICY },
      "mta-sts.blocked.test": { status: 200, body: GOOD_POLICY.replace("mail.test", "blocked.test") },
    },
    smtp: { "mx.blocked.test": "closed" },
  });
  temp = createTempDatabase();
  db = createPrismaClient(temp.url);
  await db.property.createMany({
    data: DOMAIN_PROPERTY_KEYS.map((key, position) => ({
      key,
      category: "domain" as const,
      position,
      labelJa: key,
      labelEn: key,
      shortJa: key,
      shortEn: key,
      appliesTo: "service" as const,
    })),
  });
  const company = await db.company.create({ data: { slug: "example", name: "例" } });
  for (const [slug, domain] of [
    ["mail-test", "mail.test"],
    ["blocked-test", "blocked.test"],
    ["no-domain", null],
  ] as const) {
    await db.service.create({
      data: {
        slug,
        companyId: company.id,
        name: slug,
        searchText: slug,
        ...(domain ? { domains: { create: [{ domain }] } } : {}),
      },
    });
  }
}, 60_000);

afterAll(async () => {
  await db?.$disconnect();
  temp?.cleanup();
  await servers?.stop();
});

function deps(day: string, domain: Partial<DomainCheckDeps> = {}): VerifyDeps {
  const memory = new MemoryHostLimiter({ perHostConcurrency: 1, perHostPauseMs: 0 });
  const hosts: HostLimiter = {
    run: (host, fn) => {
      limited.push(host);
      return memory.run(host, fn);
    },
  };
  return {
    db,
    hosts,
    probe: { timeoutMs: 3000, allowLoopback: true, lookup: servers.lookup, ca: servers.certs.ca },
    today: () => day,
    domain: {
      resolver: createMxResolver({ server: { host: LOOPBACK, port: servers.dns.port }, timeoutMs: 2000 }),
      port25: true,
      smtpPortFor: servers.smtpPortFor,
      dial: servers.dial,
      ...domain,
    },
  };
}

async function currentClaims(slug: string) {
  const claims = await db.claim.findMany({
    where: { service: { slug }, isCurrent: true },
    select: { value: true, asOf: true, note: true, property: { select: { key: true } }, source: true },
  });
  return Object.fromEntries(claims.map((c) => [c.property.key, c]));
}

const values = async (slug: string) =>
  Object.fromEntries(Object.entries(await currentClaims(slug)).map(([key, c]) => [key, c.value]));

describe("the verification job's mail-domain check", () => {
  it("stores dated live-probe claims for a well-configured domain, through the host limiter", async () => {
    const outcome = await verifyService(deps("2026-12-01"), "mail-test");
    expect(outcome).toMatchObject({
      endpoints: 0,
      domainCheck: "checked",
      domainFindings: 4,
      changed: 4,
      verifiedAgain: 0,
      unreachable: 0,
    });
    const claims = await currentClaims("mail-test");
    expect(await values("mail-test")).toEqual({
      "mx-starttls": "yes",
      "mta-sts": "yes",
      "tls-rpt": "yes",
      dane: "yes",
    });
    for (const claim of Object.values(claims)) {
      expect(claim.source.key).toBe(PROBE_SOURCE.key);
      expect(claim.asOf).toBe("2026-12-01");
    }
    expect(claims["mta-sts"]?.note).toMatch(/mode enforce/);
    // the port-25 connection waited for the MX host's slot like an endpoint probe
    expect(limited).toContain("mx.mail.test");
  });

  it("verifies the same result again the next day without a new claim", async () => {
    const before = await db.claim.count();
    const outcome = await verifyService(deps("2026-12-02"), "mail-test");
    expect(outcome).toMatchObject({ domainFindings: 4, verifiedAgain: 4, changed: 0 });
    expect(await db.claim.count()).toBe(before);
    expect(await db.claimVerification.count({ where: { day: "2026-12-02", checkedBy: PROBE_SOURCE.key } })).toBe(4);
  });

  it("records an MX pattern mismatch as partial, a missing TLS-RPT and a mismatching TLSA record as no", async () => {
    servers.policies["mta-sts.mail.test"] = {
      status: 200,
      body: GOOD_POLICY.replace("*.mail.test", "mx.elsewhere.test"),
    };
    delete servers.zone["_smtp._tls.mail.test"];
    servers.zone["_25._tcp.mx.mail.test"] = {
      tlsa: [{ usage: 3, selector: 1, matching: 1, data: "00".repeat(32) }],
      signed: true,
    };
    const outcome = await verifyService(deps("2026-12-03"), "mail-test");
    expect(outcome).toMatchObject({ domainFindings: 4, verifiedAgain: 1, changed: 3 });
    expect(await values("mail-test")).toEqual({
      "mx-starttls": "yes",
      "mta-sts": "partial",
      "tls-rpt": "no",
      dane: "no",
    });
    const claims = await currentClaims("mail-test");
    expect(claims["mta-sts"]?.note).toMatch(/not covered: mx\.mail\.test/);
    expect(claims.dane?.note).toMatch(/does not match/);
  });

  it("records an MX without STARTTLS as no, TLS-RPT and DANE present again as yes", async () => {
    servers.smtp["mx.mail.test"] = "plain";
    servers.policies["mta-sts.mail.test"] = { status: 200, body: GOOD_POLICY };
    servers.zone["_smtp._tls.mail.test"] = { txt: ["v=TLSRPTv1; rua=mailto:tls@mail.test"], signed: true };
    delete servers.zone["_25._tcp.mx.mail.test"];
    const outcome = await verifyService(deps("2026-12-04"), "mail-test");
    expect(outcome.domainCheck).toBe("checked");
    // no TLSA record at all is "no DANE"
    expect(await values("mail-test")).toEqual({ "mx-starttls": "no", "mta-sts": "yes", "tls-rpt": "yes", dane: "no" });
    servers.smtp["mx.mail.test"] = "starttls";
  });

  it("says nothing about STARTTLS or DANE when port 25 cannot be reached, never no", async () => {
    const outcome = await verifyService(deps("2026-12-01"), "blocked-test");
    expect(outcome).toMatchObject({ domainCheck: "checked", domainFindings: 2, changed: 2 });
    // the TLSA record is there and signed, but with no certificate to match it says nothing
    expect(await values("blocked-test")).toEqual({ "mta-sts": "yes", "tls-rpt": "no" });
  });

  it("says nothing about STARTTLS or DANE with MX_PORT25=off, and dials no MX host", async () => {
    limited.length = 0;
    // a TLSA record to match (with none at all, DANE is "no" without dialling anything)
    servers.zone["_25._tcp.mx.mail.test"] = zone(servers.mxPair)["_25._tcp.mx.mail.test"]!;
    const before = await values("mail-test");
    const outcome = await verifyService(deps("2026-12-05", { port25: false }), "mail-test");
    expect(outcome).toMatchObject({ domainCheck: "checked", domainFindings: 2 });
    expect(limited).not.toContain("mx.mail.test");
    // the earlier claims stay current; only MTA-STS and TLS-RPT were verified again
    expect(await values("mail-test")).toEqual(before);
    expect(await db.claimVerification.count({ where: { day: "2026-12-05" } })).toBe(2);
  });

  it("skips a service without a mail domain, and one where the check is not configured", async () => {
    expect(await verifyService(deps("2026-12-01"), "no-domain")).toMatchObject({
      domainCheck: "no-domain",
      domainFindings: 0,
    });
    const { domain: _omitted, ...withoutDomain } = deps("2026-12-06");
    expect(await verifyService(withoutDomain, "mail-test")).toMatchObject({
      domainCheck: "not-configured",
      domainFindings: 0,
    });
  });

  it("records nothing and does not fail the job when the DNS server does not answer", async () => {
    const before = await db.claim.count();
    const silent = createMxResolver({ server: { host: LOOPBACK, port: servers.closedPort }, timeoutMs: 200 });
    const outcome = await verifyService(deps("2026-12-07", { resolver: silent }), "mail-test");
    expect(outcome).toMatchObject({ domainCheck: "checked", domainFindings: 0, changed: 0 });
    expect(await db.claim.count()).toBe(before);
  });
});
