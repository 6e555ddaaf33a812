import type { PrismaClient } from "@/lib/db";
import { storedReportSchema, type CheckReport } from "./types";
import { computeVerdict } from "./verdict";

// The latest check per domain. One row per domain, replaced by each new run: the page shows only
// the newest, and an older run is stale evidence nobody reads, so it is not kept.

export type StoredCheck = { report: CheckReport; checkedAt: Date };

export async function saveCheckResult(db: PrismaClient, report: CheckReport, checkedAt = new Date()): Promise<void> {
  // The verdict is derived again on reading, so only what was seen is stored.
  const { verdict: _verdict, ...stored } = report;
  const data = { report: storedReportSchema.parse(stored), checkedAt };
  await db.checkResult.upsert({
    where: { domain: report.domain },
    create: { domain: report.domain, ...data },
    update: data,
  });
}

// A row written by an older shape of the report reads as "no stored result" rather than
// breaking the page: running the check again replaces it.
export async function getLatestCheckResult(db: PrismaClient, domain: string): Promise<StoredCheck | null> {
  const row = await db.checkResult.findUnique({ where: { domain } });
  if (!row) return null;
  const parsed = storedReportSchema.safeParse(row.report);
  if (!parsed.success) return null;
  return { report: { ...parsed.data, verdict: computeVerdict(parsed.data.servers) }, checkedAt: row.checkedAt };
}
