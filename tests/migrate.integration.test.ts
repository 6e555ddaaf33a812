import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const MIGRATIONS_DIR = path.join(ROOT, "prisma", "migrations");

const scratch = mkdtempSync(path.join(tmpdir(), "migrate-test-"));
const dbFile = path.join(scratch, "nested", "test.db");

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function migrate(...args: string[]) {
  const result = spawnSync("npx", ["tsx", "prisma/migrate.ts", ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: `file:${dbFile}` },
    encoding: "utf8",
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function committedMigrations(): string[] {
  return readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort((a, b) => a.localeCompare(b));
}

function query<T>(sql: string): T[] {
  const db = new Database(dbFile, { readonly: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

// The steps share one database and must run in order.
describe.sequential("prisma/migrate.ts", () => {
  it("deploy creates the database and applies every migration", () => {
    const { status, stdout, stderr } = migrate("deploy");
    expect(status, stderr).toBe(0);
    expect(stdout.trim().split("\n")).toEqual(committedMigrations().map((name) => `Applied ${name}`));

    const tables = query<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'").map(
      (row) => row.name,
    );
    expect(tables).toEqual(expect.arrayContaining(["Service", "Claim", "Property", "_prisma_migrations"]));
  });

  it("records each migration like the stock CLI: sha256 of migration.sql, finished", () => {
    const rows = query<{ migration_name: string; checksum: string; finished_at: number | null }>(
      "SELECT migration_name, checksum, finished_at FROM _prisma_migrations ORDER BY migration_name",
    );
    expect(rows.map((row) => row.migration_name)).toEqual(committedMigrations());
    for (const row of rows) {
      const sql = readFileSync(path.join(MIGRATIONS_DIR, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
      expect(row.finished_at).not.toBeNull();
    }
  });

  it("a second deploy applies nothing", () => {
    const { status, stdout, stderr } = migrate("deploy");
    expect(status, stderr).toBe(0);
    expect(stdout).not.toContain("Applied");
    expect(stdout).toContain("up to date");
    expect(query("SELECT id FROM _prisma_migrations")).toHaveLength(committedMigrations().length);
  });

  it("check finds the migrations in step with schema.prisma", () => {
    const { status, stdout, stderr } = migrate("check");
    expect(status, stderr).toBe(0);
    expect(stdout).toContain("matches");
  });
});
