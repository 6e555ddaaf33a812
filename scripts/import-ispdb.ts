import { stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import cliProgress from "cli-progress";
import { z } from "zod";
import { isEntryPoint } from "@/lib/cli/entry-point";
import { createPrismaClient, type PrismaClient } from "@/lib/db";
import { readIspdbFolder } from "@/lib/ispdb/load-folder";
import { ISPDB_PROPERTY_KEYS } from "@/lib/ispdb/map";
import { buildImportReport, planIspdbImport, type ImportReport, type ProgressCallback } from "@/lib/ispdb/plan-import";
import { writeIspdbImport } from "@/lib/ispdb/write-import";

const USAGE = "Usage: npm run import:ispdb -- <folder> [--as-of YYYY-MM-DD] [--report file.json]";

const isoDaySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be YYYY-MM-DD")
  .refine((d) => new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), "is not a calendar date");

function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

// A bar only on a terminal: in CI logs and pipes it would be a wall of carriage returns.
function progressBar(show: boolean): { onProgress?: ProgressCallback; stop: () => void } {
  if (!show) return { stop: () => {} };
  const bar = new cliProgress.SingleBar(
    { format: "{phase} [{bar}] {value}/{total}", hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  let phase: string | undefined;
  return {
    onProgress: (next, done, total) => {
      const label = next === "read" ? "Reading files " : "Writing       ";
      if (phase !== next) {
        if (phase) bar.stop();
        bar.start(total, 0, { phase: label });
        phase = next;
      }
      bar.update(done, { phase: label });
    },
    stop: () => {
      if (phase) bar.stop();
    },
  };
}

export function formatImportReport(report: ImportReport): string {
  const lines: string[] = [];
  const errors = report.problems.filter((p) => p.severity === "error");
  const warnings = report.problems.filter((p) => p.severity === "warning");
  lines.push(
    `Thunderbird ISPDB import, as of ${report.asOf}`,
    `  files read:          ${report.filesRead}`,
    `  providers imported:  ${report.providersImported}`,
    `  files failed:        ${report.filesFailed}`,
    `  claims written:      ${report.claims}`,
    `  endpoints written:   ${report.endpoints}`,
    "",
    "Claims per property (yes / partial):",
    ...ISPDB_PROPERTY_KEYS.map(
      (k) =>
        `  ${k.padEnd(20)} ${String(report.propertyCounts[k].yes).padStart(4)} / ${report.propertyCounts[k].partial}`,
    ),
  );
  if (report.failures.length > 0) {
    lines.push("", `Files NOT imported (${report.failures.length}); fix them and run again:`);
    for (const f of report.failures) {
      for (const i of f.issues) lines.push(`  ${f.file}: field ${i.field}: ${i.message}`);
    }
  }
  lines.push(
    "",
    `Data problems in the ISPDB (imported as stated): ${errors.length} error(s), ${warnings.length} warning(s)`,
  );
  for (const p of [...errors, ...warnings]) {
    lines.push(`  ${p.severity.padEnd(7)} ${p.file}  ${p.entry}  [${p.code}] ${p.message}`);
  }
  if (report.unmapped.length > 0) {
    lines.push("", "Entries not stored (no property or endpoint protocol describes them):");
    for (const u of report.unmapped) lines.push(`  ${u.file}  ${u.entry}`);
  }
  return lines.join("\n");
}

type MainOptions = { openDb?: () => PrismaClient; showProgress?: boolean };

// Exported so tests can run the whole command in-process against a database of their own.
export async function main(
  argv: string[],
  { openDb = () => createPrismaClient(), showProgress = Boolean(process.stdout.isTTY) }: MainOptions = {},
): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { "as-of": { type: "string" }, report: { type: "string" } },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const [folderArg, ...extra] = args.positionals;
  if (!folderArg || extra.length > 0) {
    console.error(USAGE);
    return 2;
  }
  const asOf = isoDaySchema.safeParse(args.values["as-of"] ?? today());
  if (!asOf.success) {
    console.error(`--as-of ${z.prettifyError(asOf.error)}\n${USAGE}`);
    return 2;
  }
  const folder = path.resolve(folderArg);
  if (!(await stat(folder).catch(() => null))?.isDirectory()) {
    console.error(`${folder} is not a folder.\n${USAGE}`);
    return 2;
  }

  const progress = progressBar(showProgress);
  const plan = planIspdbImport(await readIspdbFolder(folder), progress.onProgress);
  let report = buildImportReport(plan, asOf.data);
  let failed: string | undefined;
  if (plan.providers.length === 0) {
    failed = `Nothing imported: none of the ${plan.files.length} .xml files in ${folder} could be read as an ISPDB provider.`;
  } else {
    const db = openDb();
    try {
      const imported = await writeIspdbImport(db, plan, { asOf: asOf.data, onProgress: progress.onProgress });
      report = buildImportReport(plan, asOf.data, imported);
    } catch (error) {
      failed = `Import failed and was rolled back; the database was not changed: ${(error as Error).message}`;
    } finally {
      await db.$disconnect();
    }
  }
  progress.stop();

  console.log(`Folder: ${folder}`);
  console.log(formatImportReport(report));
  if (args.values.report) {
    await writeFile(args.values.report, `${JSON.stringify({ folder, ...report }, null, 2)}\n`);
    console.log(`\nReport written to ${args.values.report}`);
  }
  if (failed) {
    console.error(`\n${failed}`);
    return 1;
  }
  if (report.filesFailed > 0) {
    console.warn(
      `\n${report.filesFailed} of ${report.filesRead} files were NOT imported (listed above); the other ${report.providersImported} were.`,
    );
  }
  return 0;
}

if (isEntryPoint(import.meta.url)) process.exitCode = await main(process.argv.slice(2));
