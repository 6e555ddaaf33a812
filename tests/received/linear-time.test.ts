import { describe, expect, it } from "vitest";
import { analyzeReceivedHeaders, receivedAnalysisSchema } from "@/lib/received";

const MIB = 1_048_576;
// Generous on purpose: the bench (npm run bench:received) holds the real bars; this only
// catches a quadratic path, which would take minutes at 1 MiB, not milliseconds.
const LIMIT_MS = 2_000;

function fill(pattern: string, bytes: number): string {
  return pattern.repeat(Math.ceil(bytes / pattern.length)).slice(0, bytes);
}

const HOSTILE: Array<[string, string]> = [
  ["open parentheses", `Received: ${"(".repeat(100_000)}`],
  ["((((a", `Received: ${fill("((((a", MIB)}`],
  ["escaped parentheses", `Received: (${fill("\\(", MIB)}`],
  ["equals signs", `Received: ${fill("=", MIB)}`],
  ["spaces", `Received: from${fill(" ", MIB)}x`],
  ["semicolons", `Received: ${fill(";", MIB)}`],
  ["semicolon-separated words", `Received: ${fill("a ;", MIB)}`],
  ["quotes", `Received: ${fill('"', MIB)}`],
  ["encoded-word starts", `Received: (${fill("=?a?b?", MIB)})`],
  ["keyword soup", `Received: ${fill("from by with id for via tls ", MIB)}`],
  ["TLS-looking comments", `Received: ${fill("(using TLSv1.2 with cipher ", MIB)}`],
  ["date junk", `Received: by x; ${fill("Tue, 14 Feb ", MIB)}`],
  ["one long line", `Received: from ${fill("a.example.com [192.0.2.1] ", MIB)}`],
  [
    "many fields",
    "Received: from a ([192.0.2.1]) by b with ESMTPS id c; Tue, 14 Feb 2023 10:00:00 +0000\n".repeat(10_000),
  ],
];

describe("analyzeReceivedHeaders stays linear on hostile input", () => {
  it.each(HOSTILE)("%s", (_label, raw) => {
    const start = performance.now();
    const analysis = analyzeReceivedHeaders(raw);
    const elapsed = performance.now() - start;
    expect(receivedAnalysisSchema.safeParse(analysis).success).toBe(true);
    expect(elapsed).toBeLessThan(LIMIT_MS);
  });
});
