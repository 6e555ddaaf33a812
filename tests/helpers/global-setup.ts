import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { deployMigrations } from "@/prisma/deploy";

declare module "vitest" {
  export interface ProvidedContext {
    // a SQLite file with every committed migration applied; copy it, never write to it
    migratedTemplate: string;
  }
}

// Migrating loads the wasm schema engine (about a second), so it is done once per run, with the
// project's own migration code, and every test database starts as a copy of the result.
export default async function setup(project: TestProject): Promise<() => void> {
  const dir = mkdtempSync(path.join(tmpdir(), "msc-template-"));
  const file = path.join(dir, "template.db");
  await deployMigrations(file);
  project.provide("migratedTemplate", file);
  return () => rmSync(dir, { recursive: true, force: true });
}
