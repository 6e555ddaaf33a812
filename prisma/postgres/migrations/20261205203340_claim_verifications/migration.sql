-- CreateTable
CREATE TABLE "ClaimVerification" (
    "id" SERIAL NOT NULL,
    "claimId" INTEGER NOT NULL,
    "day" TEXT NOT NULL,
    "checkedBy" TEXT NOT NULL,
    "note" TEXT,
    "details" JSONB,

    CONSTRAINT "ClaimVerification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ClaimVerification_claimId_day_key" ON "ClaimVerification"("claimId", "day");

-- AddForeignKey
ALTER TABLE "ClaimVerification" ADD CONSTRAINT "ClaimVerification_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;
