import { existsSync } from "node:fs";
import path from "node:path";
import { describe, it } from "vitest";
import { REPO_ROOT } from "./temp-db";

// The real Thunderbird ISPDB sample lives beside the checkout, never inside it (it is someone
// else's data under the MPL), so a fresh clone has no such folder and its `npm test` must still
// pass. CI is expected to provide it: there a missing sample is a failure, not a quiet skip.
export const ISPDB_DIR = path.resolve(REPO_ROOT, "../shared/ispdb/xml");
export const ISPDB_FILE_COUNT = 131;

const HAVE_ISPDB = existsSync(ISPDB_DIR);

// describe() for suites that read the sample: skipped with a note when it is absent, failed
// with the reason when it is absent under CI.
export function describeWithIspdbSample(name: string, body: () => void): void {
  if (HAVE_ISPDB) {
    describe(name, body);
    return;
  }
  const reason = `the ISPDB sample folder ${ISPDB_DIR} is absent (it is kept outside the repository)`;
  if (process.env.CI) {
    describe(name, () => {
      it("needs the ISPDB sample", () => {
        throw new Error(`${reason}; CI must provide it.`);
      });
    });
    return;
  }
  console.warn(`[${name}] skipped: ${reason}.`);
  describe.skip(name, body);
}
