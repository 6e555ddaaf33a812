-- CreateEnum
CREATE TYPE "Segment" AS ENUM ('personal', 'business');

-- CreateEnum
CREATE TYPE "ServiceStatus" AS ENUM ('active', 'renamed', 'discontinued');

-- CreateEnum
CREATE TYPE "ServiceOrigin" AS ENUM ('data', 'ispdb');

-- CreateEnum
CREATE TYPE "PropertyCategory" AS ENUM ('receive', 'send', 'auth');

-- CreateEnum
CREATE TYPE "PropertySubject" AS ENUM ('service', 'client', 'both');

-- CreateEnum
CREATE TYPE "SourceKind" AS ENUM ('page', 'documentation', 'dataset', 'probe');

-- CreateEnum
CREATE TYPE "ServiceKind" AS ENUM ('hosting', 'isp', 'mailbox', 'suite', 'privacy', 'university', 'other');

-- CreateEnum
CREATE TYPE "KindBasis" AS ENUM ('documentation', 'editorial', 'rule');

-- CreateEnum
CREATE TYPE "SupportValue" AS ENUM ('yes', 'no', 'partial', 'unknown');

-- CreateEnum
CREATE TYPE "EndpointDirection" AS ENUM ('incoming', 'outgoing');

-- CreateEnum
CREATE TYPE "MailProtocol" AS ENUM ('pop3', 'imap', 'smtp');

-- CreateEnum
CREATE TYPE "EndpointSecurity" AS ENUM ('tls', 'starttls', 'none');

-- CreateTable
CREATE TABLE "Company" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT,
    "homepage" TEXT,

    CONSTRAINT "Company_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Service" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "companyId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT,
    "plan" TEXT,
    "segment" "Segment",
    "homepage" TEXT,
    "status" "ServiceStatus" NOT NULL DEFAULT 'active',
    "statusAsOf" TEXT,
    "editorsPick" BOOLEAN NOT NULL DEFAULT false,
    "origin" "ServiceOrigin" NOT NULL DEFAULT 'data',
    "searchText" TEXT NOT NULL,
    "supportCount" INTEGER NOT NULL DEFAULT 0,
    "supportBits" INTEGER NOT NULL DEFAULT 0,
    "kind" "ServiceKind" NOT NULL DEFAULT 'other',
    "kindBasis" "KindBasis" NOT NULL DEFAULT 'rule',
    "kana" TEXT,
    "newestEvidence" TEXT,
    "mxPatterns" JSONB,
    "hostPatterns" JSONB,
    "members" JSONB,
    "notices" JSONB,
    "insecureSettings" JSONB,

    CONSTRAINT "Service_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ServiceDomain" (
    "id" SERIAL NOT NULL,
    "serviceId" INTEGER NOT NULL,
    "domain" TEXT NOT NULL,

    CONSTRAINT "ServiceDomain_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FormerName" (
    "id" SERIAL NOT NULL,
    "serviceId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "until" TEXT,

    CONSTRAINT "FormerName_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MailClient" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "version" TEXT,
    "platform" TEXT NOT NULL,

    CONSTRAINT "MailClient_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Property" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "category" "PropertyCategory" NOT NULL,
    "position" INTEGER NOT NULL,
    "labelJa" TEXT NOT NULL,
    "labelEn" TEXT NOT NULL,
    "shortJa" TEXT NOT NULL,
    "shortEn" TEXT NOT NULL,
    "appliesTo" "PropertySubject" NOT NULL,
    "articleSlug" TEXT,

    CONSTRAINT "Property_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Source" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "kind" "SourceKind" NOT NULL,
    "title" TEXT NOT NULL,
    "titleEn" TEXT,
    "url" TEXT,
    "note" TEXT,
    "asOf" TEXT,
    "undated" BOOLEAN NOT NULL DEFAULT false,
    "version" TEXT,
    "license" TEXT,

    CONSTRAINT "Source_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Claim" (
    "id" SERIAL NOT NULL,
    "serviceId" INTEGER,
    "clientId" INTEGER,
    "propertyId" INTEGER NOT NULL,
    "sourceId" INTEGER NOT NULL,
    "value" "SupportValue" NOT NULL,
    "asOf" TEXT NOT NULL,
    "verifiedOn" TEXT,
    "note" TEXT,
    "noteEn" TEXT,
    "warnings" JSONB,
    "details" JSONB,
    "isCurrent" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "Claim_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Endpoint" (
    "id" SERIAL NOT NULL,
    "serviceId" INTEGER NOT NULL,
    "direction" "EndpointDirection" NOT NULL,
    "protocol" "MailProtocol" NOT NULL,
    "host" TEXT NOT NULL,
    "port" INTEGER NOT NULL,
    "security" "EndpointSecurity" NOT NULL,
    "authMethods" JSONB NOT NULL,
    "sourceId" INTEGER NOT NULL,
    "asOf" TEXT NOT NULL,

    CONSTRAINT "Endpoint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CheckResult" (
    "id" SERIAL NOT NULL,
    "domain" TEXT NOT NULL,
    "report" JSONB NOT NULL,
    "checkedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CheckResult_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CatalogueState" (
    "id" INTEGER NOT NULL,
    "version" TEXT NOT NULL,
    "changedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CatalogueState_pkey" PRIMARY KEY ("id")
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
CREATE UNIQUE INDEX "ServiceDomain_domain_key" ON "ServiceDomain"("domain");

-- CreateIndex
CREATE INDEX "ServiceDomain_serviceId_idx" ON "ServiceDomain"("serviceId");

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

-- CreateIndex
CREATE UNIQUE INDEX "CheckResult_domain_key" ON "CheckResult"("domain");

-- AddForeignKey
ALTER TABLE "Service" ADD CONSTRAINT "Service_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceDomain" ADD CONSTRAINT "ServiceDomain_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FormerName" ADD CONSTRAINT "FormerName_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "MailClient"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_propertyId_fkey" FOREIGN KEY ("propertyId") REFERENCES "Property"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Endpoint" ADD CONSTRAINT "Endpoint_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Endpoint" ADD CONSTRAINT "Endpoint_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE CASCADE ON UPDATE CASCADE;
