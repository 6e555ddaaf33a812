import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { isPostgresUrl, psql } from "./helpers/postgres";
import { createBlankDatabase, REPO_ROOT } from "./helpers/temp-db";

// prisma/migrate.ts on PostgreSQL, as migrate.integration.test.ts runs it on SQLite; only when
// the run has a PostgreSQL server (DATABASE_URL=postgresql://… at the start, decision 0010).
const onPostgres = isPostgresUrl(inject("migratedTemplate"));
const MIGRATIONS_DIR = path.join(REPO_ROOT, "prisma", "postgres", "migrations");

describe.runIf(onPostgres).sequential("prisma/migrate.ts on PostgreSQL", () => {
  const database = onPostgres ? createBlankDatabase() : undefined;
  afterAll(() => database?.cleanup());
  const url = database?.url ?? "";

  const migrate = (...args: string[]) =>
    spawnSync("npx", ["tsx", "prisma/migrate.ts", ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, DATABASE_URL: url },
      encoding: "utf8",
    });
  const committed = () =>
    readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort((a, b) => a.localeCompare(b));

  it("deploy applies every migration, recorded like the stock CLI", () => {
    const { status, stdout, stderr } = migrate("deploy");
    expect(status, stderr).toBe(0);
    expect(stdout.trim().split("\n")).toEqual(committed().map((name) => `Applied ${name}`));
    const rows = psql(
      url,
      `SELECT migration_name || ' ' || checksum || ' ' || (finished_at IS NOT NULL)
         FROM _prisma_migrations ORDER BY migration_name`,
    )
      .trim()
      .split("\n");
    expect(rows).toEqual(
      committed().map((name) => {
        const sql = readFileSync(path.join(MIGRATIONS_DIR, name, "migration.sql"));
        return `${name} ${createHash("sha256").update(sql).digest("hex")} true`;
      }),
    );
  });

  it("a second deploy applies nothing", () => {
    const { status, stdout, stderr } = migrate("deploy");
    expect(status, stderr).toBe(0);
    expect(stdout).not.toContain("Applied");
    expect(stdout).toContain("is up to date");
  });

  it("check replays both histories and leaves no shadow database behind", () => {
    const { status, stdout, stderr } = migrate("check");
    expect(status, stderr).toBe(0);
    expect(stdout).toContain("prisma/schema.prisma matches");
    expect(stdout).toContain("prisma/postgres/schema.prisma matches");
    expect(psql(url, "SELECT count(*) FROM pg_database WHERE datname LIKE 'msc_shadow_%'").trim()).toBe("0");
  });
});
