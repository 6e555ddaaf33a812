import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/db";
import { DEFAULT_FILTERS } from "@/lib/catalogue/filters";
import { createSeededDatabase, type TempDatabase } from "../helpers/temp-db";

vi.mock("server-only", () => ({}));

let temp: TempDatabase;
let db: PrismaClient;
let queries: typeof import("@/lib/queries/catalogue");

beforeAll(async () => {
  temp = await createSeededDatabase();
  vi.stubEnv("DATABASE_URL", temp.url);
  db = createPrismaClient(temp.url);
  (globalThis as { prisma?: PrismaClient }).prisma = db;
  queries = await import("@/lib/queries/catalogue");
});

afterAll(async () => {
  await db.$disconnect();
  delete (globalThis as { prisma?: PrismaClient }).prisma;
  vi.unstubAllEnvs();
  temp.cleanup();
});

describe("catalogue rows and their 'verified again' days", () => {
  it("reads a page of 100 and the whole catalogue without exceeding the database's bound values", async () => {
    const page = await queries.getServices({ ...DEFAULT_FILTERS, per: 100 });
    expect(page.items).toHaveLength(100);
    const all = await queries.getAllServices(DEFAULT_FILTERS);
    expect(all.length).toBe(page.total);
  });

  it("dates a row's oldest check by its claims' latest verification", async () => {
    const claims = await db.claim.findMany({
      where: { service: { slug: "gmail" }, isCurrent: true, value: { not: "unknown" } },
      select: { id: true },
    });
    expect(claims.length).toBeGreaterThan(1);
    const [before] = await queries.getServicesBySlugs(["gmail"]);
    expect(before!.oldestVerified).not.toBe("2026-12-04");
    // every current claim confirmed on one day: that day is the row's oldest check
    await db.claimVerification.createMany({
      data: claims.map((c) => ({ claimId: c.id, day: "2026-12-04", checkedBy: "live-probe" })),
    });
    const [after] = await queries.getServicesBySlugs(["gmail"]);
    expect(after!.oldestVerified).toBe("2026-12-04");
    expect(after!.support["imaps"]?.verifications).toEqual([{ day: "2026-12-04" }]);
  });
});
