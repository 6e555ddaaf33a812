import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/db";
import { loadCatalogueData } from "@/lib/seed/load-data";
import { planCatalogue } from "@/lib/seed/build-catalogue";
import { writeCatalogueData } from "@/lib/seed/write-data";
import { main as seedMain } from "@/prisma/seed";
import { captureConsole } from "../helpers/console";
import { createTempDatabase, REPO_ROOT, seedReviewedData } from "../helpers/temp-db";
import { copyOfRealData, editJson } from "./data-fixtures";

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  vi.restoreAllMocks();
  while (cleanups.length) await cleanups.pop()?.();
});

// A migrated empty database and a client on it, both gone after the test.
function tempDb(): { file: string; url: string; db: PrismaClient } {
  const temp = createTempDatabase();
  const db = createPrismaClient(temp.url);
  cleanups.push(temp.cleanup, () => db.$disconnect());
  return { file: temp.file, url: temp.url, db };
}

// Every row of every table, to compare a database before and after a failed seed.
function snapshot(file: string): Record<string, unknown[]> {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db
      .prepare(
        `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '\\_%' ESCAPE '\\' AND name NOT LIKE 'sqlite%'`,
      )
      .all() as { name: string }[];
    return Object.fromEntries(tables.map(({ name }) => [name, db.prepare(`SELECT * FROM "${name}" ORDER BY 1`).all()]));
  } finally {
    db.close();
  }
}

describe("seeding", () => {
  it("is idempotent: a second run leaves the same catalogue", async () => {
    const { file, db } = tempDb();
    await seedReviewedData(db);
    const first = snapshot(file);
    await seedReviewedData(db);
    const second = snapshot(file);
    const withoutIds = (rows: unknown[]) => rows.map((r) => ({ ...(r as object), id: undefined }));
    expect(withoutIds(second.Claim!)).toEqual(withoutIds(first.Claim!));
    expect(second.Service).toEqual(first.Service);
    expect(second.Service).toHaveLength(9);
    expect(second.MailClient).toHaveLength(4);
  });

  it("marks the 2006 claims current and counts supported properties", async () => {
    const { db } = tempDb();
    await seedReviewedData(db);
    const cpi = await db.service.findUniqueOrThrow({
      where: { slug: "cpi" },
      include: { claims: { include: { property: true } } },
    });
    expect(cpi.supportCount).toBe(2);
    expect(
      cpi.claims
        .filter((c) => c.isCurrent)
        .map((c) => c.property.key)
        .sort(),
    ).toEqual(["pop3s", "smtps"]);
  });

  it("a bad file exits non-zero naming file, record and field, and changes nothing", async () => {
    const { file, url, db } = tempDb();
    await seedReviewedData(db);
    const before = snapshot(file);

    const dir = copyOfRealData();
    editJson(dir, "companies.json", (json) => {
      json[0].services[0].name = "Renamed in a bad file";
      json[7].services[0].claims[0].value = "sure";
    });
    const output = captureConsole();
    expect(await seedMain([dir], { openDb: () => createPrismaClient(url) })).toBe(1);
    expect(output.stderr()).toContain('companies.json: record #8 "smileserver", field services[0].claims[0].value');
    expect(output.stderr()).toContain("the database was not changed");
    expect(snapshot(file)).toEqual(before);
  });

  it("rolls back everything when a write fails half-way", async () => {
    const { file, db } = tempDb();
    await seedReviewedData(db);
    const before = snapshot(file);
    const data = await loadCatalogueData(path.join(REPO_ROOT, "data"));
    data.companies[0]!.services[0]!.name = "Written before the failure";
    // Slipping past validation on purpose: the last client's claim names a property that the
    // transaction cannot resolve, after every service has already been written.
    data.clients.at(-1)!.claims[0]!.property = "not-a-property";
    await expect(writeCatalogueData(db, planCatalogue(data))).rejects.toThrow();
    expect(snapshot(file)).toEqual(before);
  });

  it("keeps evidence from other sources when re-seeding", async () => {
    const { db } = tempDb();
    await seedReviewedData(db);
    const [cpi, imaps] = await Promise.all([
      db.service.findUniqueOrThrow({ where: { slug: "cpi" } }),
      db.property.findUniqueOrThrow({ where: { key: "imaps" } }),
    ]);
    const probe = await db.source.create({ data: { key: "probe-test", kind: "probe", title: "Probe" } });
    await db.claim.create({
      data: { serviceId: cpi.id, propertyId: imaps.id, sourceId: probe.id, value: "yes", asOf: "2026-11-27" },
    });
    await seedReviewedData(db);
    const kept = await db.claim.findMany({ where: { sourceId: probe.id } });
    expect(kept).toHaveLength(1);
    expect(kept[0]?.isCurrent).toBe(true);
  });
});
