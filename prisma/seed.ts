import path from "node:path";
import { isEntryPoint } from "@/lib/cli/entry-point";
import { createPrismaClient, type PrismaClient } from "@/lib/db";
import { DataValidationError, loadCatalogueData } from "@/lib/seed/load-data";
import { planCatalogue } from "@/lib/seed/build-catalogue";
import { writeCatalogueData } from "@/lib/seed/write-data";

// Usage: tsx prisma/seed.ts [data-dir]   (default: ./data)
// Exported so tests can run the whole command in-process against a database of their own.
export async function main(
  argv: string[],
  { openDb = () => createPrismaClient() }: { openDb?: () => PrismaClient } = {},
): Promise<number> {
  const dataDir = path.resolve(argv[0] ?? "data");
  let plan;
  try {
    plan = planCatalogue(await loadCatalogueData(dataDir));
  } catch (error) {
    if (error instanceof DataValidationError) {
      console.error(`Seed aborted; the database was not changed.\n${error.message}`);
      return 1;
    }
    throw error;
  }
  const db = openDb();
  try {
    const summary = await writeCatalogueData(db, plan);
    console.log(
      `Seeded ${summary.services} services of ${summary.companies} companies, ${summary.clients} mail clients, ` +
        `${summary.claims} claims, ${summary.endpoints} endpoints, ${summary.domains} mail domains, ` +
        `${summary.properties} properties, ${summary.sources} sources.`,
    );
    return 0;
  } catch (error) {
    console.error(`Seed failed and was rolled back: ${(error as Error).message}`);
    return 1;
  } finally {
    await db.$disconnect();
  }
}

if (isEntryPoint(import.meta.url)) process.exitCode = await main(process.argv.slice(2));
