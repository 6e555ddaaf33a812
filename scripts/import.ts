import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { isEntryPoint } from "@/lib/cli/entry-point";
import { calendarDateSchema } from "@/lib/schemas/dates";
import { createPrismaClient, type PrismaClient } from "@/lib/db";
import { DataValidationError } from "@/lib/seed/load-data";
import { DATASETS } from "@/lib/sources/datasets";
import { importDataset, type ImportReport } from "@/lib/sources/import";
import { datasetKeySchema, snapshotSchema, type DatasetKey } from "@/lib/sources/record";
import { readPinnedVersion, snapshotPath } from "@/lib/sources/snapshot";

const ROOT = path.resolve(import.meta.dirname, "..");
const USAGE = [
  "Usage: npm run import -- <dataset> [input] [--version V] [--date YYYY-MM-DD] [--report file.json] [--no-db]",
  `  datasets: ${Object.keys(DATASETS).join(", ")}`,
  "  input:    a folder or file in the dataset's format (default: the pinned copy in ../shared/sources)",
].join("\n");

// The dataset's version and date: as given, else the pinned copy's (../shared/sources), else
// the installed package's for nodemailer with the date kept from the last snapshot of it.
async function resolveVersion(
  dataset: DatasetKey,
  given: { version?: string; date?: string },
): Promise<{ version: string; date: string } | string> {
  const pinned = await readPinnedVersion(ROOT, dataset);
  let version = given.version ?? pinned?.version;
  let date = given.date ?? pinned?.date;
  if (dataset === "nodemailer") {
    const pkg = JSON.parse(await readFile(path.join(ROOT, "node_modules", "nodemailer", "package.json"), "utf8")) as {
      version: string;
    };
    version ??= pkg.version;
    if (!date) {
      const previous = snapshotSchema.safeParse(
        JSON.parse(await readFile(snapshotPath(ROOT, dataset), "utf8").catch(() => "null")),
      );
      if (previous.success && previous.data.dataset.version === version) date = previous.data.dataset.date;
    }
  }
  if (!version || !date)
    return `give --version and --date for ${dataset} (the dataset's commit or version and the day it was published)`;
  const day = calendarDateSchema.safeParse(date);
  if (!day.success) return `--date ${z.prettifyError(day.error)}`;
  return { version, date };
}

export function formatReport(report: ImportReport, ok: boolean): string {
  const lines = [`${report.dataset} ${report.version} (${report.date}): ${report.records} records read.`];
  if (!ok) {
    lines.push(
      `Import refused; neither data/snapshots nor the database was changed. ${report.errors.length} problem(s):`,
    );
    for (const e of report.errors) lines.push(`  ${e.file}: record ${e.record}, field ${e.field}: ${e.message}`);
    return lines.join("\n");
  }
  lines.push("", "What the records prove, per property (yes / partial):");
  for (const [key, c] of Object.entries(report.claimsPerProperty))
    lines.push(`  ${key.padEnd(20)} ${String(c.yes).padStart(4)} / ${c.partial}`);
  lines.push("", `Data-quality findings (imported as stated, shown beside the claims): ${report.findingList.length}`);
  for (const [code, n] of Object.entries(report.findings)) lines.push(`  ${code.padEnd(32)} ${n}`);
  for (const f of report.findingList) lines.push(`    ${f.record}  ${f.setting ?? ""}  [${f.code}] ${f.message}`);
  if (report.warnings.length > 0) {
    lines.push("", `Skipped (${report.warnings.length}):`);
    for (const w of report.warnings) lines.push(`  ${w.record}: ${w.message}`);
  }
  lines.push("", `Snapshot ${snapshotPath(".", report.dataset)}: ${report.snapshot}.`);
  lines.push(`Catalogue after merging every source: ${report.services} services.`);
  if (report.seeded)
    lines.push(
      `Database: ${report.seeded.services} services, ${report.seeded.claims} claims, ${report.seeded.endpoints} endpoints written in one transaction.`,
    );
  else lines.push("Database: not written (--no-db).");
  return lines.join("\n");
}

type MainOptions = { openDb?: () => PrismaClient; root?: string };

// Exported so tests can run the whole command in-process against a database of their own.
export async function main(
  argv: string[],
  { openDb = () => createPrismaClient(), root = ROOT }: MainOptions = {},
): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        version: { type: "string" },
        date: { type: "string" },
        report: { type: "string" },
        "no-db": { type: "boolean", default: false },
      },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const [datasetArg, inputArg, ...extra] = args.positionals;
  const dataset = datasetKeySchema.safeParse(datasetArg);
  if (!dataset.success || extra.length > 0) {
    console.error(USAGE);
    return 2;
  }
  const version = await resolveVersion(dataset.data, { version: args.values.version, date: args.values.date });
  if (typeof version === "string") {
    console.error(`${version}\n${USAGE}`);
    return 2;
  }
  const input = path.resolve(root, inputArg ?? DATASETS[dataset.data].defaultInput);
  const db = args.values["no-db"] ? null : openDb();
  try {
    const onPhase = (_phase: string, detail: string) => console.log(`… ${detail}`);
    const { ok, report } = await importDataset({ root, dataset: dataset.data, input, version, db, onPhase });
    console.log(formatReport(report, ok));
    if (args.values.report) await writeFile(args.values.report, `${JSON.stringify(report, null, 2)}\n`);
    return ok ? 0 : 1;
  } catch (error) {
    if (error instanceof DataValidationError) {
      console.error(
        `Import refused; nothing was changed. The data folder does not validate with this snapshot:\n${error.message}`,
      );
      return 1;
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") {
      console.error(`Cannot read ${input}: ${(error as Error).message}\n${USAGE}`);
      return 2;
    }
    console.error(`Import failed and was rolled back; nothing was changed: ${(error as Error).message}`);
    return 1;
  } finally {
    await db?.$disconnect();
  }
}

if (isEntryPoint(import.meta.url)) process.exitCode = await main(process.argv.slice(2));
