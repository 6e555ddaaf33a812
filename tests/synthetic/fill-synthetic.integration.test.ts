import { spawnSync } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db";
import { createBlankDatabase, createTempDatabase, REPO_ROOT } from "../helpers/temp-db";
import properties from "@/data/properties.json";

// every property that applies to services gets one current claim per synthetic service
const SERVICE_PROPERTIES = properties.filter((p) => p.appliesTo !== "client").length;

const migrated = createTempDatabase();
afterAll(() => migrated.cleanup());

function fill(url: string, ...args: string[]) {
  return spawnSync("npm", ["run", "--silent", "db:fill-synthetic", "--", ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, DATABASE_URL: url },
    encoding: "utf8",
  });
}

// The command as other tools call it (bench:http, the lead's scripts): npm, tsx, DATABASE_URL.
describe("npm run db:fill-synthetic", () => {
  it("fills an empty migrated database, and a second run replaces instead of adding", async () => {
    for (let run = 0; run < 2; run++) {
      const result = fill(migrated.url, "--services", "50");
      expect(result.status, result.stderr).toBe(0);
      expect(result.stdout).toMatch(/^Wrote 50 synthetic services .* with \d+ claims \((\d+) current\)/);
      expect(Number(/\((\d+) current\)/.exec(result.stdout)![1])).toBe(50 * SERVICE_PROPERTIES);
      expect(result.stdout).toContain(`${run === 0 ? 0 : 50} earlier synthetic services replaced`);
    }
    const db = createPrismaClient(migrated.url);
    try {
      expect(await db.service.count()).toBe(50);
      expect(await db.claim.count({ where: { isCurrent: true } })).toBe(50 * SERVICE_PROPERTIES);
      expect(await db.claim.count()).toBeGreaterThan(50 * SERVICE_PROPERTIES);
      expect(await db.service.count({ where: { newestEvidence: null } })).toBe(0);
      expect(await db.service.count({ where: { supportCount: { gt: 0 } } })).toBeGreaterThan(0);
    } finally {
      await db.$disconnect();
    }
  });

  it("refuses a database without tables and says to migrate", () => {
    const empty = createBlankDatabase();
    try {
      const result = fill(empty.url, "--services", "5");
      expect(result.status).toBe(1);
      expect(result.stderr).toContain("npm run db:migrate");
    } finally {
      empty.cleanup();
    }
  });
});
