import Database from "better-sqlite3";
import { isPostgresUrl, psql } from "./postgres";

type Dump = Record<string, Array<Record<string, unknown>>>;

// Every row of every table of a test database (a TempDatabase's url), to compare a database
// before and after something. Values come as each database gives them; compare a database only
// with itself.
export function dumpDatabase(url: string): Dump {
  return isPostgresUrl(url) ? dumpPostgres(url) : dumpSqlite(url.replace(/^file:/, ""));
}

function dumpPostgres(url: string): Dump {
  const tables = psql(
    url,
    `SELECT table_name FROM information_schema.tables
      WHERE table_schema = current_schema() AND table_name NOT LIKE '\_%' ORDER BY table_name`,
  )
    .split("\n")
    .filter(Boolean);
  return Object.fromEntries(
    tables.map((name) => [
      name,
      JSON.parse(psql(url, `SELECT COALESCE(json_agg(t), '[]') FROM (SELECT * FROM "${name}" ORDER BY 1) t`)) as Array<
        Record<string, unknown>
      >,
    ]),
  );
}

function dumpSqlite(file: string): Dump {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db
      .prepare(
        `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '\\_%' ESCAPE '\\' AND name NOT LIKE 'sqlite%' ORDER BY name`,
      )
      .all() as { name: string }[];
    return Object.fromEntries(
      tables.map(({ name }) => [
        name,
        db.prepare(`SELECT * FROM "${name}" ORDER BY 1`).all() as Array<Record<string, unknown>>,
      ]),
    );
  } finally {
    db.close();
  }
}

// Seeding and importing write a service's claims, endpoints, domains and former names anew each
// time, so those rows get new ids; every other row keeps its id. This is the database's content
// with those ids left out, rows in a stable order: equal before and after a run that changed nothing.
const REWRITTEN = new Set(["Claim", "Endpoint", "ServiceDomain", "FormerName"]);

export function dumpContent(url: string): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(dumpDatabase(url)).map(([table, rows]) => [
      table,
      rows.map((r) => JSON.stringify(REWRITTEN.has(table) ? { ...r, id: undefined } : r)).sort(),
    ]),
  );
}
