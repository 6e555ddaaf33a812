import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/db";
import { DEFAULT_FILTERS, parseCatalogueFilters, toQueryString, type CatalogueFilters } from "@/lib/catalogue/filters";
import { parseCompareParams } from "@/lib/catalogue/compare-params";
import { filterServices, readServiceIndex } from "@/lib/catalogue/service-index";
import { normalizeSearchText } from "@/lib/catalogue/search-text";
import { pageWindow } from "@/components/catalogue/pagination";
import { createSeededDatabase } from "../helpers/temp-db";

const KEYS = ["pop3s", "imaps", "smtps", "smtp-auth"];

describe("parseCatalogueFilters", () => {
  it("reads every filter from the query string", () => {
    const params = new URLSearchParams(
      "q=cpi&segment=business&kind=hosting&has=smtps&has=pop3s&sort=name&page=3&per=50",
    );
    expect(parseCatalogueFilters(params, KEYS)).toEqual({
      q: "cpi",
      segment: "business",
      kind: "hosting",
      has: ["pop3s", "smtps"],
      sort: "name",
      page: 3,
      per: 50,
    });
  });

  it("falls back to defaults for every bad value", () => {
    const bad = { q: "x".repeat(101), segment: "robots", has: ["nope", ""], sort: "drop table", page: "-1", per: "7" };
    expect(parseCatalogueFilters(bad, KEYS)).toEqual(DEFAULT_FILTERS);
    expect(parseCatalogueFilters({ page: "2.5" }, KEYS).page).toBe(1);
    expect(parseCatalogueFilters({ page: "1e9" }, KEYS).page).toBe(1);
    expect(parseCatalogueFilters({ page: ["4", "5"] }, KEYS).page).toBe(4);
  });

  it("accepts comma-separated and repeated properties, dropping duplicates and unknown keys", () => {
    expect(parseCatalogueFilters({ has: ["smtps,pop3s", "smtps", "bogus"] }, KEYS).has).toEqual(["pop3s", "smtps"]);
  });

  it("round-trips through the URL, leaving defaults out", () => {
    const filters: CatalogueFilters = {
      q: "スマイル",
      segment: "personal",
      kind: "hosting",
      has: ["imaps"],
      sort: "support",
      page: 2,
      per: 100,
    };
    const query = toQueryString(filters);
    expect(parseCatalogueFilters(new URLSearchParams(query.slice(1)), KEYS)).toEqual(filters);
    expect(toQueryString(DEFAULT_FILTERS)).toBe("");
    expect(toQueryString({ has: ["pop3s", "smtps"] })).toBe("?has=pop3s&has=smtps");
  });
});

describe("normalizeSearchText", () => {
  it("folds width and case so full-width, half-width and ASCII meet", () => {
    expect(normalizeSearchText("ＣＰＩ")).toBe("cpi");
    expect(normalizeSearchText("ｽﾏｲﾙｻｰﾊﾞ")).toBe("スマイルサーバ");
    expect(normalizeSearchText("  Drive   Network ")).toBe("drive network");
  });
});

