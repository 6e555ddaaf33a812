import path from "node:path";
import { createPrismaClient } from "@/lib/db";
import { DataValidationError, loadCatalogueData } from "@/lib/seed/load-data";
import { writeCatalogueData } from "@/lib/seed/write-data";

// Usage: tsx prisma/seed.ts [data-dir]   (default: ./data)
async function main(): Promise<number> {
  const dataDir = path.resolve(process.argv[2] ?? "data");
  let data;
  try {
    data = await loadCatalogueData(dataDir);
  } catch (error) {
    if (error instanceof DataValidationError) {
      console.error(`Seed aborted; the database was not changed.\n${error.message}`);
      return 1;
    }
    throw error;
  }
  const db = createPrismaClient();
  try {
    const summary = await writeCatalogueData(db, data);
    console.log(
      `Seeded ${summary.services} services of ${summary.companies} companies, ${summary.clients} mail clients, ` +
        `${summary.claims} claims, ${summary.endpoints} endpoints, ${summary.properties} properties, ${summary.sources} sources.`,
    );
    return 0;
  } catch (error) {
    console.error(`Seed failed and was rolled back: ${(error as Error).message}`);
    return 1;
  } finally {
    await db.$disconnect();
  }
}

process.exitCode = await main();
