import { existsSync } from "node:fs";
import path from "node:path";
import { describe, it } from "vitest";
import { DATASETS, SHARED_SOURCES_INDEX } from "@/lib/sources/datasets";
import type { DatasetKey } from "@/lib/sources/record";
import { REPO_ROOT } from "./temp-db";

// The real provider datasets live beside the checkout in ../shared/sources, never inside it
// (they are other people's data under their own licences), so a fresh clone has no such folder
// and its `npm test` must still pass. CI is expected to provide it: there a missing folder is a
// failure, not a quiet skip.
export const SHARED_SOURCES = path.resolve(REPO_ROOT, "../shared/sources");
// sources.json: each pinned dataset's repository, commit, date and record count
export const SHARED_SOURCES_INDEX_FILE = path.resolve(REPO_ROOT, SHARED_SOURCES_INDEX);

// Where `npm run import -- <dataset>` reads a dataset by default, as lib/sources/datasets.ts says.
export function defaultInput(key: DatasetKey): string {
  return path.resolve(REPO_ROOT, DATASETS[key].defaultInput);
}

// Thunderbird's ISPDB: one clientConfig XML per provider.
export const ISPDB_FILES = defaultInput("thunderbird-ispdb");
export const ISPDB_FILE_COUNT = 163;

const HAVE_SHARED_SOURCES = existsSync(SHARED_SOURCES_INDEX_FILE);

// describe() for suites that read ../shared/sources: skipped with a note when it is absent,
// failed with the reason when it is absent under CI.
export function describeWithSharedSources(name: string, body: () => void): void {
  if (HAVE_SHARED_SOURCES) {
    describe(name, body);
    return;
  }
  const reason = `the shared datasets ${SHARED_SOURCES} are absent (they are kept outside the repository)`;
  if (process.env.CI) {
    describe(name, () => {
      it("needs the shared datasets", () => {
        throw new Error(`${reason}; CI must provide them.`);
      });
    });
    return;
  }
  console.warn(`[${name}] skipped: ${reason}.`);
  describe.skip(name, body);
}
