// `prisma migrate deploy`, `prisma migrate dev` and a drift check for CI, on the wasm schema
// engine: the stock CLI needs a native engine that cannot be downloaded here.
//
//   tsx prisma/migrate.ts deploy                                  apply pending migrations
//   tsx prisma/migrate.ts dev --name <name> [--accept-data-loss]  create a migration, apply it
//   tsx prisma/migrate.ts check                                   exit 1 if migrations ≠ schema
//
// DATABASE_URL (default file:./prisma/dev.db) chooses the database: a SQLite file, resolved
// against the repository root, or a PostgreSQL database (postgresql://…, which must exist). Each
// has its own schema and migrations (PRISMA_PATHS); `dev` makes a migration for the one named,
// so a model change is run once per database. `check` always checks SQLite and that
// prisma/postgres/schema.prisma is up to date, and PostgreSQL's migrations too when DATABASE_URL
// names a server to replay them on.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { z } from "zod";
import { databaseProvider, type DatabaseProvider } from "@/lib/db-provider";
import { getEnv } from "@/lib/env";
import { applyPendingMigrations, displayPath, PRISMA_PATHS } from "./deploy";
import { POSTGRES_SCHEMA, postgresSchemaFrom, SQLITE_SCHEMA } from "./postgres-schema";
import {
  formatEngineError,
  LOCKFILE_NAME,
  lockfileContent,
  MIGRATION_FILE_NAME,
  NO_FILTERS,
  readMigrationsList,
  withSchemaEngine,
  type MigrationList,
  type SchemaEngine,
  type SchemasContainer,
} from "./schema-engine";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const USAGE = `Usage:
  tsx prisma/migrate.ts deploy
  tsx prisma/migrate.ts dev --name <name> [--accept-data-loss]
  tsx prisma/migrate.ts check`;

// ---------------------------------------------------------------------------------------------
// Arguments and environment

const Command = z.discriminatedUnion("command", [
  z.strictObject({ command: z.literal("deploy") }),
  z.strictObject({ command: z.literal("check") }),
  z.strictObject({
    command: z.literal("dev"),
    name: z
      .string({ error: "dev needs --name <name>" })
      .regex(/^[A-Za-z0-9_]{1,100}$/, "the name may only contain letters, digits and _"),
    acceptDataLoss: z.boolean().default(false),
  }),
]);
type Command = z.infer<typeof Command>;

class UsageError extends Error {}

function parseCommand(argv: string[]): Command {
  const { positionals, values } = parseFlags(argv);
  if (positionals.length !== 1) throw new UsageError("expected exactly one command");
  // Only flags actually given are passed on, so the strict schemas reject misplaced ones.
  const input = {
    command: positionals[0],
    ...(values.name !== undefined && { name: values.name }),
    ...(values["accept-data-loss"] !== undefined && { acceptDataLoss: values["accept-data-loss"] }),
  };
  const result = Command.safeParse(input);
  if (!result.success) throw new UsageError(z.prettifyError(result.error));
  return result.data;
}

