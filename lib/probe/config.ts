import { z } from "zod";
import { DEFAULT_TIMEOUT_MS } from "./types";

const flag = z
  .enum(["1", "0", "true", "false", ""])
  .default("")
  .transform((v) => v === "1" || v === "true");

const probeEnvSchema = z.object({
  // Loopback only, for tests and local development; private ranges are never allowed.
  PROBE_ALLOW_LOOPBACK: flag,
  PROBE_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(DEFAULT_TIMEOUT_MS),
});

export type ProbeConfig = { allowLoopback: boolean; timeoutMs: number };

export function readProbeConfig(env: Record<string, string | undefined> = process.env): ProbeConfig {
  const parsed = probeEnvSchema.safeParse(env);
  if (!parsed.success) throw new Error(`Invalid probe environment: ${z.prettifyError(parsed.error)}`);
  return { allowLoopback: parsed.data.PROBE_ALLOW_LOOPBACK, timeoutMs: parsed.data.PROBE_TIMEOUT_MS };
}
