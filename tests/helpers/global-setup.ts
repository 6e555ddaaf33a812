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

// Vitest calls this once per project (root, unit, integration) in one process. They share one
// template: migrating loads the wasm schema engine, which is a per-process singleton that must
// not run twice at once, and takes about a second.
const shared = globalThis as { migratedTemplateDir?: Promise<string> };

async function migrateTemplate(): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), "msc-template-"));
  await deployMigrations(path.join(dir, "template.db"));
  return dir;
}

// Every test database starts as a copy of the result (tests/helpers/temp-db.ts), made with the
// project's own migration code.
export default async function setup(project: TestProject): Promise<() => void> {
  shared.migratedTemplateDir ??= migrateTemplate();
  const dir = await shared.migratedTemplateDir;
  project.provide("migratedTemplate", path.join(dir, "template.db"));
  return () => rmSync(dir, { recursive: true, force: true });
}
