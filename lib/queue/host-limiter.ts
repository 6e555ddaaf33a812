import { randomUUID } from "node:crypto";
import type { Pool } from "pg";
import type { HostLimiter } from "@/lib/verify/types";

// The per-host limit shared by every worker process on every machine: N slots per mail host in
// PostgreSQL. A check takes a free slot (no live lease, its pause over) with one UPDATE that
// skips rows other workers hold locked, and gives it back with "free again at now + pause".
// A lease ends by itself at lease_until, so a worker that crashed holding a slot blocks that
// slot for one lease at most.
//
// Raw SQL in a schema of its own (like pg-boss's) rather than a Prisma model: it is coordination
// state, not catalogue data, it exists only on PostgreSQL (the one-process runner on SQLite
// keeps its limiter in memory), and a model would need a migration on both databases for a
// table SQLite never uses.
export const HOST_LIMIT_SCHEMA = "msc_queue";

const CREATE = `
  CREATE SCHEMA IF NOT EXISTS ${HOST_LIMIT_SCHEMA};
  CREATE TABLE IF NOT EXISTS ${HOST_LIMIT_SCHEMA}.host_slot (
    host text NOT NULL,
    slot integer NOT NULL,
    lease_id uuid,
    lease_until timestamptz,
    free_at timestamptz NOT NULL DEFAULT '-infinity',
    PRIMARY KEY (host, slot)
  );
`;

// 0x6d7363 ("msc"): one arbitrary key, so two workers starting at once do not both create.
const SETUP_LOCK = 7_172_963;

export async function installHostLimiter(pool: Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock($1)", [SETUP_LOCK]);
    await client.query(CREATE);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

const TAKE = `
  UPDATE ${HOST_LIMIT_SCHEMA}.host_slot
  SET lease_id = $3, lease_until = now() + $4 * interval '1 millisecond'
  WHERE (host, slot) = (
    SELECT host, slot FROM ${HOST_LIMIT_SCHEMA}.host_slot
    WHERE host = $1 AND slot < $2
      AND (lease_id IS NULL OR lease_until < now())
      AND free_at <= now()
    ORDER BY free_at, slot
    LIMIT 1
    FOR UPDATE SKIP LOCKED
  )
  RETURNING slot`;

// How long until a slot may come free: its lease's end or its pause's, whichever applies.
const NEXT_FREE = `
  SELECT GREATEST(0, EXTRACT(EPOCH FROM MIN(
    CASE WHEN lease_id IS NOT NULL AND lease_until >= now() THEN lease_until ELSE free_at END
  ) - now()) * 1000)::float8 AS wait_ms
  FROM ${HOST_LIMIT_SCHEMA}.host_slot WHERE host = $1 AND slot < $2`;

const RELEASE = `
  UPDATE ${HOST_LIMIT_SCHEMA}.host_slot
  SET lease_id = NULL, lease_until = NULL, free_at = now() + $4 * interval '1 millisecond'
  WHERE host = $1 AND slot = $2 AND lease_id = $3`;

export type PostgresHostLimiterOptions = {
  perHost: number;
  pauseMs: number;
  leaseMs: number;
  // the longest wait between two tries while every slot is taken; a slot given back by another
  // process is seen at the next try
  pollMs?: number;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function createPostgresHostLimiter(pool: Pool, options: PostgresHostLimiterOptions): HostLimiter {
  const pollMs = options.pollMs ?? 100;
  const ensured = new Set<string>();
  const ensureSlots = async (host: string) => {
    if (ensured.has(host)) return;
    await pool.query(
      `INSERT INTO ${HOST_LIMIT_SCHEMA}.host_slot (host, slot)
       SELECT $1, s FROM generate_series(0, $2 - 1) AS s ON CONFLICT DO NOTHING`,
      [host, options.perHost],
    );
    ensured.add(host);
  };
  const take = async (host: string, leaseId: string): Promise<number> => {
    for (;;) {
      const taken = await pool.query<{ slot: number }>(TAKE, [host, options.perHost, leaseId, options.leaseMs]);
      const slot = taken.rows[0]?.slot;
      if (slot !== undefined) return slot;
      const next = await pool.query<{ wait_ms: number | null }>(NEXT_FREE, [host, options.perHost]);
      const waitMs = next.rows[0]?.wait_ms ?? pollMs;
      // jitter, so workers waiting on one host do not all ask again in the same millisecond
      await sleep(Math.min(pollMs, Math.max(5, waitMs)) * (0.75 + Math.random() * 0.5));
    }
  };
  // One process can never hold more than perHost slots of a host, so its other checks of that
  // host wait here, in memory, instead of each asking the database every pollMs.
  const local = new Map<string, { running: number; waiting: Array<() => void> }>();
  const enter = async (key: string) => {
    let gate = local.get(key);
    if (!gate) local.set(key, (gate = { running: 0, waiting: [] }));
    if (gate.running >= options.perHost) await new Promise<void>((resolve) => gate.waiting.push(resolve));
    else gate.running++;
    return () => {
      const next = gate.waiting.shift();
      if (next) next();
      else if (--gate.running === 0) local.delete(key);
    };
  };
  return {
    async run(host, fn) {
      const key = host.toLowerCase();
      const leave = await enter(key);
      try {
        await ensureSlots(key);
        const leaseId = randomUUID();
        const slot = await take(key, leaseId);
        try {
          return await fn();
        } finally {
          await pool.query(RELEASE, [key, slot, leaseId, options.pauseMs]);
        }
      } finally {
        leave();
      }
    },
  };
}
