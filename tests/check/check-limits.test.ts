import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createCheckLimits, parseCheckLimits, targetKey, type CheckLimitSettings } from "@/lib/check/check-limits";
import { parseHits } from "@/lib/check/rate-limit";
import { createPrismaClient, type PrismaClient } from "@/lib/db";
import { clientLimitKey, parseTrustedProxies, resolveClientAddress } from "@/lib/http/client-address";
import { createTempDatabase } from "../helpers/temp-db";

const NO_PROXIES = parseTrustedProxies("");
const LOOPBACK_PROXY = parseTrustedProxies("127.0.0.1, ::1");

// The limits as every app process keeps them: in the database (on PostgreSQL too when the run's
// DATABASE_URL names a server). Two processes: tests/check/shared-limits.integration.test.ts.
describe("the check's limits", () => {
  const settings = parseCheckLimits({});
  const manyPerDomain: CheckLimitSettings = { ...settings, domain: { limit: 100, windowMs: 600_000 } };
  let db: PrismaClient;
  let cleanup: () => void;

  beforeAll(() => {
    const temp = createTempDatabase();
    cleanup = temp.cleanup;
    db = createPrismaClient(temp.url);
  });
  afterAll(async () => {
    await db.$disconnect();
    cleanup();
  });
  beforeEach(async () => {
    await db.checkLimitBucket.deleteMany();
  });

  it("count twelve requests with twelve X-Forwarded-For values from an untrusted peer as one client", async () => {
    const limits = createCheckLimits(db, manyPerDomain);
    const decisions = [];
    for (let i = 0; i < 12; i++) {
      const client = clientLimitKey(resolveClientAddress("203.0.113.7", `198.51.100.${i + 1}`, NO_PROXIES));
      decisions.push(await limits.hit({ client, domain: `example${i}.jp` }));
    }
    expect(decisions.filter((d) => d.allowed)).toHaveLength(5);
    expect(decisions.at(-1)).toMatchObject({ allowed: false, scope: "client" });
  });

  it("honour a trusted proxy's X-Forwarded-For: twelve clients behind it are twelve clients", async () => {
    const limits = createCheckLimits(db, { ...manyPerDomain, global: { limit: 100, windowMs: 60_000 } });
    const decisions = [];
    for (let i = 0; i < 12; i++) {
      const client = clientLimitKey(resolveClientAddress("127.0.0.1", `198.51.100.${i + 1}`, LOOPBACK_PROXY));
      decisions.push(await limits.hit({ client, domain: `example${i}.jp` }));
    }
    expect(decisions.every((d) => d.allowed)).toBe(true);
  });

  it("limit checks of one target, however many clients ask, subdomains included", async () => {
    let now = 1_000_000;
    const limits = createCheckLimits(db, settings, () => now);
    const domains = ["victim.example.co.jp", "a.victim.example.co.jp", "MAIL.victim.example.co.jp."];
    const decisions = [];
    for (let i = 0; i < 8; i++)
      decisions.push(await limits.hit({ client: `198.51.100.${i}`, domain: domains[i % 3]! }));
    expect(decisions.filter((d) => d.allowed)).toHaveLength(settings.domain.limit);
    expect(decisions.at(-1)).toMatchObject({ allowed: false, scope: "domain", retryAfterMs: settings.domain.windowMs });
    expect((await limits.hit({ client: "198.51.100.99", domain: "other.example.jp" })).allowed).toBe(true);
    now += settings.domain.windowMs;
    expect((await limits.hit({ client: "198.51.100.100", domain: "victim.example.co.jp" })).allowed).toBe(true);
    expect(targetKey("mail.example.co.jp")).toBe("example.co.jp");
  });

  it("cap checks for the whole site, and a refused check uses no allowance", async () => {
    let now = 1_000_000;
    const limits = createCheckLimits(db, { ...settings, global: { limit: 3, windowMs: 60_000 } }, () => now);
    expect((await limits.hit({ client: "a", domain: "one.jp" })).allowed).toBe(true);
    expect((await limits.hit({ client: "b", domain: "two.jp" })).allowed).toBe(true);
    now += 1000;
    expect((await limits.hit({ client: "c", domain: "three.jp" })).allowed).toBe(true);
    expect(await limits.hit({ client: "d", domain: "four.jp" })).toEqual({
      allowed: false,
      scope: "global",
      retryAfterMs: 59_000,
    });
    const hitsOf = async (scope: string, key: string) =>
      parseHits((await db.checkLimitBucket.findUnique({ where: { scope_key: { scope, key } } }))?.hits ?? "");
    // client d and four.jp were refused globally, so their own allowances are untouched
    expect(await hitsOf("client", "d")).toEqual([]);
    expect(await hitsOf("domain", "four.jp")).toEqual([]);
    expect(await hitsOf("global", "all")).toHaveLength(3);
    now += 60_000;
    expect((await limits.hit({ client: "d", domain: "four.jp" })).allowed).toBe(true);
    expect(await hitsOf("client", "d")).toEqual([now]);
  });

  it("let exactly the limit through when the hits arrive at the same instant", async () => {
    const limits = createCheckLimits(db, { ...manyPerDomain, global: { limit: 7, windowMs: 60_000 } });
    const oneClient = await Promise.all(
      Array.from({ length: 20 }, (_, i) => limits.hit({ client: "203.0.113.7", domain: `a${i}.example.jp` })),
    );
    expect(oneClient.filter((d) => d.allowed)).toHaveLength(5);
    const manyClients = await Promise.all(
      Array.from({ length: 20 }, (_, i) => limits.hit({ client: `198.51.100.${i}`, domain: `b${i}.example.jp` })),
    );
    // five of the seven global slots are gone already
    expect(manyClients.filter((d) => d.allowed)).toHaveLength(2);
    expect(manyClients.filter((d) => !d.allowed).every((d) => !d.allowed && d.scope === "global")).toBe(true);
  });

  it("delete windows that have passed, and only those", async () => {
    let now = 1_000_000;
    const limits = createCheckLimits(db, settings, () => now);
    await limits.hit({ client: "old", domain: "old.example.jp" });
    now += settings.domain.windowMs + 1;
    // the first allowed hit of this limiter prunes (the one above found nothing to delete)
    const fresh = createCheckLimits(db, settings, () => now);
    await fresh.hit({ client: "new", domain: "new.example.jp" });
    const rows = await db.checkLimitBucket.findMany({ orderBy: [{ scope: "asc" }, { key: "asc" }] });
    expect(rows.map((r) => `${r.scope}:${r.key}`)).toEqual(["client:new", "domain:example.jp", "global:all"]);
  });

  it("read their settings from a validated environment", () => {
    expect(parseCheckLimits({ CHECK_LIMIT_PER_DOMAIN: "12" }).domain.limit).toBe(12);
    expect(() => parseCheckLimits({ CHECK_LIMIT_GLOBAL: "0" })).toThrow(/CHECK_LIMIT_GLOBAL/);
  });
});