function parseFlags(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      options: { name: { type: "string" }, "accept-data-loss": { type: "boolean" } },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

// Prisma's SQLite URLs are usually not real file URLs (file:./dev.db, file:/abs/dev.db), but a
// proper file:///abs/dev.db should work too; relative paths follow prisma.config.ts, i.e. the root.
function databaseFile(url: string): string {
  const bare = url.replace(/\?.*$/, "");
  const filePath = bare.startsWith("file://") ? fileURLToPath(bare) : bare.slice("file:".length);
  return path.resolve(ROOT, filePath);
}

interface Target {
  provider: DatabaseProvider;
  /** the SQLite file or the PostgreSQL URL */
  database: string;
  /** what to call it in messages (never a URL, which may hold a password) */
  label: string;
  schemaPath: string;
  migrationsDir: string;
}

function target(): Target {
  const url = getEnv().DATABASE_URL;
  const provider = databaseProvider(url);
  const paths = PRISMA_PATHS[provider];
  if (provider === "sqlite") {
    const file = databaseFile(url);
    return {
      provider,
      database: file,
      label: displayPath(file),
      schemaPath: paths.schema,
      migrationsDir: paths.migrations,
    };
  }
  const { hostname, port, pathname } = new URL(url);
  const label = `PostgreSQL database ${pathname.slice(1)} on ${hostname}:${port || 5432}`;
  return { provider, database: url, label, schemaPath: paths.schema, migrationsDir: paths.migrations };
}

// ---------------------------------------------------------------------------------------------
// Commands

async function deploy(): Promise<number> {
  const db = target();
  const migrations = await readMigrationsList(db.migrationsDir);
  // An empty list here almost always means a wrong checkout or path, not a database to leave empty.
  if (migrations.migrationDirectories.length === 0) {
    console.error(`No migrations found in ${displayPath(db.migrationsDir)}.`);
    return 1;
  }
  if (db.provider === "sqlite") await mkdir(path.dirname(db.database), { recursive: true });
  const applied = await withSchemaEngine(db, (engine) => applyPendingMigrations(engine, migrations));
  for (const name of applied) console.log(`Applied ${name}`);
  if (applied.length === 0) {
    console.log(`${db.label} is up to date (${migrationCount(migrations)}).`);
  }
  return 0;
}

async function dev(name: string, acceptDataLoss: boolean): Promise<number> {
  const db = target();
  // The PostgreSQL schema follows schema.prisma before anything is compared with it.
  await writeFile(POSTGRES_SCHEMA, postgresSchemaFrom(await readFile(SQLITE_SCHEMA, "utf8")), "utf8");
  if (db.provider === "sqlite") await mkdir(path.dirname(db.database), { recursive: true });
  return withSchemaEngine(db, async (engine, schema) => {
    const migrations = await readMigrationsList(db.migrationsDir);
    // Also creates _prisma_migrations, without which the diagnostics below fail (P1014).
    await applyMigrations(engine, migrations);
    await ensureNoResetNeeded(engine, migrations);
    await ensureNoDataLoss(engine, migrations, schema, acceptDataLoss);

    const created = await engine.createMigration({
      draft: false,
      migrationName: name,
      migrationsList: migrations,
      schema,
      filters: NO_FILTERS,
    });
    if (created.migrationScript === null) {
      console.log(`${displayPath(db.schemaPath)} matches the migrations: no migration created.`);
      return 0;
    }
    const dirName = orderedMigrationName(
      created.generatedMigrationName,
      migrations.migrationDirectories.map((dir) => dir.path),
    );
    await writeMigration(db.migrationsDir, dirName, created.migrationScript, created.connectorType);
    console.log(`Created ${displayPath(path.join(db.migrationsDir, dirName, MIGRATION_FILE_NAME))}`);

    const applied = await applyMigrations(engine, await readMigrationsList(db.migrationsDir));
    if (!applied.includes(dirName)) throw new Error(`${dirName} was created but not applied`);
    return 0;
  });
}

async function check(): Promise<number> {
  let failed = 0;
  // No database: the engine replays the migrations on a throwaway shadow database only.
  failed += await checkMigrations({ provider: "sqlite", ...pathsOf("sqlite") });
  const expected = postgresSchemaFrom(await readFile(SQLITE_SCHEMA, "utf8"));
  if ((await readFile(POSTGRES_SCHEMA, "utf8").catch(() => "")) !== expected) {
    console.error(`${displayPath(POSTGRES_SCHEMA)} is stale: run npm run db:schema:postgres`);
    failed += 1;
  }
  const url = getEnv().DATABASE_URL;
  if (databaseProvider(url) === "postgresql") {
    // Shadow databases are made on that server; the database itself is not touched.
    failed += await checkMigrations({ provider: "postgresql", database: url, ...pathsOf("postgresql") });
  } else {
    console.warn("PostgreSQL migrations not checked: set DATABASE_URL=postgresql://… to a server to replay them on.");
  }
  return failed === 0 ? 0 : 1;
}

function pathsOf(provider: DatabaseProvider) {
  return { schemaPath: PRISMA_PATHS[provider].schema, migrationsDir: PRISMA_PATHS[provider].migrations };
}

async function checkMigrations(options: {
  provider: DatabaseProvider;
  database?: string;
  schemaPath: string;
  migrationsDir: string;
}): Promise<number> {
  const { schemaPath, migrationsDir } = options;
  return withSchemaEngine(options, async (engine, schema) => {
    const migrations = await readMigrationsList(migrationsDir);
    const result = await engine.diff({
      from: { tag: "migrations", ...migrations },
      to: { tag: "schemaDatamodel", ...schema },
      script: true,
      exitCode: true,
      filters: NO_FILTERS,
    });
    if (result.exitCode === 0) {
      console.log(
        `${displayPath(schemaPath)} matches the ${migrationCount(migrations)} in ${displayPath(migrationsDir)}.`,
      );
      return 0;
    }
    if (result.exitCode !== 2) throw new Error(`schema engine diff returned exit code ${result.exitCode}`);
    console.error(`${displayPath(schemaPath)} differs from the migrations; this SQL would close the gap:\n`);
    console.error(result.stdout ?? "(the engine printed no SQL)");
    console.error("Run: npm run db:migrate:new -- --name <name>");
    return 1;
  });
}

// ---------------------------------------------------------------------------------------------
// Steps

async function applyMigrations(engine: SchemaEngine, migrations: MigrationList): Promise<string[]> {
  const applied = await applyPendingMigrations(engine, migrations);
  for (const name of applied) console.log(`Applied ${name}`);
  return applied;
}

// The stock CLI would offer to reset here; a script must not drop a database on its own.
async function ensureNoResetNeeded(engine: SchemaEngine, migrations: MigrationList): Promise<void> {
  const { action } = await engine.devDiagnostic({ migrationsList: migrations, filters: NO_FILTERS });
  if (action.tag === "reset") {
    throw new Error(
      `The database has to be reset: ${action.reason}\n` +
        "Delete the SQLite file (reset would only delete its rows) or drop and re-create the PostgreSQL\n" +
        "database, then run the command again.",
    );
  }
}

async function ensureNoDataLoss(
  engine: SchemaEngine,
  migrations: MigrationList,
  schema: SchemasContainer,
  acceptDataLoss: boolean,
): Promise<void> {
  const { unexecutableSteps, warnings } = await engine.evaluateDataLoss({
    migrationsList: migrations,
    schema,
    filters: NO_FILTERS,
  });
  const messages = (list: { message: string }[]) => list.map((item) => `  - ${item.message}`).join("\n");
  if (unexecutableSteps.length > 0) {
    throw new Error(`The migration cannot be applied to this database:\n${messages(unexecutableSteps)}`);
  }
  if (warnings.length > 0 && !acceptDataLoss) {
    throw new Error(`The migration may lose data:\n${messages(warnings)}\nRe-run with --accept-data-loss.`);
  }
  if (warnings.length > 0) console.warn(`Accepted data loss:\n${messages(warnings)}`);
}

// The engine stamps the name with the current second (UTC); a migration made in the same second
// as the previous one, or on a clock behind it, would sort before it and be applied out of order.
function orderedMigrationName(generated: string, existing: string[]): string {
  const stampOf = (name: string) => /^\d{14}/.exec(name)?.[0];
  const ownStamp = stampOf(generated);
  const lastStamp = existing
    .map(stampOf)
    .filter((stamp) => stamp !== undefined)
    .sort()
    .at(-1);
  if (ownStamp === undefined || lastStamp === undefined || ownStamp > lastStamp) return generated;
  return nextSecond(lastStamp) + generated.slice(ownStamp.length);
}

function nextSecond(stamp: string): string {
  const part = (from: number, to: number) => Number(stamp.slice(from, to));
  const date = new Date(Date.UTC(part(0, 4), part(4, 6) - 1, part(6, 8), part(8, 10), part(10, 12), part(12, 14) + 1));
  return date.toISOString().replace(/\D/g, "").slice(0, 14);
}

async function writeMigration(migrationsDir: string, dirName: string, script: string, provider: string): Promise<void> {
  await mkdir(migrationsDir, { recursive: true });
  // Not recursive: an existing folder of that name must not be overwritten.
  await mkdir(path.join(migrationsDir, dirName));
  await writeFile(path.join(migrationsDir, dirName, MIGRATION_FILE_NAME), script, "utf8");
  await writeFile(path.join(migrationsDir, LOCKFILE_NAME), lockfileContent(provider), "utf8");
}

function migrationCount(migrations: MigrationList): string {
  const n = migrations.migrationDirectories.length;
  return n === 1 ? "1 migration" : `${n} migrations`;
}

// ---------------------------------------------------------------------------------------------

function run(command: Command): Promise<number> {
  switch (command.command) {
    case "deploy":
      return deploy();
    case "dev":
      return dev(command.name, command.acceptDataLoss);
    case "check":
      return check();
  }
}

function describeFailure(error: unknown): string {
  if (error instanceof UsageError) return `${error.message}\n\n${USAGE}`;
  if (error instanceof Error && error.cause !== undefined) {
    return `${error.message}:\n${formatEngineError(error.cause)}`;
  }
  return formatEngineError(error);
}

// Exit explicitly either way: the engine can leave timers behind that would keep Node alive.
try {
  process.exit(await run(parseCommand(process.argv.slice(2))));
} catch (error) {
  console.error(describeFailure(error));
  process.exit(1);
}
