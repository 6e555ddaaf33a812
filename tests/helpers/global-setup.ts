import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { deployMigrations, deployPostgresMigrations } from "@/prisma/deploy";
import { dropDatabasesStartingWith, isPostgresUrl, psql, withDatabase } from "./postgres";

declare module "vitest" {
  export interface ProvidedContext {
    // a SQLite file, or a PostgreSQL database's URL, with every committed migration applied;
    // copy it, never write to it
    migratedTemplate: string;
  }
}

// Vitest calls this once per project (root, unit, integration) in one process. They share one
// template: migrating loads the wasm schema engine, which is a per-process singleton that must
// not run twice at once, and takes about a second.
const shared = globalThis as { migratedTemplateDir?: Promise<string>; postgresTemplate?: Promise<string> };

// With DATABASE_URL=postgresql://… the tests run on that server instead, in databases named
// msc_test_<pid>_…, all dropped at the end (the database the URL names is not touched).
const postgresServer = isPostgresUrl(process.env.DATABASE_URL ?? "") ? process.env.DATABASE_URL : undefined;
export const TEST_DATABASE_PREFIX = `msc_test_${process.pid}_`;

async function migratePostgresTemplate(server: string): Promise<string> {
  const name = `${TEST_DATABASE_PREFIX}template`;
  psql(server, `CREATE DATABASE "${name}"`);
  const url = withDatabase(server, name);
  await deployPostgresMigrations(url);
  return url;
}

async function migrateTemplate(): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), "msc-template-"));
  await deployMigrations(path.join(dir, "template.db"));
  return dir;
}

// Every test database starts as a copy of the result (tests/helpers/temp-db.ts), made with the
// project's own migration code.
export default async function setup(project: TestProject): Promise<() => void> {
  if (postgresServer !== undefined) {
    shared.postgresTemplate ??= migratePostgresTemplate(postgresServer);
    project.provide("migratedTemplate", await shared.postgresTemplate);
    return () => dropDatabasesStartingWith(postgresServer, TEST_DATABASE_PREFIX);
  }
  shared.migratedTemplateDir ??= migrateTemplate();
  const dir = await shared.migratedTemplateDir;
  project.provide("migratedTemplate", path.join(dir, "template.db"));
  return () => rmSync(dir, { recursive: true, force: true });
}
