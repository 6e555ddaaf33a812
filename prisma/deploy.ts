// `migrate deploy` as a function: the CLI (prisma/migrate.ts) prints around it, and tests call
// it in-process to make their databases with the same engine and the same _prisma_migrations rows.
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { DatabaseProvider } from "@/lib/db-provider";
import {
  NO_FILTERS,
  readMigrationsList,
  withSchemaEngine,
  type MigrationList,
  type SchemaEngine,
} from "./schema-engine";

const PRISMA_DIR = path.dirname(fileURLToPath(import.meta.url));
export const SCHEMA_PATH = path.join(PRISMA_DIR, "schema.prisma");
export const MIGRATIONS_DIR = path.join(PRISMA_DIR, "migrations");

// One model source (schema.prisma), one schema and one migration history per database: a Prisma
// schema names one provider, and the SQL differs (decision 0010).
export const PRISMA_PATHS: Record<DatabaseProvider, { schema: string; migrations: string }> = {
  sqlite: { schema: SCHEMA_PATH, migrations: MIGRATIONS_DIR },
  postgresql: {
    schema: path.join(PRISMA_DIR, "postgres", "schema.prisma"),
    migrations: path.join(PRISMA_DIR, "postgres", "migrations"),
  },
};

/** Applies the pending migrations in order; returns the names applied. */
export async function applyPendingMigrations(engine: SchemaEngine, migrations: MigrationList): Promise<string[]> {
  const { appliedMigrationNames } = await engine
    .applyMigrations({ migrationsList: migrations, filters: NO_FILTERS })
    .catch((error: unknown) => {
      // The engine's message is only the SQL error, with no word of what was being done.
      throw new Error(`Applying the migrations in ${displayPath(migrations.baseDir)} failed`, { cause: error });
    });
  return appliedMigrationNames;
}

/** Creates the SQLite file (and its folder) if needed and applies the pending migrations to it. */
export async function deployMigrations(dbFile: string, migrations?: MigrationList): Promise<string[]> {
  const list = migrations ?? (await readMigrationsList(MIGRATIONS_DIR));
  await mkdir(path.dirname(dbFile), { recursive: true });
  return withSchemaEngine({ provider: "sqlite", schemaPath: SCHEMA_PATH, database: dbFile }, (engine) =>
    applyPendingMigrations(engine, list),
  );
}

/** Applies the pending PostgreSQL migrations to the (existing) database the URL names. */
export async function deployPostgresMigrations(url: string, migrations?: MigrationList): Promise<string[]> {
  const paths = PRISMA_PATHS.postgresql;
  const list = migrations ?? (await readMigrationsList(paths.migrations));
  return withSchemaEngine({ provider: "postgresql", schemaPath: paths.schema, database: url }, (engine) =>
    applyPendingMigrations(engine, list),
  );
}

/** A path as the user would type it from here, or absolute when it lies outside. */
export function displayPath(file: string): string {
  const fromCwd = path.relative(process.cwd(), file);
  return fromCwd.startsWith("..") || path.isAbsolute(fromCwd) ? file : fromCwd || ".";
}
