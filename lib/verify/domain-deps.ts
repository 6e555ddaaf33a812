import { parseCheckEnv } from "@/lib/check/config";
import { readMxConfig } from "@/lib/mx/config";
import { createMxResolver } from "@/lib/mx/dns";
import type { DomainCheckDeps } from "./types";

// The mail-domain check of the verification job asks the resolver the check page asks
// (CHECK_DNS_SERVER, else the system's first) with the same timeout, and follows MX_PORT25 and
// MX_DNS_TRUST_AD (lib/mx/config.ts): one deployment, one answer to "can we reach port 25 and
// believe the AD bit". A bad variable fails loudly at start, like the other limits.
export function readDomainCheckDeps(source: Record<string, string | undefined> = process.env): DomainCheckDeps {
  const check = parseCheckEnv(source);
  const mx = readMxConfig(source);
  return {
    resolver: createMxResolver({
      server: check.CHECK_DNS_SERVER,
      timeoutMs: check.CHECK_DNS_TIMEOUT_MS,
      trustAd: mx.trustAd,
    }),
    port25: mx.port25,
  };
}
