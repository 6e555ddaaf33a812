import { readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import type { PrismaClient } from "@/lib/db";
import { planCatalogue, type CataloguePlan } from "@/lib/seed/build-catalogue";
import { loadCatalogueData } from "@/lib/seed/load-data";
import { writeCatalogueData, type SeedSummary } from "@/lib/seed/write-data";
import { claimsFromSettings } from "@/lib/sources/claims";
import { DATASETS } from "@/lib/sources/datasets";
import type { RecordError } from "@/lib/sources/read-result";
import type { DatasetKey, FindingCode, Snapshot } from "@/lib/sources/record";
import { buildSnapshot, serializeSnapshot, snapshotPath } from "@/lib/sources/snapshot";

// One import: read a dataset, check every record, then re-plan the whole catalogue with the new
// snapshot and write it to the database in one transaction; only after that commits is the
// snapshot file replaced. Any failure leaves both the file and the database as they were.

export type ImportReport = {
  dataset: DatasetKey;
  version: string;
  date: string;
  records: number;
  // what the snapshot's records prove, per property (yes / partial), before merging
  claimsPerProperty: Record<string, { yes: number; partial: number }>;
  findings: Partial<Record<FindingCode, number>>;
  findingList: Array<{ record: string; code: FindingCode; setting: string | null; message: string }>;
  warnings: RecordError[];
  errors: RecordError[];
  snapshot: "written" | "unchanged" | "not written";
  services: number | null;
  seeded: SeedSummary | null;
};

function describe(snapshot: Snapshot): Pick<ImportReport, "claimsPerProperty" | "findings" | "findingList"> {
  const claimsPerProperty: ImportReport["claimsPerProperty"] = {};
  const findings: ImportReport["findings"] = {};
  const findingList: ImportReport["findingList"] = [];
  const logsIn = DATASETS[snapshot.dataset.key].logsInByDefault;
  for (const record of snapshot.records) {
    for (const claim of claimsFromSettings(record.settings, logsIn)) {
      const count = (claimsPerProperty[claim.property] ??= { yes: 0, partial: 0 });
      count[claim.value] += 1;
    }
    for (const f of record.findings) {
      findings[f.code] = (findings[f.code] ?? 0) + 1;
      findingList.push({ record: record.id, ...f });
    }
  }
  return { claimsPerProperty, findings, findingList };
}

export type ImportOptions = {
  root: string;
  dataset: DatasetKey;
  input: string;
  version: { version: string; date: string };
  // null: write the snapshot only (a database-less run, e.g. to review a diff first)
  db: PrismaClient | null;
  onPhase?: (phase: "read" | "plan" | "write", detail: string) => void;
};

export async function importDataset(options: ImportOptions): Promise<{ ok: boolean; report: ImportReport }> {
  const { dataset, version } = options;
  options.onPhase?.("read", `reading and checking ${options.input}`);
  const built = await buildSnapshot(dataset, options.input, version);
  const base: ImportReport = {
    dataset,
    version: version.version,
    date: version.date,
    records: 0,
    claimsPerProperty: {},
    findings: {},
    findingList: [],
    warnings: built.warnings,
    errors: [],
    snapshot: "not written",
    services: null,
    seeded: null,
  };
  if (!built.ok) return { ok: false, report: { ...base, errors: built.errors } };

  const report: ImportReport = { ...base, records: built.snapshot.records.length, ...describe(built.snapshot) };
  const file = snapshotPath(options.root, dataset);
  const text = serializeSnapshot(built.snapshot);
  const previous = await readFile(file, "utf8").catch(() => null);

  // The plan is built from the data folder as it would be with the new snapshot in place.
  options.onPhase?.("plan", `merging ${report.records} records with every other source`);
  const data = await loadCatalogueData(path.join(options.root, "data"));
  data.snapshots = [...data.snapshots.filter((s) => s.dataset.key !== dataset), built.snapshot];
  const plan: CataloguePlan = planCatalogue(data);
  report.services = plan.companies.reduce((n, c) => n + c.services.length, 0);
  if (options.db) {
    options.onPhase?.("write", `writing ${report.services} services in one transaction`);
    report.seeded = await writeCatalogueData(options.db, plan);
  }

  if (previous === text) {
    report.snapshot = "unchanged";
  } else {
    const temporary = `${file}.${process.pid}.tmp`;
    await writeFile(temporary, text);
    await rename(temporary, file);
    report.snapshot = "written";
  }
  return { ok: true, report };
}
