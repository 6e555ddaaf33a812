-- AlterTable
ALTER TABLE "Claim" ADD COLUMN "noteEn" TEXT;
ALTER TABLE "Claim" ADD COLUMN "verifiedOn" TEXT;
ALTER TABLE "Claim" ADD COLUMN "warnings" JSONB;

-- CreateTable
CREATE TABLE "ServiceDomain" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "serviceId" INTEGER NOT NULL,
    "domain" TEXT NOT NULL,
    CONSTRAINT "ServiceDomain_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Service" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "slug" TEXT NOT NULL,
    "companyId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT,
    "plan" TEXT,
    "segment" TEXT,
    "homepage" TEXT,
    "status" TEXT NOT NULL DEFAULT 'active',
    "statusAsOf" TEXT,
    "editorsPick" BOOLEAN NOT NULL DEFAULT false,
    "origin" TEXT NOT NULL DEFAULT 'data',
    "searchText" TEXT NOT NULL,
    "supportCount" INTEGER NOT NULL DEFAULT 0,
    "kind" TEXT NOT NULL DEFAULT 'other',
    "kindBasis" TEXT NOT NULL DEFAULT 'rule',
    "kana" TEXT,
    "newestEvidence" TEXT,
    "mxPatterns" JSONB,
    "hostPatterns" JSONB,
    "members" JSONB,
    "notices" JSONB,
    "insecureSettings" JSONB,
    CONSTRAINT "Service_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Service" ("companyId", "editorsPick", "homepage", "id", "name", "nameEn", "origin", "plan", "searchText", "segment", "slug", "status", "statusAsOf", "supportCount") SELECT "companyId", "editorsPick", "homepage", "id", "name", "nameEn", "origin", "plan", "searchText", "segment", "slug", "status", "statusAsOf", "supportCount" FROM "Service";
DROP TABLE "Service";
ALTER TABLE "new_Service" RENAME TO "Service";
CREATE UNIQUE INDEX "Service_slug_key" ON "Service"("slug");
CREATE INDEX "Service_segment_idx" ON "Service"("segment");
CREATE INDEX "Service_name_idx" ON "Service"("name");
CREATE INDEX "Service_supportCount_idx" ON "Service"("supportCount");
CREATE TABLE "new_Source" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "titleEn" TEXT,
    "url" TEXT,
    "note" TEXT,
    "asOf" TEXT,
    "undated" BOOLEAN NOT NULL DEFAULT false,
    "version" TEXT,
    "license" TEXT
);
INSERT INTO "new_Source" ("asOf", "id", "key", "kind", "note", "title", "titleEn", "url") SELECT "asOf", "id", "key", "kind", "note", "title", "titleEn", "url" FROM "Source";
DROP TABLE "Source";
ALTER TABLE "new_Source" RENAME TO "Source";
CREATE UNIQUE INDEX "Source_key_key" ON "Source"("key");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "ServiceDomain_domain_key" ON "ServiceDomain"("domain");

-- CreateIndex
CREATE INDEX "ServiceDomain_serviceId_idx" ON "ServiceDomain"("serviceId");

-- The ISPDB is one dataset among several now; its rows keep their evidence under the new kind.
UPDATE "Source" SET "kind" = 'dataset' WHERE "kind" = 'ispdb';
