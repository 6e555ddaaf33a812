import { existsSync } from "node:fs";
import path from "node:path";
import { REPO_ROOT } from "../helpers/temp-db";

// The real Thunderbird ISPDB sample lives beside the checkout, never inside it (it is someone
// else's data under the MPL): tests that need it skip, and say why, where it is absent.
export const ISPDB_DIR = path.resolve(REPO_ROOT, "../shared/ispdb/xml");
export const HAVE_ISPDB = existsSync(ISPDB_DIR);
export const ISPDB_FILE_COUNT = 131;

export function noteIfIspdbMissing(suite: string): void {
  if (!HAVE_ISPDB) {
    console.warn(
      `[${suite}] skipped: the ISPDB sample folder ${ISPDB_DIR} is absent (it is kept outside the repository).`,
    );
  }
}
