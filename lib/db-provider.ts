// Which database a DATABASE_URL names. The embedded default (SQLite, a file: URL) is what a fresh
// clone runs; PostgreSQL (postgres:// or postgresql://) is for more than one process or machine.
// Decision 0010 says why there are two.
export type DatabaseProvider = "sqlite" | "postgresql";

export function databaseProvider(url: string): DatabaseProvider {
  if (url.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(url)) return "postgresql";
  throw new Error(
    `DATABASE_URL must be a file: (SQLite) or postgresql:// URL, not ${JSON.stringify(url.slice(0, 20))}`,
  );
}
