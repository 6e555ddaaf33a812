import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { inject } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/db";
import { loadCatalogueData } from "@/lib/seed/load-data";
import { planCatalogue } from "@/lib/seed/build-catalogue";
import { writeCatalogueData } from "@/lib/seed/write-data";
import { copyDatabase, databaseName, isPostgresUrl, withDatabase } from "./postgres";

export const REPO_ROOT = path.resolve(import.meta.dirname, "../..");

// `file` is the SQLite file; on PostgreSQL it is the database's name.
export type TempDatabase = { url: string; file: string; cleanup: () => void };

// Named after the template, so the run's teardown (global-setup.ts) drops whatever a test left.
const postgresPrefix = (templateUrl: string) => databaseName(templateUrl).replace(/template$/, "");

function copyOf(template: string): TempDatabase {
  if (isPostgresUrl(template)) {
    const { url, drop } = copyDatabase(template, postgresPrefix(template));
    return { url, file: databaseName(url), cleanup: drop };
  }
  const dir = mkdtempSync(path.join(tmpdir(), "msc-db-"));
  const file = path.join(dir, "test.db");
  copyFileSync(template, file);
  return { url: `file:${file}`, file, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

// A database with no tables at all, as a fresh DATABASE_URL is before npm run db:migrate: on
// SQLite a file that does not exist yet, on PostgreSQL a database made from template0.
export function createBlankDatabase(): TempDatabase {
  const template = inject("migratedTemplate");
  if (isPostgresUrl(template)) {
    const { url, drop } = copyDatabase(withDatabase(template, "template0"), postgresPrefix(template));
    return { url, file: databaseName(url), cleanup: drop };
  }
  const dir = mkdtempSync(path.join(tmpdir(), "msc-db-"));
  const file = path.join(dir, "blank.db");
  return { url: `file:${file}`, file, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

// A fresh, migrated, empty database of its own for one test (see global-setup.ts).
export function createTempDatabase(): TempDatabase {
  return copyOf(inject("migratedTemplate"));
}

// The catalogue in data/ (reviewed files, documentation, dataset snapshots, editorial
// decisions), written as npm run db:seed writes it.
export async function seedReviewedData(db: PrismaClient): Promise<void> {
  await writeCatalogueData(db, planCatalogue(await loadCatalogueData(path.join(REPO_ROOT, "data"))));
}

// Seeding the whole catalogue costs seconds of CPU, so each test worker seeds once and every
// test that starts from the seeded catalogue gets a copy of that file. The file sits in the
// migrated template's folder, which global-setup.ts removes at the end of the run.
let seededTemplate: Promise<string> | undefined;

async function seedTemplate(): Promise<string> {
  const template = inject("migratedTemplate");
  if (isPostgresUrl(template)) {
    // CREATE DATABASE … TEMPLATE needs the seeded database to have no connections left.
    const { url } = copyDatabase(template, `${postgresPrefix(template)}seeded_`);
    const db = createPrismaClient(url);
    try {
      await seedReviewedData(db);
    } finally {
      await db.$disconnect();
    }
    return url;
  }
  const file = path.join(mkdtempSync(path.join(path.dirname(inject("migratedTemplate")), "seeded-")), "seeded.db");
  copyFileSync(inject("migratedTemplate"), file);
  const db = createPrismaClient(`file:${file}`);
  try {
    await seedReviewedData(db);
  } finally {
    await db.$disconnect();
  }
  return file;
}

// A database of its own holding what npm run db:seed writes from data/.
export async function createSeededDatabase(): Promise<TempDatabase> {
  seededTemplate ??= seedTemplate();
  return copyOf(await seededTemplate);
}
