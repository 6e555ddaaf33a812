import { spawnSync } from "node:child_process";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db";
import { planCatalogue } from "@/lib/seed/build-catalogue";
import { loadCatalogueData } from "@/lib/seed/load-data";
import { createTempDatabase, REPO_ROOT } from "../helpers/temp-db";

const temp = createTempDatabase();
afterAll(() => temp.cleanup());

// The one run of the real command: everything else about seeding is tested in-process
// (seed.test.ts); this is what proves the npm script, tsx and DATABASE_URL fit together.
describe("npm run db:seed", () => {
  it("seeds the database named by DATABASE_URL and says what it wrote", async () => {
    // what it must write: the catalogue merged from everything in data/
    const plan = planCatalogue(await loadCatalogueData(path.join(REPO_ROOT, "data")));
    const services = plan.companies.reduce((n, c) => n + c.services.length, 0);
    expect(services).toBeGreaterThanOrEqual(250);

    const result = spawnSync("npm", ["run", "--silent", "db:seed"], {
      cwd: REPO_ROOT,
      env: { ...process.env, DATABASE_URL: temp.url },
      encoding: "utf8",
    });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(
      new RegExp(
        `^Seeded ${services} services of ${plan.companies.length} companies, ${plan.clients.length} mail clients, \\d+ claims`,
      ),
    );
    const db = createPrismaClient(temp.url);
    try {
      expect(await db.service.count()).toBe(services);
      expect(await db.mailClient.count()).toBe(plan.clients.length);
    } finally {
      await db.$disconnect();
    }
  });
});
