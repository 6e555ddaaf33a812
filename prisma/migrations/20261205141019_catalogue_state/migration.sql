-- CreateTable
CREATE TABLE "CatalogueState" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "version" TEXT NOT NULL,
    "changedAt" DATETIME NOT NULL
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
    "supportBits" INTEGER NOT NULL DEFAULT 0,
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
INSERT INTO "new_Service" ("companyId", "editorsPick", "homepage", "hostPatterns", "id", "insecureSettings", "kana", "kind", "kindBasis", "members", "mxPatterns", "name", "nameEn", "newestEvidence", "notices", "origin", "plan", "searchText", "segment", "slug", "status", "statusAsOf", "supportCount") SELECT "companyId", "editorsPick", "homepage", "hostPatterns", "id", "insecureSettings", "kana", "kind", "kindBasis", "members", "mxPatterns", "name", "nameEn", "newestEvidence", "notices", "origin", "plan", "searchText", "segment", "slug", "status", "statusAsOf", "supportCount" FROM "Service";
DROP TABLE "Service";
ALTER TABLE "new_Service" RENAME TO "Service";
CREATE UNIQUE INDEX "Service_slug_key" ON "Service"("slug");
CREATE INDEX "Service_segment_idx" ON "Service"("segment");
CREATE INDEX "Service_name_idx" ON "Service"("name");
CREATE INDEX "Service_supportCount_idx" ON "Service"("supportCount");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
