import { z } from "zod";
import type { AutoconfigUrls } from "@/lib/autoconfig/types";
import { readProbeConfig, type ProbeConfig } from "@/lib/probe/config";

const checkEnvSchema = z.object({
  // Sends all three autoconfig fetches to one server instead of the domain's own hosts and the
  // Thunderbird ISPDB: <base>/autoconfig/<domain>, <base>/well-known/<domain>, <base>/ispdb/<domain>.
  // For tests and local development only.
  AUTOCONFIG_BASE_URL: z
    .url({ protocol: /^https?$/ })
    .transform((u) => u.replace(/\/+$/, ""))
    .optional(),
  AUTOCONFIG_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(8000),
});

export type CheckConfig = ProbeConfig & {
  urlsFor: ((domain: string, emailAddress: string) => AutoconfigUrls) | undefined;
  lookupTimeoutMs: number;
};

export function readCheckConfig(env: Record<string, string | undefined> = process.env): CheckConfig {
  const parsed = checkEnvSchema.safeParse({ ...env, AUTOCONFIG_BASE_URL: env.AUTOCONFIG_BASE_URL || undefined });
  if (!parsed.success) throw new Error(`Invalid check environment: ${z.prettifyError(parsed.error)}`);
  const base = parsed.data.AUTOCONFIG_BASE_URL;
  return {
    ...readProbeConfig(env),
    lookupTimeoutMs: parsed.data.AUTOCONFIG_TIMEOUT_MS,
    urlsFor: base
      ? (domain, emailAddress) => ({
          autoconfig: `${base}/autoconfig/${domain}?emailaddress=${encodeURIComponent(emailAddress)}`,
          wellKnown: `${base}/well-known/${domain}`,
          ispdb: `${base}/ispdb/${domain}`,
        })
      : undefined,
  };
}
