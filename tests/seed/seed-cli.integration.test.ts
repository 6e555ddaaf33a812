import { spawnSync } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db";
import { createTempDatabase, REPO_ROOT } from "../helpers/temp-db";

const temp = createTempDatabase();
afterAll(() => temp.cleanup());

// The one run of the real command: everything else about seeding is tested in-process
// (seed.test.ts); this is what proves the npm script, tsx and DATABASE_URL fit together.
describe("npm run db:seed", () => {
  it("seeds the database named by DATABASE_URL and says what it wrote", async () => {
    const result = spawnSync("npm", ["run", "--silent", "db:seed"], {
      cwd: REPO_ROOT,
      env: { ...process.env, DATABASE_URL: temp.url },
      encoding: "utf8",
    });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^Seeded 9 services of \d+ companies, 4 mail clients, \d+ claims/);
    const db = createPrismaClient(temp.url);
    try {
      expect(await db.service.count()).toBe(9);
      expect(await db.mailClient.count()).toBe(4);
    } finally {
      await db.$disconnect();
    }
  });
});
