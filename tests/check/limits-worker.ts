// One app process's side of tests/check/shared-limits.integration.test.ts: the real check limits
// (getCheckLimits, reading DATABASE_URL and CHECK_LIMIT_* as the app does), hit in rounds the test
// starts in every process at once. Protocol on stdio, one line each: "ready", then "go" from the
// test, then "result <decisions as JSON>"; after the last round, "done".
import { createInterface } from "node:readline";
import { getCheckLimits } from "@/lib/check/check-limits";
import { getDb } from "@/lib/db";

type Request = { client: string; domain: string };

const rounds = JSON.parse(process.env.LIMITS_WORKER_ROUNDS ?? "[]") as Request[][];
const lines = createInterface({ input: process.stdin })[Symbol.asyncIterator]();

// connect before the first round, so the rounds race each other and not the start-up
await getDb().checkLimitBucket.count();
const limits = getCheckLimits();
for (const requests of rounds) {
  console.log("ready");
  const line = await lines.next();
  if (line.done || line.value !== "go") break;
  const decisions = await Promise.all(requests.map((request) => limits.hit(request)));
  console.log(`result ${JSON.stringify(decisions)}`);
}
await getDb().$disconnect();
console.log("done");
process.exit(0);
