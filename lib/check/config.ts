import type { AutoconfigUrls } from "@/lib/autoconfig/types";
import { getEnv, type Env } from "@/lib/env";
import { readProbeConfig, type ProbeConfig } from "@/lib/probe/config";

export type CheckConfig = ProbeConfig & {
  urlsFor: ((domain: string, emailAddress: string) => AutoconfigUrls) | undefined;
  lookupTimeoutMs: number;
};

export function readCheckConfig(env: Env = getEnv()): CheckConfig {
  const base = env.AUTOCONFIG_BASE_URL;
  return {
    ...readProbeConfig(env),
    lookupTimeoutMs: env.AUTOCONFIG_TIMEOUT_MS,
    urlsFor: base
      ? (domain, emailAddress) => ({
          autoconfig: `${base}/autoconfig/${domain}?emailaddress=${encodeURIComponent(emailAddress)}`,
          wellKnown: `${base}/well-known/${domain}`,
          ispdb: `${base}/ispdb/${domain}`,
        })
      : undefined,
  };
}
