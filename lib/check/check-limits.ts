import { getDomain } from "tldts";
import { z } from "zod";
import { getDb, providerOf, type PrismaClient } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import {
  CHECK_RATE_LIMIT,
  decideWindow,
  formatHits,
  hitsInWindow,
  parseHits,
  type RateLimitDecision,
  type WindowSettings,
} from "./rate-limit";

// A check makes this server connect to someone else's hosts, so three allowances stand between a
// visitor and a probe: per client (the address server.ts determined, never a header the client
// wrote), per target (the registrable domain, so a.victim.example and b.victim.example count
// together and nobody can aim many checks at one host) and for the whole site (a cap on the
// probes we send at all, whoever asks). A refused check counts against none of them.
//
// The windows live in the database (CheckLimitBucket), so every app process that shares it
// enforces one limit (docs/decisions/0012-shared-state.md).
export type CheckLimitScope = "client" | "domain" | "global";
export type CheckLimitDecision = { allowed: true } | { allowed: false; scope: CheckLimitScope; retryAfterMs: number };

const limitsEnvSchema = z.object({
  CHECK_LIMIT_PER_DOMAIN: z.coerce.number().int().min(1).max(10_000).default(6),
  CHECK_LIMIT_PER_DOMAIN_WINDOW_S: z.coerce.number().int().min(1).max(86_400).default(600),
  CHECK_LIMIT_GLOBAL: z.coerce.number().int().min(1).max(100_000).default(30),
  CHECK_LIMIT_GLOBAL_WINDOW_S: z.coerce.number().int().min(1).max(86_400).default(60),
});

export type CheckLimitSettings = Record<CheckLimitScope, WindowSettings>;

export function parseCheckLimits(source: Record<string, string | undefined>): CheckLimitSettings {
  const parsed = limitsEnvSchema.safeParse(source);
  if (!parsed.success) throw new Error(`Invalid environment: ${z.prettifyError(parsed.error)}`);
  const env = parsed.data;
  return {
    client: CHECK_RATE_LIMIT,
    domain: { limit: env.CHECK_LIMIT_PER_DOMAIN, windowMs: env.CHECK_LIMIT_PER_DOMAIN_WINDOW_S * 1000 },
    global: { limit: env.CHECK_LIMIT_GLOBAL, windowMs: env.CHECK_LIMIT_GLOBAL_WINDOW_S * 1000 },
  };
}

export type CheckLimits = { hit: (request: { client: string; domain: string }) => Promise<CheckLimitDecision> };

// The order the scopes are decided in, and the order a check locks their rows in: one order for
// every process, so two checks never wait for each other's rows in a cycle.
const SCOPES = ["client", "domain", "global"] as const satisfies readonly CheckLimitScope[];
const GLOBAL_KEY = "all";
// Rows whose window has passed are deleted at most this often per process, after an allowed check.
const PRUNE_INTERVAL_MS = 60_000;
// A check waits for the rows other checks hold; each holds them for a few statements.
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 10_000 };

type Keys = Record<CheckLimitScope, string>;
type Tx = Prisma.TransactionClient;

function firstRefusal(
  hitsOf: (scope: CheckLimitScope) => number[],
  settings: CheckLimitSettings,
  now: number,
): Extract<CheckLimitDecision, { allowed: false }> | null {
  for (const scope of SCOPES) {
    const decision: RateLimitDecision = decideWindow(hitsOf(scope), now, settings[scope]);
    if (!decision.allowed) return { allowed: false, scope, retryAfterMs: decision.retryAfterMs };
  }
  return null;
}

// Hits leave a window only with time, never early, so a refusal read without any lock is as true
// as one read under it: a flood of refused requests is answered with one read and writes nothing.
async function readRefusal(db: PrismaClient, keys: Keys, settings: CheckLimitSettings, now: number) {
  const rows = await db.checkLimitBucket.findMany({
    where: { OR: SCOPES.map((scope) => ({ scope, key: keys[scope] })) },
    select: { scope: true, key: true, hits: true },
  });
  const hitsOf = (scope: CheckLimitScope) => {
    const row = rows.find((r) => r.scope === scope && r.key === keys[scope]);
    return hitsInWindow(parseHits(row?.hits ?? ""), now, settings[scope].windowMs);
  };
  return firstRefusal(hitsOf, settings, now);
}

