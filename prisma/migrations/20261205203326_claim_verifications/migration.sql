-- CreateTable
CREATE TABLE "ClaimVerification" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "claimId" INTEGER NOT NULL,
    "day" TEXT NOT NULL,
    "checkedBy" TEXT NOT NULL,
    "note" TEXT,
    "details" JSONB,
    CONSTRAINT "ClaimVerification_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "ClaimVerification_claimId_day_key" ON "ClaimVerification"("claimId", "day");
