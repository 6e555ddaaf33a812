"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { autoconfigDomainSchema, lookupAutoconfig } from "@/lib/autoconfig/lookup";
import { readCheckConfig } from "@/lib/check/config";
import { createCheckDns, type DomainDns } from "@/lib/check/dns";
import { guardedFetch } from "@/lib/check/guarded-fetch";
import { getCheckLimits, type CheckLimitDecision } from "@/lib/check/check-limits";
import { runMailCheck } from "@/lib/check/run-check";
import { saveCheckResult } from "@/lib/check/store";
import { checkPath, RESULT_FRAGMENT } from "@/lib/check/url";
import { identifyByMx } from "@/lib/catalogue/identify";
import { getDb } from "@/lib/db";
import { clientLimitKey, readClientAddress } from "@/lib/http/client-address";
import { LOCALES } from "@/lib/i18n/locales";
import { checkDomainTransport } from "@/lib/mx/check-domain";
import { readMxConfig } from "@/lib/mx/config";
import { createMxResolver } from "@/lib/mx/dns";
import { getIdentifiableServices } from "@/lib/queries/catalogue";
import type { CheckReport, CheckState } from "@/lib/check/types";

const MAX_INPUT = 320;

// A whole address is accepted too: only what follows the last @ is the domain.
const checkFormSchema = z.object({
  domain: z.preprocess(
    (v) => (typeof v === "string" ? v.slice(0, MAX_INPUT).replace(/^.*@/, "") : v),
    autoconfigDomainSchema,
  ),
  locale: z.enum(LOCALES).catch("ja"),
});

// The lookup's MX step asks nothing again: the check's own DNS answer stands in for it, so one
// resolver (CHECK_DNS_SERVER when set) answers every question about the domain.
function mxFrom(dns: DomainDns) {
  return () =>
    dns.kind === "exists"
      ? Promise.resolve(dns.mxHosts.map((exchange, priority) => ({ exchange, priority })))
      : Promise.reject(
          Object.assign(new Error(`DNS: ${dns.kind}`), { code: dns.kind === "failed" ? dns.code : "ENOTFOUND" }),
        );
}

export async function checkMailDomain(_previous: CheckState, formData: FormData): Promise<CheckState> {
  // An action is a public endpoint: a hand-made request can send any arguments.
  if (!(formData instanceof FormData)) return { status: "invalid", domain: "" };
  // "run again" on a stored result submits its domain as the button's value
  const raw = formData.get("rerun") ?? formData.get("domain");
  const typed = typeof raw === "string" ? raw.trim().slice(0, MAX_INPUT) : "";
  const parsed = checkFormSchema.safeParse({ domain: raw, locale: formData.get("locale") });
  if (!parsed.success) return { status: "invalid", domain: typed };
  const { domain, locale } = parsed.data;

  const client = clientLimitKey(readClientAddress(await headers()));
  let decision: CheckLimitDecision;
  try {
    decision = await getCheckLimits().hit({ client, domain });
  } catch (error) {
    // Without a counted slot there is no probe: the limits fail closed.
    console.error(`check limits for ${domain} could not be read`, error);
    return { status: "failed", domain: typed };
  }
  if (!decision.allowed)
    return {
      status: "rate-limited",
      scope: decision.scope,
      domain: typed,
      retryAfterSeconds: Math.ceil(decision.retryAfterMs / 1000),
    };

  const config = readCheckConfig();
  const mx = readMxConfig();
  let report: CheckReport;
  try {
    report = await runMailCheck(domain, {
      dns: createCheckDns({
        server: config.dnsServer,
        timeoutMs: config.dnsTimeoutMs,
        controlName: config.dnsControlName,
      }),
      lookup: (d, dns) =>
        lookupAutoconfig(d, {
          urlsFor: config.urlsFor,
          fetch: guardedFetch({ allowLoopback: config.allowLoopback }),
          timeoutMs: config.lookupTimeoutMs,
          resolveMx: dns ? mxFrom(dns) : undefined,
        }),
      probe: { allowLoopback: config.allowLoopback, timeoutMs: config.timeoutMs },
      identify: async (_d, mxHosts) => identifyByMx(mxHosts, await getIdentifiableServices()),
      // the same resolver as the check's own questions; the address guard covers port 25 and the
      // MTA-STS policy fetch alike (loopback only where the probe allows it, in tests)
      transport: (d) =>
        checkDomainTransport(d, {
          resolver: createMxResolver({ server: config.dnsServer, timeoutMs: config.dnsTimeoutMs, trustAd: mx.trustAd }),
          timeoutMs: config.timeoutMs,
          port25: mx.port25,
          allowLoopback: config.allowLoopback,
        }),
    });
  } catch (error) {
    console.error(`server check of ${domain} failed`, error);
    return { status: "failed", domain: typed };
  }
  // Our own outage says nothing about the domain: shown once, never stored over a real result.
  if (report.outcome === "network-failed") return { status: "done", domain: typed, report };
  await saveCheckResult(getDb(), report);
  // Post/redirect/get: the result now has its own URL, to reload, bookmark or share.
  redirect(`${checkPath(locale, domain)}#${RESULT_FRAGMENT}`);
}
