import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");
let template: string | undefined;

// Migrating takes a couple of seconds (the wasm engine), so one migrated file is made per test
// worker and copied for each test that needs a fresh database.
function migratedTemplate(): string {
  if (template) return template;
  const dir = mkdtempSync(path.join(tmpdir(), "msc-template-"));
  const file = path.join(dir, "template.db");
  execFileSync("npx", ["tsx", "prisma/migrate.ts", "deploy"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: `file:${file}` },
    stdio: "pipe",
  });
  template = file;
  return file;
}

export function createTempDatabase(): { url: string; file: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), "msc-db-"));
  const file = path.join(dir, "test.db");
  copyFileSync(migratedTemplate(), file);
  return { url: `file:${file}`, file, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export const REPO_ROOT = ROOT;
