import { z } from "zod";
import type { AutoconfigUrls } from "@/lib/autoconfig/types";
import { getEnv, type Env } from "@/lib/env";
import { readProbeConfig, type ProbeConfig } from "@/lib/probe/config";
import type { DnsServer } from "./dns";

export type CheckConfig = ProbeConfig & {
  urlsFor: ((domain: string, emailAddress: string) => AutoconfigUrls) | undefined;
  lookupTimeoutMs: number;
  // undefined: the system's resolvers
  dnsServer: DnsServer | undefined;
  dnsTimeoutMs: number;
  dnsControlName: string;
};

// host:port, [v6]:port or a bare address (port 53)
const dnsServerSchema = z.string().transform((value, ctx): DnsServer => {
  const match = /^(?:\[([0-9a-f:.]+)\]|([0-9.]+))(?::(\d{1,5}))?$/i.exec(value.trim());
  const host = match?.[1] ?? match?.[2];
  const port = Number(match?.[3] ?? 53);
  if (!host || port < 1 || port > 65535) {
    ctx.addIssue({
      code: "custom",
      message: "CHECK_DNS_SERVER must be an IP address with an optional port, e.g. 127.0.0.1:5353",
    });
    return z.NEVER;
  }
  return { host, port };
});

// The check's own variables, kept here rather than in lib/env.ts because only this page reads
// them. CHECK_DNS_SERVER is for tests (a DNS server on loopback); production leaves it unset.
const checkEnvSchema = z.object({
  CHECK_DNS_SERVER: z.preprocess((v) => (v === "" ? undefined : v), dnsServerSchema.optional()),
  CHECK_DNS_TIMEOUT_MS: z.coerce.number().int().min(100).max(30_000).default(4000),
  // a name that always resolves, asked beside the domain: if it fails too, the fault is ours
  CHECK_DNS_CONTROL_NAME: z
    .string()
    .regex(/^[a-z0-9.-]+$/i)
    .default("example.com"),
});

export function parseCheckEnv(source: Record<string, string | undefined>) {
  const parsed = checkEnvSchema.safeParse(source);
  if (!parsed.success) throw new Error(`Invalid environment: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

export function readCheckConfig(
  env: Env = getEnv(),
  source: Record<string, string | undefined> = process.env,
): CheckConfig {
  const base = env.AUTOCONFIG_BASE_URL;
  const own = parseCheckEnv(source);
  return {
    ...readProbeConfig(env),
    lookupTimeoutMs: env.AUTOCONFIG_TIMEOUT_MS,
    dnsServer: own.CHECK_DNS_SERVER,
    dnsTimeoutMs: own.CHECK_DNS_TIMEOUT_MS,
    dnsControlName: own.CHECK_DNS_CONTROL_NAME,
    urlsFor: base
      ? (domain, emailAddress) => ({
          autoconfig: `${base}/autoconfig/${domain}?emailaddress=${encodeURIComponent(emailAddress)}`,
          wellKnown: `${base}/well-known/${domain}`,
          ispdb: `${base}/ispdb/${domain}`,
        })
      : undefined,
  };
}
