import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { inject } from "vitest";
import type { PrismaClient } from "@/lib/db";
import { loadCatalogueData } from "@/lib/seed/load-data";
import { planCatalogue } from "@/lib/seed/build-catalogue";
import { writeCatalogueData } from "@/lib/seed/write-data";

export const REPO_ROOT = path.resolve(import.meta.dirname, "../..");

// A fresh, migrated, empty database of its own for one test (see global-setup.ts).
export function createTempDatabase(): { url: string; file: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), "msc-db-"));
  const file = path.join(dir, "test.db");
  copyFileSync(inject("migratedTemplate"), file);
  return { url: `file:${file}`, file, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

// The reviewed catalogue in data/, written as npm run db:seed writes it.
export async function seedReviewedData(db: PrismaClient): Promise<void> {
  await writeCatalogueData(db, planCatalogue(await loadCatalogueData(path.join(REPO_ROOT, "data"))));
}
