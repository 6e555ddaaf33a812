import { readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { calendarDateSchema } from "@/lib/schemas/dates";
import { formatIssuePath } from "@/lib/schemas/issue-path";
import { DATASETS, SHARED_INDEX_KEYS, SHARED_SOURCES_INDEX } from "@/lib/sources/datasets";
import { withQualityFindings } from "@/lib/sources/quality";
import type { RecordError } from "@/lib/sources/read-result";
import { snapshotSchema, type DatasetInfo, type DatasetKey, type Snapshot } from "@/lib/sources/record";

export const SNAPSHOT_DIR = path.join("data", "snapshots");
export const snapshotPath = (root: string, key: DatasetKey) => path.join(root, SNAPSHOT_DIR, `${key}.json`);

export type BuildResult =
  | { ok: true; snapshot: Snapshot; warnings: RecordError[] }
  | { ok: false; errors: RecordError[]; warnings: RecordError[] };

const sharedIndexSchema = z.record(
  z.string(),
  z.object({ commit: z.string().min(7).max(100), date: calendarDateSchema }),
);

// The commit and date of a pinned dataset in ../shared/sources, so a snapshot says which
// version of the dataset its facts come from.
export async function readPinnedVersion(
  root: string,
  key: DatasetKey,
): Promise<{ version: string; date: string } | null> {
  const indexKey = SHARED_INDEX_KEYS[key];
  if (!indexKey) return null;
  try {
    const index = sharedIndexSchema.parse(JSON.parse(await readFile(path.join(root, SHARED_SOURCES_INDEX), "utf8")));
    const entry = index[indexKey];
    return entry ? { version: entry.commit.slice(0, 7), date: entry.date } : null;
  } catch {
    return null;
  }
}

// Reads a dataset and returns its snapshot, or every record error: nothing half-read is kept.
export async function buildSnapshot(
  key: DatasetKey,
  input: string,
  version: { version: string; date: string },
): Promise<BuildResult> {
  const definition = DATASETS[key];
  const result = await definition.read(input);
  const warnings = result.warnings ?? [];
  if (result.errors.length > 0) return { ok: false, errors: result.errors, warnings };
  const dataset: DatasetInfo = {
    key,
    title: definition.title,
    url: definition.url,
    version: version.version,
    date: version.date,
    license: definition.license,
  };
  const ids = new Set<string>();
  const errors: RecordError[] = [];
  for (const r of result.records) {
    if (ids.has(r.id)) errors.push({ file: path.basename(input), record: r.id, field: "id", message: "appears twice" });
    ids.add(r.id);
  }
  if (errors.length > 0) return { ok: false, errors, warnings };
  const records = result.records
    .map((r) => withQualityFindings(r, definition.logsInByDefault))
    .sort((a, b) => a.id.localeCompare(b.id));
  const parsed = snapshotSchema.safeParse({ format: 1, dataset, records });
  if (!parsed.success) {
    return {
      ok: false,
      warnings,
      errors: parsed.error.issues.map((i) => {
        const [top, index, ...rest] = i.path;
        const record = top === "records" && typeof index === "number" ? records[index] : undefined;
        return {
          file: path.basename(input),
          // a record's own field, or the dataset's (its date, given on the command line)
          record: record?.id ?? "(dataset)",
          field: record ? formatIssuePath(rest, "(record)") : formatIssuePath(i.path, "(snapshot)"),
          message: i.message,
        };
      }),
    };
  }
  return { ok: true, snapshot: parsed.data, warnings };
}

// Stable bytes for the same facts, so re-importing an unchanged dataset changes nothing in git.
export function serializeSnapshot(snapshot: Snapshot): string {
  return `${JSON.stringify(snapshot, null, 1)}\n`;
}
