import { z } from "zod";
import type { IspdbProvider } from "@/lib/ispdb/types";
import { fetchConfigDocument, queryMx, systemResolveMx, type ResolveMx } from "./network";
import {
  autoconfigDomainSchema,
  checkConfigXml,
  defaultUrlsFor,
  directCandidates,
  guessConfig,
  mxHostsByPreference,
  mxLookupDomains,
} from "./rules";
import type { AutoconfigAttempt, AutoconfigResult, AutoconfigStep, AutoconfigUrls } from "./types";

// Finds a domain's mail settings the way Thunderbird does, one step after another:
//   1. autoconfig  https://autoconfig.<domain>/mail/config-v1.1.xml?emailaddress=…
//   2. well-known  https://<domain>/.well-known/autoconfig/mail/config-v1.1.xml
//   3. ispdb       https://autoconfig.thunderbird.net/v1.1/<domain>
//   4. mx          the domain's most preferred MX host, then
//      mx-ispdb    the ISPDB for that host minus its first label, then for its registrable domain
//                  (Thunderbird asks both, so that example.mail.protection.outlook.com finds
//                  Microsoft 365 rather than Outlook.com's consumer settings)
//   5. guess       imap.<domain> / pop.<domain> / smtp.<domain> with TLS, marked as a guess
// Every step has its own timeout, and every step's outcome is kept, so a page can show why the
// answer came from where it did. The rules live in rules.ts, the fetch and DNS query in network.ts.

// The check page validates its input with the same schema before calling lookupAutoconfig.
export { autoconfigDomainSchema };
export type { AutoconfigResult, AutoconfigUrls };

export type LookupAutoconfigOptions = {
  // sent to the provider's own autoconfig server, which may tailor the answer to the account
  emailAddress?: string;
  // where each step fetches from; tests point these at a local server
  urlsFor?: (domain: string, emailAddress: string) => AutoconfigUrls;
  resolveMx?: ResolveMx;
  fetch?: typeof globalThis.fetch;
  // per step; a number applies to every step
  timeoutMs?: number | Partial<Record<AutoconfigStep, number>>;
  // cancels the whole lookup (the caller went away), unlike a step's timeout
  signal?: AbortSignal;
};

const DEFAULT_TIMEOUT_MS = 10_000;

export async function lookupAutoconfig(
  domainInput: string,
  options: LookupAutoconfigOptions = {},
): Promise<AutoconfigResult> {
  const domain = autoconfigDomainSchema.parse(domainInput);
  // RFC 5321 requires every mail domain to have a postmaster, so the default asks about an
  // address that exists without handing a real user's address to a third-party server.
  const emailAddress = z.email().parse(options.emailAddress ?? `postmaster@${domain}`);
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const urlsFor = options.urlsFor ?? defaultUrlsFor;
  const timeoutFor = (step: AutoconfigStep) =>
    typeof options.timeoutMs === "number" ? options.timeoutMs : (options.timeoutMs?.[step] ?? DEFAULT_TIMEOUT_MS);
  const stepLimits = (step: AutoconfigStep) => {
    const timeoutMs = timeoutFor(step);
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
    return { signal, timeoutMs, cancel: options.signal };
  };
  const attempts: AutoconfigAttempt[] = [];
  const record = (attempt: Omit<AutoconfigAttempt, "ms">, started: number) => {
    attempts.push({ ...attempt, ms: Math.round(performance.now() - started) });
  };

  async function fetchConfig(step: AutoconfigStep, url: string, forDomain: string): Promise<IspdbProvider | undefined> {
    const started = performance.now();
    const fetched = await fetchConfigDocument(url, fetchImpl, stepLimits(step));
    if (!fetched.ok) {
      record({ step, url, outcome: fetched.outcome, detail: fetched.detail }, started);
      return undefined;
    }
    const checked = checkConfigXml(fetched.xml, url, forDomain);
    if (!checked.ok) {
      record({ step, url, outcome: "invalid", detail: checked.detail }, started);
      return undefined;
    }
    record({ step, url, outcome: "found", detail: checked.provider.displayName }, started);
    return checked.provider;
  }

  async function findMxHosts(): Promise<string[]> {
    const step = "mx";
    const url = `dns:${domain}?type=MX`;
    const started = performance.now();
    const resolveMx = options.resolveMx ?? systemResolveMx(timeoutFor(step));
    const answer = await queryMx(domain, resolveMx, stepLimits(step));
    if (!answer.ok) {
      record({ step, url, outcome: answer.outcome, detail: answer.detail }, started);
      return [];
    }
    const hosts = mxHostsByPreference(answer.records);
    if (hosts.length === 0) {
      record({ step, url, outcome: "not-found", detail: "no MX records" }, started);
    } else {
      record({ step, url, outcome: "found", detail: hosts.join(", ") }, started);
    }
    return hosts;
  }

  for (const [step, url] of directCandidates(urlsFor(domain, emailAddress))) {
    const config = await fetchConfig(step, url, domain);
    if (config) return { domain, answeredBy: step, url, guessed: false, config, mxHosts: [], attempts };
  }

  const mxHosts = await findMxHosts();
  const preferred = mxHosts[0];
  if (preferred) {
    for (const candidate of mxLookupDomains(preferred, domain)) {
      const url = urlsFor(candidate, emailAddress).ispdb;
      const config = await fetchConfig("mx-ispdb", url, candidate);
      if (config) return { domain, answeredBy: "mx-ispdb", url, guessed: false, config, mxHosts, attempts };
    }
  }
  return { domain, answeredBy: "guess", url: null, guessed: true, config: guessConfig(domain), mxHosts, attempts };
}
