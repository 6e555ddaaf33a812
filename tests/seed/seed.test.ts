import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/db";
import { loadCatalogueData } from "@/lib/seed/load-data";
import { planCatalogue } from "@/lib/seed/build-catalogue";
import { writeCatalogueData } from "@/lib/seed/write-data";
import { main as seedMain } from "@/prisma/seed";
import { refreshCurrentClaims } from "@/lib/catalogue/current-claims";
import { captureConsole } from "../helpers/console";
import { dumpContent, dumpDatabase as snapshot } from "../helpers/db-dump";
import { createSeededDatabase, REPO_ROOT, seedReviewedData, type TempDatabase } from "../helpers/temp-db";
import { copyOfRealData, editJson } from "./data-fixtures";

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  vi.restoreAllMocks();
  while (cleanups.length) await cleanups.pop()?.();
});

// A database as npm run db:seed leaves it and a client on it, both gone after the test.
async function seededDb(): Promise<Pick<TempDatabase, "url"> & { db: PrismaClient }> {
  const temp = await createSeededDatabase();
  const db = createPrismaClient(temp.url);
  cleanups.push(temp.cleanup, () => db.$disconnect());
  return { url: temp.url, db };
}

// The services seeding must write: the merged catalogue planned from everything in data/.
async function plannedServiceSlugs(): Promise<string[]> {
  const plan = planCatalogue(await loadCatalogueData(path.join(REPO_ROOT, "data")));
  return plan.companies.flatMap((c) => c.services.map((s) => s.slug)).sort();
}

// The nine services of the 2006 page (data/companies.json).
const PAGE_2006 = "hosting-mail-security-2006";

