import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/db";
import { countsTowardsSupport } from "@/lib/catalogue/property-groups";
import { fillSynthetic } from "@/lib/synthetic/fill";
import { createSeededDatabase, createTempDatabase, REPO_ROOT, type TempDatabase } from "../helpers/temp-db";
import { main } from "@/scripts/db-fill-synthetic";
import properties from "@/data/properties.json";

const open: Array<{ temp: TempDatabase; db: PrismaClient }> = [];
afterEach(async () => {
  for (const { temp, db } of open.splice(0)) {
    await db.$disconnect();
    temp.cleanup();
  }
});

function track(temp: TempDatabase) {
  const db = createPrismaClient(temp.url);
  open.push({ temp, db });
  return db;
}

const DATA = path.join(REPO_ROOT, "data");

async function syntheticRows(db: PrismaClient) {
  return db.service.findMany({
    where: { slug: { startsWith: "synthetic-" } },
    orderBy: { slug: "asc" },
    select: {
      slug: true,
      name: true,
      nameEn: true,
      kana: true,
      segment: true,
      kind: true,
      status: true,
      supportCount: true,
      newestEvidence: true,
      formerNames: { select: { name: true, until: true } },
      claims: {
        select: { value: true, asOf: true, isCurrent: true, property: { select: { key: true, category: true } } },
      },
    },
  });
}

describe("fillSynthetic", () => {
  it("adds its services beside the reviewed catalogue and leaves the reviewed rows alone", async () => {
    const db = track(await createSeededDatabase());
    const reviewed = await db.service.count();
    const reviewedCurrent = await db.claim.count({ where: { isCurrent: true } });
    // one claim per service property, whatever data/properties.json holds
    const serviceProperties = await db.property.count({ where: { appliesTo: { not: "client" } } });
    expect(serviceProperties).toBe(properties.filter((p) => p.appliesTo !== "client").length);
    await fillSynthetic(db, { services: 30, dataDir: DATA });
    await fillSynthetic(db, { services: 30, dataDir: DATA });
    expect(await db.service.count()).toBe(reviewed + 30);
    expect(await db.claim.count({ where: { isCurrent: true } })).toBe(reviewedCurrent + 30 * serviceProperties);
  });

  it("writes the same rows for the same count, with the mix the catalogue shows", async () => {
    const a = track(createTempDatabase());
    const b = track(createTempDatabase());
    await fillSynthetic(a, { services: 40, dataDir: DATA });
    await fillSynthetic(b, { services: 40, dataDir: DATA });
    const rows = await syntheticRows(a);
    expect(await syntheticRows(b)).toEqual(rows);

    expect(rows.some((r) => /[ぁ-んァ-ヶ一-龠]/.test(r.name))).toBe(true);
    expect(rows.some((r) => r.nameEn !== null)).toBe(true);
    expect(rows.some((r) => r.formerNames.length > 0)).toBe(true);
    expect(new Set(rows.map((r) => r.segment)).size).toBeGreaterThan(1);
    expect(new Set(rows.map((r) => r.kind)).size).toBeGreaterThan(3);
    const current = rows.flatMap((r) => r.claims.filter((c) => c.isCurrent));
    expect(new Set(current.map((c) => c.value))).toEqual(new Set(["yes", "no", "partial", "unknown"]));
    // an older claim is superseded by a newer one, never chosen over it
    expect(rows.some((r) => r.claims.some((c) => c.asOf === "2006" && !c.isCurrent))).toBe(true);
    for (const r of rows) {
      expect(r.supportCount).toBe(
        r.claims.filter((c) => c.isCurrent && c.value === "yes" && countsTowardsSupport(c.property)).length,
      );
    }
  });
});

describe("db:fill-synthetic arguments", () => {
  it.each([
    [[]],
    [["--services", "0"]],
    [["--services", "ten"]],
    [["--services", "2.5"]],
    [["--services", "5", "--extra"]],
  ])("answers %j with the usage and opens no database", async (args) => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const openDb = vi.fn();
    try {
      expect(await main(args, { openDb })).toBe(2);
      expect(error.mock.calls.join("\n")).toContain("Usage: npm run db:fill-synthetic -- --services N");
      expect(openDb).not.toHaveBeenCalled();
    } finally {
      error.mockRestore();
    }
  });
});
