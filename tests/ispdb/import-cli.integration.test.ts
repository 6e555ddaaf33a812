import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db";
import type { ImportReport } from "@/lib/ispdb/plan-import";
import { createTempDatabase, REPO_ROOT, seedReviewedData } from "../helpers/temp-db";
import { BROKEN_XML, copySampleWith } from "./fixtures";
import { describeWithIspdbSample } from "../helpers/ispdb-sample";

const AS_OF = "2026-03-12";
const scratch = mkdtempSync(path.join(tmpdir(), "msc-ispdb-cli-"));
const temp = createTempDatabase();
afterAll(() => {
  temp.cleanup();
  rmSync(scratch, { recursive: true, force: true });
});

// The one run of the real command: the import and the command's other exits are tested
// in-process (import.test.ts); this proves the npm script, arguments, output and exit code fit.
describeWithIspdbSample("npm run import:ispdb", () => {
  it("imports, prints the summary and writes the JSON report; a bad file is reported, not fatal", async () => {
    const db = createPrismaClient(temp.url);
    try {
      await seedReviewedData(db);
    } finally {
      await db.$disconnect();
    }
    const folder = copySampleWith(mkdtempSync(path.join(scratch, "sample-")), { "broken.xml": BROKEN_XML });
    const reportFile = path.join(scratch, "report.json");
    // spawnSync rather than execFileSync: a successful run's stderr matters too (the failed-files note).
    const result = spawnSync(
      "npm",
      ["run", "--silent", "import:ispdb", "--", folder, "--as-of", AS_OF, "--report", reportFile],
      { cwd: REPO_ROOT, env: { ...process.env, DATABASE_URL: temp.url }, encoding: "utf8" },
    );
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain(`Thunderbird ISPDB import, as of ${AS_OF}`);
    expect(result.stdout).toMatch(/files read: +132\n +providers imported: +131\n +files failed: +1\n/);
    expect(result.stdout).toMatch(/pop3s +89 \/ 0/);
    expect(result.stdout).toMatch(/apop +0 \/ 8/);
    expect(result.stdout).toContain("Files NOT imported (1)");
    expect(result.stdout).toContain("broken.xml: field (document): not well-formed XML");
    expect(result.stdout).toContain(
      "error   arubapec.it.xml  incoming pop3 pop3s.pec.aruba.it:993 SSL  [port-of-other-protocol] POP3 server on port 993, the IMAPS port",
    );
    expect(result.stderr).toContain("1 of 132 files were NOT imported (listed above); the other 131 were.");
    // No progress bar when stdout is not a terminal.
    expect(result.stdout).not.toContain("\r");

    const json = JSON.parse(readFileSync(reportFile, "utf8")) as ImportReport & { folder: string };
    expect(json.folder).toBe(folder);
    expect(json.providersImported + json.filesFailed).toBe(json.filesRead);
    expect(json.failures.map((f) => f.file)).toEqual(["broken.xml"]);
    expect(json.propertyCounts["smtp-auth"]).toEqual({ yes: 131, partial: 0 });
    expect(json.problems.filter((p) => p.severity === "error")).toEqual([
      {
        file: "arubapec.it.xml",
        providerId: "arubapec.it",
        severity: "error",
        code: "port-of-other-protocol",
        entry: "incoming pop3 pop3s.pec.aruba.it:993 SSL",
        message: "POP3 server on port 993, the IMAPS port",
      },
    ]);
  });
});
