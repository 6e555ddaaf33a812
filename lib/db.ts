import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { PrismaClient as PostgresPrismaClient } from "@/lib/generated/prisma-postgres/client";
import { databaseProvider, type DatabaseProvider } from "@/lib/db-provider";
import { getEnv } from "@/lib/env";

// For the few statements whose SQL differs (a catalog query); everything else is written once.
const providers = new WeakMap<PrismaClient, DatabaseProvider>();

export function providerOf(db: PrismaClient): DatabaseProvider {
  const provider = providers.get(db);
  if (provider === undefined) throw new Error("providerOf: a client not made by createPrismaClient");
  return provider;
}

export function createPrismaClient(databaseUrl: string = getEnv().DATABASE_URL): PrismaClient {
  const provider = databaseProvider(databaseUrl);
  const client = newClient(provider, databaseUrl);
  providers.set(client, provider);
  return client;
}

function newClient(provider: DatabaseProvider, databaseUrl: string): PrismaClient {
  if (provider === "postgresql") {
    // Both clients are generated from the same models (prisma/postgres-schema.ts), so they take
    // the same queries and return rows of the same types; the PostgreSQL one accepts a few more
    // options (mode: "insensitive"), which the app does not use. One type keeps one code path.
    return new PostgresPrismaClient({
      adapter: new PrismaPg({ connectionString: databaseUrl }),
    }) as unknown as PrismaClient;
  }
  return new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: databaseUrl }) });
}

// One client per process: Next's dev server re-evaluates modules on every change, and each new
// client would hold its own connection (a SQLite handle or a PostgreSQL pool).
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

export function getDb(): PrismaClient {
  globalForPrisma.prisma ??= createPrismaClient();
  return globalForPrisma.prisma;
}

export type { PrismaClient };
