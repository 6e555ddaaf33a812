import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { REPO_ROOT } from "../helpers/temp-db";

// A copy of the real data/ folder that a test may break in one place.
export function copyOfRealData(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "msc-data-"));
  for (const file of ["properties.json", "sources.json", "companies.json", "clients.json"]) {
    cpSync(path.join(REPO_ROOT, "data", file), path.join(dir, file));
  }
  return dir;
}

export function editJson(dir: string, file: string, edit: (json: any) => void): void {
  const full = path.join(dir, file);
  const json = JSON.parse(readFileSync(full, "utf8"));
  edit(json);
  writeFileSync(full, JSON.stringify(json, null, 2));
}
