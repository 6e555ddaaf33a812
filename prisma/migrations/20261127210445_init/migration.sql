-- CreateTable
CREATE TABLE "Company" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT,
    "homepage" TEXT
);

-- CreateTable
CREATE TABLE "Service" (
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
    CONSTRAINT "Service_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "FormerName" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "serviceId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "until" TEXT,
    CONSTRAINT "FormerName_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MailClient" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "version" TEXT,
    "platform" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "Property" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "key" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "labelJa" TEXT NOT NULL,
    "labelEn" TEXT NOT NULL,
    "shortJa" TEXT NOT NULL,
    "shortEn" TEXT NOT NULL,
    "appliesTo" TEXT NOT NULL,
    "articleSlug" TEXT
);

-- CreateTable
CREATE TABLE "Source" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "titleEn" TEXT,
    "url" TEXT,
    "note" TEXT,
    "asOf" TEXT
);

-- CreateTable
CREATE TABLE "Claim" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "serviceId" INTEGER,
    "clientId" INTEGER,
    "propertyId" INTEGER NOT NULL,
    "sourceId" INTEGER NOT NULL,
    "value" TEXT NOT NULL,
    "asOf" TEXT NOT NULL,
    "note" TEXT,
    "details" TEXT,
    "isCurrent" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "Claim_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Claim_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "MailClient" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Claim_propertyId_fkey" FOREIGN KEY ("propertyId") REFERENCES "Property" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Claim_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Endpoint" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "serviceId" INTEGER NOT NULL,
    "direction" TEXT NOT NULL,
    "protocol" TEXT NOT NULL,
    "host" TEXT NOT NULL,
    "port" INTEGER NOT NULL,
    "security" TEXT NOT NULL,
    "authMethods" TEXT NOT NULL DEFAULT '[]',
    "sourceId" INTEGER NOT NULL,
    "asOf" TEXT NOT NULL,
    CONSTRAINT "Endpoint_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Endpoint_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Company_slug_key" ON "Company"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Service_slug_key" ON "Service"("slug");

-- CreateIndex
CREATE INDEX "Service_segment_idx" ON "Service"("segment");

-- CreateIndex
CREATE INDEX "Service_name_idx" ON "Service"("name");

-- CreateIndex
CREATE INDEX "Service_supportCount_idx" ON "Service"("supportCount");

-- CreateIndex
CREATE UNIQUE INDEX "FormerName_serviceId_name_key" ON "FormerName"("serviceId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "MailClient_slug_key" ON "MailClient"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Property_key_key" ON "Property"("key");

-- CreateIndex
CREATE UNIQUE INDEX "Source_key_key" ON "Source"("key");

-- CreateIndex
CREATE INDEX "Claim_propertyId_isCurrent_value_idx" ON "Claim"("propertyId", "isCurrent", "value");

-- CreateIndex
CREATE INDEX "Claim_serviceId_propertyId_idx" ON "Claim"("serviceId", "propertyId");

-- CreateIndex
CREATE INDEX "Claim_clientId_propertyId_idx" ON "Claim"("clientId", "propertyId");

-- CreateIndex
CREATE UNIQUE INDEX "Claim_serviceId_clientId_propertyId_sourceId_asOf_key" ON "Claim"("serviceId", "clientId", "propertyId", "sourceId", "asOf");

-- CreateIndex
CREATE UNIQUE INDEX "Endpoint_serviceId_protocol_host_port_sourceId_key" ON "Endpoint"("serviceId", "protocol", "host", "port", "sourceId");
