import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { snapshotPath, SNAPSHOT_DIR } from "@/lib/sources/snapshot";
import { REPO_ROOT } from "../helpers/temp-db";

const scratch = mkdtempSync(path.join(tmpdir(), "msc-import-cli-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const GOOD = `<?xml version="1.0"?><clientConfig version="1.1"><emailProvider id="good.example">
  <domain>good.example</domain><displayName>Good</displayName>
  <incomingServer type="imap"><hostname>imap.good.example</hostname><port>993</port><socketType>SSL</socketType><authentication>password-cleartext</authentication></incomingServer>
  <outgoingServer type="smtp"><hostname>smtp.good.example</hostname><port>465</port><socketType>SSL</socketType><authentication>password-cleartext</authentication></outgoingServer>
</emailProvider></clientConfig>`;

const digest = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

// The one run of the real command: imports themselves are tested in-process (import.test.ts);
// this proves the npm script's tsx entry point, its arguments, its report and its exit code fit.
// A refused import stops before it reads or writes data/, so the command runs on the checkout as
// a person runs it, and the test checks that it left the checkout's snapshot alone.
describe("npm run import -- thunderbird-ispdb <folder>", () => {
  it("refuses a folder with broken files: exit 1, each file and field named, nothing written", () => {
    const folder = mkdtempSync(path.join(scratch, "ispdb-"));
    for (const [name, text] of Object.entries({
      "good.example.xml": GOOD,
      "cut.example.xml": GOOD.slice(0, 120),
      "noport.example.xml": GOOD.replace("<port>465</port>", ""),
      // a real oversized field: it once took 21 s and 3.3 GB, and made an 839 MB page
      "huge.example.xml": GOOD.replace(">Good<", `>${"A".repeat(1024 * 1024)}<`),
      // "Café" in Latin-1: a byte that is not UTF-8
      "latin1.example.xml": Buffer.from(GOOD.replace(">Good<", ">Café<"), "latin1"),
    }))
      writeFileSync(path.join(folder, name), text);
    const shipped = snapshotPath(REPO_ROOT, "thunderbird-ispdb");
    const before = digest(shipped);
    // --no-db: the command must not so much as open the database it is pointed at
    const database = path.join(scratch, "never-created.db");

    const result = spawnSync(
      "npx",
      ["tsx", "scripts/import.ts", "thunderbird-ispdb", folder, "--version", "test", "--date", "2026-01-01", "--no-db"],
      { cwd: REPO_ROOT, env: { ...process.env, DATABASE_URL: `file:${database}` }, encoding: "utf8" },
    );

    expect(result.status, result.stderr).toBe(1);
    expect(result.stdout).toContain("thunderbird-ispdb test (2026-01-01): 0 records read.");
    expect(result.stdout).toContain(
      "Import refused; neither data/snapshots nor the database was changed. 4 problem(s):",
    );
    expect(result.stdout).toContain(
      "  huge.example.xml: record huge.example.xml, field emailProvider.displayName: must be at most 200 characters\n",
    );
    expect(result.stdout).toMatch(
      /^ {2}latin1\.example\.xml: record latin1\.example\.xml, field name: contains bytes that are not valid UTF-8 \(the file's first bad byte is at line 2, byte offset \d+\)$/m,
    );
    expect(result.stdout).toMatch(
      /^ {2}cut\.example\.xml: record cut\.example\.xml, field \(document\): not well-formed XML/m,
    );
    expect(result.stdout).toMatch(
      /^ {2}noport\.example\.xml: record noport\.example\.xml, field emailProvider\.outgoingServer\[0\]\.port: \S/m,
    );
    expect(result.stdout).not.toContain("good.example.xml:");
    expect(digest(shipped)).toBe(before);
    expect(readdirSync(path.join(REPO_ROOT, SNAPSHOT_DIR)).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    expect(existsSync(database)).toBe(false);
  });
});
