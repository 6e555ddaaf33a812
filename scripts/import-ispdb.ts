import { stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import cliProgress from "cli-progress";
import { z } from "zod";
import { createPrismaClient } from "@/lib/db";
import {
  buildReport,
  formatImportReport,
  loadIspdbFolder,
  writeIspdbImport,
  type ProgressCallback,
} from "@/lib/ispdb/import";

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
function progressBar(): { onProgress?: ProgressCallback; stop: () => void } {
  if (!process.stdout.isTTY) return { stop: () => {} };
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

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
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

  const progress = progressBar();
  const loaded = await loadIspdbFolder(folder, progress.onProgress);
  let report = buildReport(loaded, asOf.data, []);
  let failed: string | undefined;
  if (loaded.providers.length === 0) {
    failed = `Nothing imported: none of the ${loaded.files.length} .xml files in ${folder} could be read as an ISPDB provider.`;
  } else {
    const db = createPrismaClient();
    try {
      report = await writeIspdbImport(db, loaded, { asOf: asOf.data, onProgress: progress.onProgress });
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

process.exitCode = await main();
