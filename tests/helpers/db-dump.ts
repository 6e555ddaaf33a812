import Database from "better-sqlite3";

// Every row of every table of a SQLite file, to compare a database before and after something.
export function dumpDatabase(file: string): Record<string, Array<Record<string, unknown>>> {
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

export function dumpContent(file: string): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(dumpDatabase(file)).map(([table, rows]) => [
      table,
      rows.map((r) => JSON.stringify(REWRITTEN.has(table) ? { ...r, id: undefined } : r)).sort(),
    ]),
  );
}
