import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { inject } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/db";
import { loadCatalogueData } from "@/lib/seed/load-data";
import { planCatalogue } from "@/lib/seed/build-catalogue";
import { writeCatalogueData } from "@/lib/seed/write-data";

export const REPO_ROOT = path.resolve(import.meta.dirname, "../..");

export type TempDatabase = { url: string; file: string; cleanup: () => void };

function copyOf(template: string): TempDatabase {
  const dir = mkdtempSync(path.join(tmpdir(), "msc-db-"));
  const file = path.join(dir, "test.db");
  copyFileSync(template, file);
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
