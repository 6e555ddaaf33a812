-- CreateTable
CREATE TABLE "CheckLimitBucket" (
    "scope" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "hits" TEXT NOT NULL,
    "expiresAt" BIGINT NOT NULL,

    CONSTRAINT "CheckLimitBucket_pkey" PRIMARY KEY ("scope","key")
);

-- CreateIndex
CREATE INDEX "CheckLimitBucket_expiresAt_idx" ON "CheckLimitBucket"("expiresAt");
