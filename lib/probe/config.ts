import { getEnv, type Env } from "@/lib/env";

export type ProbeConfig = { allowLoopback: boolean; timeoutMs: number };

export function readProbeConfig(env: Env = getEnv()): ProbeConfig {
  return { allowLoopback: env.PROBE_ALLOW_LOOPBACK, timeoutMs: env.PROBE_TIMEOUT_MS };
}