describe("filtering the catalogue's index against the seeded database", () => {
  let db: PrismaClient;
  let cleanup: () => void;

  beforeAll(async () => {
    const temp = await createSeededDatabase();
    cleanup = temp.cleanup;
    db = createPrismaClient(temp.url);
  });
  afterAll(async () => {
    await db.$disconnect();
    cleanup();
  });

  const slugs = async (filters: Partial<CatalogueFilters>) => {
    const index = await readServiceIndex(db, "test");
    const slugById = new Map(
      (await db.service.findMany({ select: { id: true, slug: true } })).map((r) => [r.id, r.slug]),
    );
    return filterServices(index, { ...DEFAULT_FILTERS, ...filters }, "ja").map((r) => slugById.get(r.id));
  };

  // What a filter must find, read from the claims themselves: the services whose current claim
  // for each of the properties is "yes".
  const supporting = async (...keys: string[]) => {
    const rows = await db.claim.findMany({
      where: { isCurrent: true, value: "yes", serviceId: { not: null }, property: { key: { in: keys } } },
      select: { service: { select: { slug: true } } },
    });
    const count = new Map<string, number>();
    for (const r of rows) count.set(r.service!.slug, (count.get(r.service!.slug) ?? 0) + 1);
    return [...count].filter(([, n]) => n === keys.length).map(([slug]) => slug);
  };
  // the nine services of the 2006 page (data/companies.json), two of them for individuals
  const NINE_2006 = [
    "ablenet",
    "c3md",
    "cpi",
    "cs-server-personal",
    "cs-server-professional",
    "drive-network",
    "iclusta",
    "smileserver",
    "webdax-next-style",
  ];
  const PERSONAL_2006 = ["ablenet", "cs-server-personal"];

  it("POP over SSL and SMTP over SSL together list the services supporting both, the nine 2006 ones among them", async () => {
    const both = await slugs({ has: ["pop3s", "smtps"] });
    expect([...both].sort()).toEqual((await supporting("pop3s", "smtps")).sort());
    expect(both).toEqual(expect.arrayContaining(NINE_2006));
    // one property alone lists more: filters combine with AND
    expect((await slugs({ has: ["smtps"] })).length).toBeGreaterThan(both.length);
  });

  it("lists only a current yes: unknown, no and partial are not supported-by-default", async () => {
    // ABLENET's only source, the 2006 page, says nothing about IMAP
    const imaps = await slugs({ has: ["imaps"] });
    expect([...imaps].sort()).toEqual((await supporting("imaps")).sort());
    expect(imaps).not.toContain("ablenet");
    // Sakura's own page says no to POP before SMTP, Xserver's says partial
    const popBeforeSmtp = await slugs({ has: ["pop-before-smtp"] });
    expect(popBeforeSmtp).toContain("cpi");
    expect(popBeforeSmtp).not.toContain("sakura-rs");
    expect(popBeforeSmtp).not.toContain("xserver");
    // a property nobody has a claim for lists nothing
    const unclaimed = await db.property.create({
      data: {
        key: "filter-test-unclaimed",
        category: "auth",
        position: 999,
        labelJa: "未収録",
        labelEn: "Unclaimed",
        shortJa: "未収録",
        shortEn: "Unclaimed",
        appliesTo: "service",
      },
    });
    const { refreshCurrentClaims } = await import("@/lib/catalogue/current-claims");
    await refreshCurrentClaims(db);
    expect(await slugs({ has: [unclaimed.key] })).toEqual([]);
    expect(await slugs({ has: ["pop3s", unclaimed.key] })).toEqual([]);
    // a key that is no property at all lists nothing either
    expect(await slugs({ has: ["no-such-property"] })).toEqual([]);
  });

  it("filters on OAuth2 and on app password required, which have no table column", async () => {
    const oauth2 = await slugs({ has: ["oauth2"] });
    expect([...oauth2].sort()).toEqual((await supporting("oauth2")).sort());
    // ISPDB and FairEmail say OAuth2 for Gmail and Outlook.com; Microsoft's own page for Microsoft 365
    expect(oauth2).toEqual(expect.arrayContaining(["gmail", "outlook-com", "microsoft-365", "yandex"]));
    // MIT's ISPDB file names OAuth2 for IMAP only: partial, which a filter does not count
    expect(oauth2).not.toContain("mit");
    const appPassword = await slugs({ has: ["app-password"] });
    expect([...appPassword].sort()).toEqual((await supporting("app-password")).sort());
    expect(appPassword).toEqual(expect.arrayContaining(["gmail", "fastmail", "icloud"]));
    // no source states it for Outlook.com: unknown, so not listed (and not "no")
    expect(appPassword).not.toContain("outlook-com");
    const outlook = await db.claim.findMany({
      where: { service: { slug: "outlook-com" }, property: { key: "app-password" } },
    });
    expect(outlook).toEqual([]);
    const both = await slugs({ has: ["oauth2", "app-password"] });
    expect([...both].sort()).toEqual((await supporting("oauth2", "app-password")).sort());
    expect(both).toEqual(expect.arrayContaining(["gmail", "fastmail", "yahoo"]));
    expect(both.length).toBeLessThan(Math.min(oauth2.length, appPassword.length));
  });

  it("finds the renamed service by its former name, in any width", async () => {
    expect(await slugs({ q: "スマートコネクト" })).toEqual(["smileserver"]);
    expect(await slugs({ q: "ｽﾏｰﾄｺﾈｸﾄ" })).toEqual(["smileserver"]);
    expect(await slugs({ q: "SMILE" })).toEqual(["smileserver"]);
  });

  it("filters by segment and puts the editor's pick first by default", async () => {
    const personal = await slugs({ segment: "personal" });
    const business = await slugs({ segment: "business" });
    // the 2006 page's segments are kept in the merged catalogue
    expect(personal).toEqual(expect.arrayContaining(PERSONAL_2006));
    expect(business).toEqual(expect.arrayContaining(NINE_2006.filter((s) => !PERSONAL_2006.includes(s))));
    expect(personal.filter((s) => business.includes(s))).toEqual([]);
    const all = await slugs({});
    // a service no source places in a segment is listed under neither
    expect(personal.length + business.length).toBeLessThan(all.length);
    expect(all[0]).toBe("cpi");
    // by name, collated: case does not split the A names (SQLite's byte order put "ACTIVE 24"
    // and "AT&T" before "Ablenet")
    const byName = await slugs({ sort: "name" });
    expect(byName).toHaveLength(all.length);
    expect(byName.indexOf("ablenet")).toBeLessThan(byName.indexOf("aol"));
  });

  it("follows the newest claim when sources disagree", async () => {
    const cpi = await db.service.findUniqueOrThrow({ where: { slug: "cpi" } });
    const smtps = await db.property.findUniqueOrThrow({ where: { key: "smtps" } });
    const probe = await db.source.create({ data: { key: "probe-filter-test", kind: "probe", title: "Probe" } });
    await db.claim.create({
      data: { serviceId: cpi.id, propertyId: smtps.id, sourceId: probe.id, value: "no", asOf: "2026-11-27" },
    });
    const { refreshCurrentClaims } = await import("@/lib/catalogue/current-claims");
    await refreshCurrentClaims(db);
    expect(await slugs({ has: ["smtps"] })).not.toContain("cpi");
    expect(await slugs({ has: ["pop3s"] })).toContain("cpi");
  });
});

describe("parseCompareParams", () => {
  it("keeps up to four valid, distinct slugs", () => {
    expect(parseCompareParams({ s: ["cpi", "cpi", "ablenet"] })).toEqual({
      slugs: ["cpi", "ablenet"],
      truncated: false,
    });
    expect(parseCompareParams({ s: "a,b,c,d,e" })).toEqual({ slugs: ["a", "b", "c", "d"], truncated: true });
    expect(parseCompareParams({ s: ["../etc", "Bad Slug", "ok-1"] })).toEqual({ slugs: ["ok-1"], truncated: false });
    expect(parseCompareParams({})).toEqual({ slugs: [], truncated: false });
  });
});

describe("pageWindow", () => {
  it("shows the first, last and nearby pages", () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(1, 10)).toEqual([1, 2, 3, 10]);
    expect(pageWindow(6, 500)).toEqual([1, 4, 5, 6, 7, 8, 500]);
  });
});
