import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { DATA_FILES, DOCUMENTATION_DIR, SNAPSHOT_DIR } from "@/lib/seed/load-data";
import { REPO_ROOT } from "../helpers/temp-db";

// A copy of everything in the real data/ folder that seeding reads (the reviewed files, the
// editorial decisions, documentation and dataset snapshots), for a test to break in one place.
export function copyOfRealData(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "msc-data-"));
  for (const name of [...Object.values(DATA_FILES), DOCUMENTATION_DIR, SNAPSHOT_DIR]) {
    cpSync(path.join(REPO_ROOT, "data", name), path.join(dir, name), { recursive: true });
  }
  return dir;
}

export function editJson(dir: string, file: string, edit: (json: any) => void): void {
  const full = path.join(dir, file);
  const json = JSON.parse(readFileSync(full, "utf8"));
  edit(json);
  writeFileSync(full, JSON.stringify(json, null, 2));
}
