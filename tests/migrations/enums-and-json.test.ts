import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db";
import { REPO_ROOT } from "../helpers/temp-db";

// The enums_and_json migration run on a database the init migration made and the old code
// filled, where enum columns were free text and JSON was stored as text.

const MIGRATIONS_DIR = path.join(REPO_ROOT, "prisma", "migrations");

function migrationSql(name: string): string {
  const dir = readdirSync(MIGRATIONS_DIR).find((entry) => entry.endsWith(`_${name}`));
  if (!dir) throw new Error(`no migration *_${name} in ${MIGRATIONS_DIR}`);
  return readFileSync(path.join(MIGRATIONS_DIR, dir, "migration.sql"), "utf8");
}

const scratch = mkdtempSync(path.join(tmpdir(), "msc-enums-json-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const PROBE_DETAILS = { kind: "probe", probedAt: "2026-11-27T00:00:00.000Z", endpoints: [] };

function oldDatabase(name: string, breakIt?: string): string {
  const file = path.join(scratch, `${name}.db`);
  const db = new Database(file);
  try {
    db.exec(migrationSql("init"));
    db.exec(`
      INSERT INTO "Company" (id, slug, name) VALUES (1, 'example', 'Example');
      -- status and origin from the column defaults
      INSERT INTO "Service" (id, slug, companyId, name, segment, searchText)
        VALUES (1, 'example-mail', 1, 'Example Mail', NULL, 'example mail');
      INSERT INTO "Service" (id, slug, companyId, name, segment, status, origin, searchText)
        VALUES (2, 'ispdb-example-jp', 1, 'Example JP', 'business', 'renamed', 'ispdb', 'example jp');
      INSERT INTO "Property" (id, key, category, position, labelJa, labelEn, shortJa, shortEn, appliesTo)
        VALUES (1, 'smtps', 'send', 0, 'SMTPS', 'SMTPS', 'SMTPS', 'SMTPS', 'service');
      INSERT INTO "Source" (id, key, kind, title) VALUES (1, 'live-probe', 'probe', 'Live probe');
      INSERT INTO "Claim" (id, serviceId, propertyId, sourceId, value, asOf, details)
        VALUES (1, 1, 1, 1, 'no', '2026-11-27', '${JSON.stringify(PROBE_DETAILS)}');
      INSERT INTO "Claim" (id, serviceId, propertyId, sourceId, value, asOf) VALUES (2, 2, 1, 1, 'yes', '2026');
      INSERT INTO "Endpoint" (id, serviceId, direction, protocol, host, port, security, authMethods, sourceId, asOf)
        VALUES (1, 1, 'outgoing', 'smtp', 'smtp.example.jp', 465, 'tls', '["password-cleartext"]', 1, '2026-03');
      -- authMethods from the old column default '[]'
      INSERT INTO "Endpoint" (id, serviceId, direction, protocol, host, port, security, sourceId, asOf)
        VALUES (2, 1, 'incoming', 'imap', 'imap.example.jp', 143, 'starttls', 1, '2026-03');
    `);
    if (breakIt) db.exec(breakIt);
  } finally {
    db.close();
  }
  return file;
}

function migrate(file: string): void {
  const db = new Database(file);
  try {
    db.exec(migrationSql("enums_and_json"));
  } finally {
    db.close();
  }
}

describe("migration enums_and_json", () => {
  it("keeps every row, and the client reads the old text back as enums and JSON", async () => {
    const file = oldDatabase("good");
    migrate(file);
    const db = createPrismaClient(`file:${file}`);
    try {
      const [services, claims, endpoints] = await Promise.all([
        db.service.findMany({ select: { segment: true, status: true, origin: true }, orderBy: { id: "asc" } }),
        db.claim.findMany({ select: { value: true, details: true }, orderBy: { id: "asc" } }),
        db.endpoint.findMany({ select: { security: true, authMethods: true }, orderBy: { id: "asc" } }),
      ]);
      expect(services).toEqual([
        { segment: null, status: "active", origin: "data" },
        { segment: "business", status: "renamed", origin: "ispdb" },
      ]);
      expect(claims).toEqual([
        { value: "no", details: PROBE_DETAILS },
        { value: "yes", details: null },
      ]);
      expect(endpoints).toEqual([
        { security: "tls", authMethods: ["password-cleartext"] },
        { security: "starttls", authMethods: [] },
      ]);
    } finally {
      await db.$disconnect();
    }
  });

  it.each([
    ["Service.origin", `UPDATE "Service" SET "origin" = 'test' WHERE "id" = 1`],
    ["Service.segment", `UPDATE "Service" SET "segment" = 'Business' WHERE "id" = 2`],
    ["Source.kind", `UPDATE "Source" SET "kind" = 'blog'`],
    ["Claim.value", `UPDATE "Claim" SET "value" = 'maybe' WHERE "id" = 2`],
    ["Endpoint.security", `UPDATE "Endpoint" SET "security" = 'ssl' WHERE "id" = 1`],
    ["Claim.details", `UPDATE "Claim" SET "details" = '{not json' WHERE "id" = 1`],
    ["Endpoint.authMethods", `UPDATE "Endpoint" SET "authMethods" = '' WHERE "id" = 2`],
  ])("refuses a %s the client could not read, before changing anything", (column, breakIt) => {
    const file = oldDatabase(column, breakIt);
    expect(() => migrate(file)).toThrow(`CHECK constraint failed: ${column} must be`);
    const db = new Database(file, { readonly: true });
    try {
      const claimTable = db.prepare(`SELECT sql FROM sqlite_master WHERE name = 'Claim'`).pluck().get();
      expect(claimTable).toMatch(/"details" TEXT/);
    } finally {
      db.close();
    }
  });
});
