"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { autoconfigDomainSchema, lookupAutoconfig } from "@/lib/autoconfig/lookup";
import { readCheckConfig } from "@/lib/check/config";
import { guardedFetch } from "@/lib/check/guarded-fetch";
import { clientKey, getCheckRateLimiter } from "@/lib/check/rate-limit";
import { runMailCheck } from "@/lib/check/run-check";
import { systemResolveMx } from "@/lib/autoconfig/network";
import { mxHostsByPreference } from "@/lib/autoconfig/rules";
import { identifyByMx } from "@/lib/catalogue/identify";
import { getIdentifiableServices } from "@/lib/queries/catalogue";
import type { CheckState } from "@/lib/check/types";

const MAX_INPUT = 320;

// A whole address is accepted too: only what follows the last @ is the domain.
const checkFormSchema = z.object({
  domain: z.preprocess(
    (v) => (typeof v === "string" ? v.slice(0, MAX_INPUT).replace(/^.*@/, "") : v),
    autoconfigDomainSchema,
  ),
});

export async function checkMailDomain(_previous: CheckState, formData: FormData): Promise<CheckState> {
  const raw = formData.get("domain");
  const typed = typeof raw === "string" ? raw.trim().slice(0, MAX_INPUT) : "";
  const parsed = checkFormSchema.safeParse({ domain: raw });
  if (!parsed.success) return { status: "invalid", domain: typed };
  const domain = parsed.data.domain;

  const decision = getCheckRateLimiter().hit(clientKey(await headers()));
  if (!decision.allowed)
    return { status: "rate-limited", domain: typed, retryAfterSeconds: Math.ceil(decision.retryAfterMs / 1000) };

  const config = readCheckConfig();
  try {
    const report = await runMailCheck(domain, {
      lookup: (d) =>
        lookupAutoconfig(d, {
          urlsFor: config.urlsFor,
          fetch: guardedFetch({ allowLoopback: config.allowLoopback }),
          timeoutMs: config.lookupTimeoutMs,
        }),
      probe: { allowLoopback: config.allowLoopback, timeoutMs: config.timeoutMs },
      identify: async (d, known) => {
        const mxHosts =
          known.length > 0
            ? known
            : mxHostsByPreference(
                await systemResolveMx(config.lookupTimeoutMs)(d, AbortSignal.timeout(config.lookupTimeoutMs)),
              );
        return identifyByMx(mxHosts, await getIdentifiableServices());
      },
    });
    return { status: "done", domain: typed, report };
  } catch (error) {
    console.error(`server check of ${domain} failed`, error);
    return { status: "failed", domain: typed };
  }
}
