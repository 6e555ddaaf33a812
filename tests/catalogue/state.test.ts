import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/db";
import { refreshCurrentClaims } from "@/lib/catalogue/current-claims";
import { DETAIL_ONLY_PROPERTIES } from "@/lib/catalogue/property-groups";
import { EMPTY_VERSION, readCatalogueVersion } from "@/lib/catalogue/state";
import { propertyBits } from "@/lib/catalogue/support-bits";
import { createSeededDatabase, createTempDatabase, seedReviewedData } from "../helpers/temp-db";

describe("the catalogue's version", () => {
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

  it("stays the same when a writer changes nothing the catalogue shows, even with new row ids", async () => {
    const before = await readCatalogueVersion(db);
    expect(before).not.toBe(EMPTY_VERSION);
    expect(await refreshCurrentClaims(db)).toEqual({ version: before, changed: false });
    // seeding the same files again deletes and re-creates rows
    await seedReviewedData(db);
    expect(await readCatalogueVersion(db)).toBe(before);
  });

  it("changes with a current claim's value and with a service's name", async () => {
    const before = await readCatalogueVersion(db);
    const claim = await db.claim.findFirstOrThrow({
      where: { isCurrent: true, value: "yes", serviceId: { not: null } },
    });
    await db.claim.update({ where: { id: claim.id }, data: { value: "no" } });
    const afterClaim = await refreshCurrentClaims(db);
    expect(afterClaim.changed).toBe(true);
    expect(afterClaim.version).not.toBe(before);
    expect(await readCatalogueVersion(db)).toBe(afterClaim.version);

    await db.service.update({ where: { slug: "cpi" }, data: { name: "CPI (renamed for a test)" } });
    expect((await refreshCurrentClaims(db)).version).not.toBe(afterClaim.version);
  });

  it("refreshes only the named services when scoped, with the same result for them as a whole refresh", async () => {
    const [a, b] = await db.service.findMany({
      where: { claims: { some: { isCurrent: true, value: "yes" } } },
      select: { id: true },
      orderBy: { id: "asc" },
      take: 2,
    });
    const yesOf = (serviceId: number) =>
      db.claim.findFirstOrThrow({ where: { serviceId, isCurrent: true, value: "yes" }, include: { source: true } });
    const summary = (id: number) =>
      db.service.findUniqueOrThrow({ where: { id }, select: { supportCount: true, supportBits: true } });
    const [claimA, claimB, beforeB] = await Promise.all([yesOf(a!.id), yesOf(b!.id), summary(b!.id)]);
    // a newer "no" from the same source for each service
    for (const c of [claimA, claimB]) {
      await db.claim.create({
        data: {
          serviceId: c.serviceId,
          propertyId: c.propertyId,
          sourceId: c.sourceId,
          value: "no",
          asOf: "2026-12-01",
          verifiedOn: "2026-12-01",
        },
      });
    }
    const before = await readCatalogueVersion(db);
    const scoped = await refreshCurrentClaims(db, { serviceIds: [a!.id] });
    expect(scoped.changed).toBe(true);
    expect(scoped.version).not.toBe(before);
    // A's summary follows its new claim; B's, outside the scope, is as it was
    expect((await summary(a!.id)).supportCount).toBe(
      await db.claim.count({ where: { serviceId: a!.id, isCurrent: true, value: "yes" } }),
    );
    expect(await summary(b!.id)).toEqual(beforeB);
    // a whole refresh afterwards changes A's rows no further
    const aRows = await db.claim.findMany({ where: { serviceId: a!.id }, select: { id: true, isCurrent: true } });
    await refreshCurrentClaims(db);
    expect(await db.claim.findMany({ where: { serviceId: a!.id }, select: { id: true, isCurrent: true } })).toEqual(
      aRows,
    );
    expect((await summary(b!.id)).supportCount).toBe(beforeB.supportCount - 1);
  });

  it("keeps each service's support bits equal to its current yes claims, its count to the table's", async () => {
    const bits = propertyBits(await db.property.findMany({ select: { id: true, key: true, position: true } }));
    const services = await db.service.findMany({
      select: {
        slug: true,
        supportBits: true,
        supportCount: true,
        claims: { where: { isCurrent: true, value: "yes" }, select: { property: { select: { key: true } } } },
      },
    });
    for (const s of services) {
      const expected = s.claims.reduce((mask, c) => mask | (1 << bits.get(c.property.key)!.bit), 0);
      expect({ slug: s.slug, bits: s.supportBits, count: s.supportCount }).toEqual({
        slug: s.slug,
        bits: expected,
        // oauth2 and app-password filter but are no table column, and count towards no row
        count: s.claims.filter((c) => !DETAIL_ONLY_PROPERTIES.has(c.property.key)).length,
      });
    }
  });
});

describe("an empty database", () => {
  it("reads as the empty version until a writer runs", async () => {
    const temp = createTempDatabase();
    const db = createPrismaClient(temp.url);
    try {
      expect(await readCatalogueVersion(db)).toBe(EMPTY_VERSION);
      const { version } = await refreshCurrentClaims(db);
      expect(await readCatalogueVersion(db)).toBe(version);
    } finally {
      await db.$disconnect();
      temp.cleanup();
    }
  });
});
