import { getDomain } from "tldts";
import { z } from "zod";
import { CHECK_RATE_LIMIT, createSlidingWindowLimiter, type SlidingWindowLimiter } from "./rate-limit";

// A check makes this server connect to someone else's hosts, so three allowances stand between a
// visitor and a probe: per client (the address server.ts determined, never a header the client
// wrote), per target (the registrable domain, so a.victim.example and b.victim.example count
// together and nobody can aim many checks at one host) and for the whole site (a cap on the
// probes we send at all, whoever asks). A refused check counts against none of them.
export type CheckLimitScope = "client" | "domain" | "global";
export type CheckLimitDecision = { allowed: true } | { allowed: false; scope: CheckLimitScope; retryAfterMs: number };

const limitsEnvSchema = z.object({
  CHECK_LIMIT_PER_DOMAIN: z.coerce.number().int().min(1).max(10_000).default(6),
  CHECK_LIMIT_PER_DOMAIN_WINDOW_S: z.coerce.number().int().min(1).max(86_400).default(600),
  CHECK_LIMIT_GLOBAL: z.coerce.number().int().min(1).max(100_000).default(30),
  CHECK_LIMIT_GLOBAL_WINDOW_S: z.coerce.number().int().min(1).max(86_400).default(60),
});

export type CheckLimitSettings = {
  client: { limit: number; windowMs: number };
  domain: { limit: number; windowMs: number };
  global: { limit: number; windowMs: number };
};

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

export type CheckLimits = { hit: (request: { client: string; domain: string }) => CheckLimitDecision };

export function createCheckLimits(settings: CheckLimitSettings, now: () => number = Date.now): CheckLimits {
  const limiters: Record<CheckLimitScope, SlidingWindowLimiter> = {
    client: createSlidingWindowLimiter({ ...settings.client, now }),
    domain: createSlidingWindowLimiter({ ...settings.domain, now }),
    global: createSlidingWindowLimiter({ ...settings.global, now }),
  };
  return {
    hit({ client, domain }) {
      const keys: Record<CheckLimitScope, string> = { client, domain: targetKey(domain), global: "all" };
      const scopes = ["client", "domain", "global"] as const;
      for (const scope of scopes) {
        const decision = limiters[scope].peek(keys[scope]);
        if (!decision.allowed) return { allowed: false, scope, retryAfterMs: decision.retryAfterMs };
      }
      for (const scope of scopes) limiters[scope].hit(keys[scope]);
      return { allowed: true };
    },
  };
}

// The registrable domain (example.co.jp for mail.example.co.jp), or the name itself when it has none.
export function targetKey(domain: string): string {
  const name = domain.toLowerCase().replace(/\.$/, "");
  return getDomain(name, { allowPrivateDomains: true }) ?? name;
}

// One set per server process; kept on globalThis so the dev server's module reloads do not hand
// every client a fresh allowance.
const globalForLimits = globalThis as unknown as { checkLimits?: CheckLimits };

export function getCheckLimits(): CheckLimits {
  globalForLimits.checkLimits ??= createCheckLimits(parseCheckLimits(process.env));
  return globalForLimits.checkLimits;
}
