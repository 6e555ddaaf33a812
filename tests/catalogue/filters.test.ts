import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/db";
import {
  DEFAULT_FILTERS,
  parseCatalogueFilters,
  toCatalogueOrderBy,
  toCatalogueWhere,
  toQueryString,
  type CatalogueFilters,
} from "@/lib/catalogue/filters";
import { parseCompareParams } from "@/lib/catalogue/compare-params";
import { normalizeSearchText } from "@/lib/catalogue/search-text";
import { pageWindow } from "@/components/catalogue/pagination";
import { createTempDatabase, seedReviewedData } from "../helpers/temp-db";

const KEYS = ["pop3s", "imaps", "smtps", "smtp-auth"];

describe("parseCatalogueFilters", () => {
  it("reads every filter from the query string", () => {
    const params = new URLSearchParams("q=cpi&segment=business&has=smtps&has=pop3s&sort=name&page=3&per=50");
    expect(parseCatalogueFilters(params, KEYS)).toEqual({
      q: "cpi",
      segment: "business",
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

describe("toCatalogueWhere against the seeded database", () => {
  let db: PrismaClient;
  let cleanup: () => void;

  beforeAll(async () => {
    const temp = createTempDatabase();
    cleanup = temp.cleanup;
    db = createPrismaClient(temp.url);
    await seedReviewedData(db);
  });
  afterAll(async () => {
    await db.$disconnect();
    cleanup();
  });

  const slugs = async (filters: Partial<CatalogueFilters>) => {
    const f = { ...DEFAULT_FILTERS, ...filters };
    const ids = new Map((await db.property.findMany()).map((p) => [p.key, p.id]));
    const rows = await db.service.findMany({
      where: toCatalogueWhere(f, ids),
      orderBy: toCatalogueOrderBy(f.sort),
      select: { slug: true },
    });
    return rows.map((r) => r.slug);
  };

  it("POP over SSL and SMTP over SSL together list all nine source services", async () => {
    expect(await slugs({ has: ["pop3s", "smtps"] })).toHaveLength(9);
  });

  it("a property with no claims lists nothing: unknown is not supported-by-default", async () => {
    expect(await slugs({ has: ["imaps"] })).toEqual([]);
    expect(await slugs({ has: ["pop3s", "imaps"] })).toEqual([]);
  });

  it("finds the renamed service by its former name, in any width", async () => {
    expect(await slugs({ q: "スマートコネクト" })).toEqual(["smileserver"]);
    expect(await slugs({ q: "ｽﾏｰﾄｺﾈｸﾄ" })).toEqual(["smileserver"]);
    expect(await slugs({ q: "SMILE" })).toEqual(["smileserver"]);
  });

  it("filters by segment and puts the editor's pick first by default", async () => {
    expect((await slugs({ segment: "personal" })).sort()).toEqual(["ablenet", "cs-server-personal"]);
    expect(await slugs({ segment: "business" })).toHaveLength(7);
    expect((await slugs({}))[0]).toBe("cpi");
    const byName = await slugs({ sort: "name" });
    expect(byName[0]).toBe("Ablenet".toLowerCase());
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