describe("seeding", () => {
  it("is idempotent and keeps evidence from other sources: a second run leaves the same catalogue", async () => {
    const { url, db } = await seededDb();
    // live-probe evidence, which data/ does not hold: CPI's IMAP over SSL, seen after the page
    const [cpi, imaps] = await Promise.all([
      db.service.findUniqueOrThrow({ where: { slug: "cpi" } }),
      db.property.findUniqueOrThrow({ where: { key: "imaps" } }),
    ]);
    const probe = await db.source.create({ data: { key: "probe-test", kind: "probe", title: "Probe" } });
    await db.claim.create({
      data: { serviceId: cpi.id, propertyId: imaps.id, sourceId: probe.id, value: "yes", asOf: "2026-11-27" },
    });
    await refreshCurrentClaims(db);
    const first = dumpContent(url);

    await seedReviewedData(db);
    expect(dumpContent(url)).toEqual(first);
    const kept = await db.claim.findMany({ where: { sourceId: probe.id } });
    expect(kept).toHaveLength(1);
    expect(kept[0]?.isCurrent).toBe(true);
    expect((await db.service.findUniqueOrThrow({ where: { slug: "cpi" } })).supportCount).toBe(6);

    const slugs = (await db.service.findMany({ select: { slug: true } })).map((s) => s.slug).sort();
    expect(slugs).toEqual(await plannedServiceSlugs());
    // the reviewed 2006 services are part of the merged catalogue, not replaced by it
    const data = await loadCatalogueData(path.join(REPO_ROOT, "data"));
    const reviewed = data.companies.flatMap((c) => c.services.map((s) => s.slug));
    expect(reviewed).toHaveLength(9);
    expect(slugs).toEqual(expect.arrayContaining(reviewed));
    expect((await db.mailClient.findMany({ select: { slug: true } })).map((c) => c.slug).sort()).toEqual(
      data.clients.map((c) => c.slug).sort(),
    );
  });

  it("keeps the 2006 page's claims as history where newer evidence exists, current where none does", async () => {
    const { db } = await seededDb();
    const claimsOf = async (slug: string) =>
      (
        await db.claim.findMany({
          where: { service: { slug } },
          include: { property: true, source: true },
        })
      )
        .map((c) => `${c.property.key} ${c.value} ${c.source.key}${c.isCurrent ? " (current)" : ""}`)
        .sort();
    // CPI's own guide (2026) documents SMTP over SSL, SMTP AUTH, CRAM-MD5 and POP before SMTP;
    // nothing newer than the 2006 page speaks to POP over SSL.
    expect(await claimsOf("cpi")).toEqual([
      "cram-md5 yes cpi-guide-smtp-auth (current)",
      "pop-before-smtp yes cpi-guide-pop-before-smtp (current)",
      `pop3s yes ${PAGE_2006} (current)`,
      "smtp-auth yes cpi-guide-smtp-auth (current)",
      "smtps yes cpi-guide-smtp-auth (current)",
      `smtps yes ${PAGE_2006}`,
    ]);
    const cpi = await db.service.findUniqueOrThrow({ where: { slug: "cpi" } });
    expect(cpi.supportCount).toBe(5);
    // ABLENET has no source but the 2006 page
    expect(await claimsOf("ablenet")).toEqual([`pop3s yes ${PAGE_2006} (current)`, `smtps yes ${PAGE_2006} (current)`]);
    const ablenet = await db.service.findUniqueOrThrow({ where: { slug: "ablenet" } });
    expect([ablenet.supportCount, ablenet.newestEvidence]).toEqual([2, "2006-02"]);
  });

  it("a bad file exits non-zero naming file, record and field, and changes nothing", async () => {
    const { url } = await seededDb();
    const before = snapshot(url);

    const dir = copyOfRealData();
    editJson(dir, "companies.json", (json) => {
      json[0].services[0].name = "Renamed in a bad file";
      json[7].services[0].claims[0].value = "sure";
    });
    const output = captureConsole();
    expect(await seedMain([dir], { openDb: () => createPrismaClient(url) })).toBe(1);
    expect(output.stderr()).toContain('companies.json: record #8 "smileserver", field services[0].claims[0].value');
    expect(output.stderr()).toContain("the database was not changed");
    expect(snapshot(url)).toEqual(before);
  });

  it("a date that does not exist or has not come yet exits non-zero naming it, and changes nothing", async () => {
    const { url } = await seededDb();
    const before = snapshot(url);
    const dir = copyOfRealData();
    editJson(dir, "clients.json", (json) => {
      json[0].claims[0].asOf = "2026-02-31";
      json[1].claims[0].asOf = "2099-12-31";
    });
    const output = captureConsole();
    expect(await seedMain([dir], { openDb: () => createPrismaClient(url) })).toBe(1);
    expect(output.stderr()).toMatch(
      /clients\.json: record #1 "[^"]+", field claims\[0\]\.asOf: 2026-02-31 is not a date/,
    );
    expect(output.stderr()).toMatch(
      /clients\.json: record #2 "[^"]+", field claims\[0\]\.asOf: 2099-12-31 is in the future/,
    );
    expect(output.stderr()).toContain("the database was not changed");
    expect(snapshot(url)).toEqual(before);
  });

  it("rolls back everything when a write fails half-way", async () => {
    const { url, db } = await seededDb();
    const before = snapshot(url);
    const data = await loadCatalogueData(path.join(REPO_ROOT, "data"));
    // Slipping past validation on purpose: ABLENET's claim names a property the transaction
    // cannot resolve. By then the properties, the sources, the services before ABLENET and
    // ABLENET's new name are written and its old claims deleted.
    const ablenet = data.companies.find((c) => c.slug === "ablenet")!.services[0]!;
    ablenet.name = "Written before the failure";
    ablenet.claims[0]!.property = "not-a-property";
    const plan = planCatalogue(data);
    const slugs = plan.companies.flatMap((c) => c.services.map((s) => s.slug));
    expect(slugs.indexOf("ablenet")).toBeGreaterThan(0);
    await expect(writeCatalogueData(db, plan)).rejects.toThrow();
    expect(snapshot(url)).toEqual(before);
  });
});
