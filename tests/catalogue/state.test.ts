import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/db";
import { refreshCurrentClaims } from "@/lib/catalogue/current-claims";
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

  it("keeps each service's support bits equal to its current yes claims", async () => {
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
        count: s.claims.length,
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
