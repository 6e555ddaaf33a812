import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";

// Test databases on a PostgreSQL server (when the run's DATABASE_URL names one): CREATE DATABASE
// … TEMPLATE is PostgreSQL's copy of a file, and fast enough to give every test its own. psql,
// synchronously, so createTempDatabase keeps one signature for both databases.
export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export function databaseName(url: string): string {
  return new URL(url).pathname.slice(1);
}

export function psql(url: string, sql: string): string {
  return execFileSync("psql", ["-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-d", url, "-c", sql], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
}

/** A new database copied from `templateUrl`'s; the prefix is how the run's teardown finds it. */
export function copyDatabase(templateUrl: string, prefix: string): { url: string; drop: () => void } {
  const name = `${prefix}${randomUUID().replace(/-/g, "").slice(0, 12)}`;
  // Through the server's maintenance database: a template must have no connections while it is
  // copied, and template0 accepts none at all.
  const admin = withDatabase(templateUrl, "postgres");
  psql(admin, `CREATE DATABASE "${name}" TEMPLATE "${databaseName(templateUrl)}"`);
  // FORCE: a test's client may still hold a pooled connection.
  return {
    url: withDatabase(templateUrl, name),
    drop: () => void psql(admin, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

export function dropDatabasesStartingWith(serverUrl: string, prefix: string): void {
  const names = psql(serverUrl, `SELECT datname FROM pg_database WHERE datname LIKE '${prefix}%'`)
    .split("\n")
    .filter(Boolean);
  for (const name of names) psql(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}
