import { execFileSync } from "node:child_process";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db";
import { loadCatalogueData } from "@/lib/seed/load-data";
import { writeCatalogueData } from "@/lib/seed/write-data";
import { createTempDatabase, REPO_ROOT } from "../helpers/temp-db";
import { copyOfRealData, editJson } from "./data-fixtures";

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});

function tempDb() {
  const db = createTempDatabase();
  cleanups.push(db.cleanup);
  return db;
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

function runSeed(url: string, dataDir?: string) {
  try {
    const stdout = execFileSync("npx", ["tsx", "prisma/seed.ts", ...(dataDir ? [dataDir] : [])], {
      cwd: REPO_ROOT,
      env: { ...process.env, DATABASE_URL: url },
      stdio: "pipe",
      encoding: "utf8",
    });
    return { code: 0, stdout, stderr: "" };
  } catch (error) {
    const e = error as { status: number; stdout: string; stderr: string };
    return { code: e.status, stdout: e.stdout, stderr: e.stderr };
  }
}

describe("seeding", () => {
  it("is idempotent: a second run leaves the same catalogue", async () => {
    const { url, file } = tempDb();
    expect(runSeed(url).code).toBe(0);
    const first = snapshot(file);
    expect(runSeed(url).code).toBe(0);
    const second = snapshot(file);
    const withoutIds = (rows: unknown[]) => rows.map((r) => ({ ...(r as object), id: undefined }));
    expect(withoutIds(second.Claim!)).toEqual(withoutIds(first.Claim!));
    expect(second.Service).toEqual(first.Service);
    expect(second.Service).toHaveLength(9);
    expect(second.MailClient).toHaveLength(4);
  });

  it("marks the 2006 claims current and counts supported properties", async () => {
    const { url } = tempDb();
    const db = createPrismaClient(url);
    try {
      await writeCatalogueData(db, await loadCatalogueData(path.join(REPO_ROOT, "data")));
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
    } finally {
      await db.$disconnect();
    }
  });

  it("a bad file exits non-zero naming file, record and field, and changes nothing", async () => {
    const { url, file } = tempDb();
    expect(runSeed(url).code).toBe(0);
    const before = snapshot(file);

    const dir = copyOfRealData();
    editJson(dir, "providers.json", (json) => {
      json[0].services[0].name = "Renamed in a bad file";
      json[7].services[0].claims[0].value = "sure";
    });
    const result = runSeed(url, dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('providers.json: record #8 "smileserver", field services[0].claims[0].value');
    expect(result.stderr).toContain("the database was not changed");
    expect(snapshot(file)).toEqual(before);
  });

  it("rolls back everything when a write fails half-way", async () => {
    const { url, file } = tempDb();
    expect(runSeed(url).code).toBe(0);
    const before = snapshot(file);
    const data = await loadCatalogueData(path.join(REPO_ROOT, "data"));
    data.companies[0]!.services[0]!.name = "Written before the failure";
    // Slipping past validation on purpose: the last client's claim names a property that the
    // transaction cannot resolve, after every service has already been written.
    data.clients.at(-1)!.claims[0]!.property = "not-a-property";
    const db = createPrismaClient(url);
    try {
      await expect(writeCatalogueData(db, data)).rejects.toThrow();
    } finally {
      await db.$disconnect();
    }
    expect(snapshot(file)).toEqual(before);
  });

  it("keeps evidence from other sources when re-seeding", async () => {
    const { url } = tempDb();
    expect(runSeed(url).code).toBe(0);
    const db = createPrismaClient(url);
    try {
      const [cpi, imaps] = await Promise.all([
        db.service.findUniqueOrThrow({ where: { slug: "cpi" } }),
        db.property.findUniqueOrThrow({ where: { key: "imaps" } }),
      ]);
      const probe = await db.source.create({ data: { key: "probe-test", kind: "probe", title: "Probe" } });
      await db.claim.create({
        data: { serviceId: cpi.id, propertyId: imaps.id, sourceId: probe.id, value: "yes", asOf: "2026-11-27" },
      });
      expect(runSeed(url).code).toBe(0);
      const kept = await db.claim.findMany({ where: { sourceId: probe.id } });
      expect(kept).toHaveLength(1);
      expect(kept[0]?.isCurrent).toBe(true);
    } finally {
      await db.$disconnect();
    }
  });
});