// Creates the row if it is missing and locks it until the transaction ends: on PostgreSQL the
// upsert's row lock, on SQLite the database's write lock (the first statement of the transaction
// writes, so it waits for another process's writer instead of failing on a stale read).
async function lockBucket(tx: Tx, scope: CheckLimitScope, key: string): Promise<string> {
  const rows = await tx.$queryRaw<Array<{ hits: string }>>`
    INSERT INTO "CheckLimitBucket" ("scope", "key", "hits", "expiresAt") VALUES (${scope}, ${key}, '', 0)
    ON CONFLICT ("scope", "key") DO UPDATE SET "hits" = "CheckLimitBucket"."hits"
    RETURNING "hits"`;
  return rows[0]?.hits ?? "";
}

async function take(tx: Tx, keys: Keys, settings: CheckLimitSettings, now: () => number) {
  const stored: string[] = [];
  for (const scope of SCOPES) stored.push(await lockBucket(tx, scope, keys[scope]));
  // read after the locks, so time spent waiting for them is not counted as window
  const t = now();
  const recent = SCOPES.map((scope, i) => hitsInWindow(parseHits(stored[i]!), t, settings[scope].windowMs));
  const refusal = firstRefusal((scope) => recent[SCOPES.indexOf(scope)]!, settings, t);
  if (refusal) return refusal;
  for (const [i, scope] of SCOPES.entries()) {
    await tx.checkLimitBucket.update({
      where: { scope_key: { scope, key: keys[scope] } },
      data: { hits: formatHits([...recent[i]!, t]), expiresAt: BigInt(t + settings[scope].windowMs) },
    });
  }
  return { allowed: true } as const;
}

async function pruneBuckets(db: PrismaClient, now: number): Promise<void> {
  if (providerOf(db) === "postgresql") {
    // SKIP LOCKED: the prune never waits for a row a check holds, so it cannot deadlock with one.
    await db.$executeRaw`
      DELETE FROM "CheckLimitBucket" WHERE ("scope", "key") IN (
        SELECT "scope", "key" FROM "CheckLimitBucket" WHERE "expiresAt" < ${BigInt(now)} FOR UPDATE SKIP LOCKED)`;
    return;
  }
  await db.checkLimitBucket.deleteMany({ where: { expiresAt: { lt: BigInt(now) } } });
}

export function createCheckLimits(
  db: PrismaClient,
  settings: CheckLimitSettings,
  now: () => number = Date.now,
): CheckLimits {
  let nextPrune = 0;
  return {
    async hit({ client, domain }) {
      const keys: Keys = { client, domain: targetKey(domain), global: GLOBAL_KEY };
      const early = await readRefusal(db, keys, settings, now());
      if (early) return early;
      const decision = await db.$transaction((tx) => take(tx, keys, settings, now), TRANSACTION_OPTIONS);
      if (decision.allowed && now() >= nextPrune) {
        nextPrune = now() + PRUNE_INTERVAL_MS;
        await pruneBuckets(db, now()).catch((error: unknown) => {
          console.error("check limits: could not delete old windows", error);
        });
      }
      return decision;
    },
  };
}

// The registrable domain (example.co.jp for mail.example.co.jp), or the name itself when it has none.
export function targetKey(domain: string): string {
  const name = domain.toLowerCase().replace(/\.$/, "");
  return getDomain(name, { allowPrivateDomains: true }) ?? name;
}

let checkLimits: CheckLimits | undefined;

export function getCheckLimits(): CheckLimits {
  checkLimits ??= createCheckLimits(getDb(), parseCheckLimits(process.env));
  return checkLimits;
}
