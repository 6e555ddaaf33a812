import { Resolver } from "node:dns/promises";
import { domainToASCII } from "node:url";
import { z } from "zod";
import { readLimitedBody } from "@/lib/http/read-limited-body";
import { safeParseIspdbXml } from "@/lib/ispdb/parse";
import type { IspdbProvider } from "@/lib/ispdb/types";

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
// answer came from where it did.

export const AUTOCONFIG_STEPS = ["autoconfig", "well-known", "ispdb", "mx", "mx-ispdb", "guess"] as const;
export type AutoconfigStep = (typeof AUTOCONFIG_STEPS)[number];

export type AutoconfigOutcome = "found" | "not-found" | "invalid" | "timeout" | "error";

export type AutoconfigAttempt = {
  step: AutoconfigStep;
  url: string;
  outcome: AutoconfigOutcome;
  detail?: string;
  ms: number;
};

export type AutoconfigResult = {
  // the ASCII (punycode) form that was looked up
  domain: string;
  answeredBy: AutoconfigStep;
  // where the answer was fetched from; null for a guess
  url: string | null;
  // true when no source answered and the settings are a guess nobody has confirmed
  guessed: boolean;
  config: IspdbProvider;
  mxHosts: string[];
  attempts: AutoconfigAttempt[];
};

export type AutoconfigUrls = { autoconfig: string; wellKnown: string; ispdb: string };

export type MxRecord = { exchange: string; priority: number };

export type LookupAutoconfigOptions = {
  // sent to the provider's own autoconfig server, which may tailor the answer to the account
  emailAddress?: string;
  // where each step fetches from; tests point these at a local server
  urlsFor?: (domain: string, emailAddress: string) => AutoconfigUrls;
  resolveMx?: (domain: string, signal: AbortSignal) => Promise<MxRecord[]>;
  fetch?: typeof globalThis.fetch;
  // per step; a number applies to every step
  timeoutMs?: number | Partial<Record<AutoconfigStep, number>>;
  // cancels the whole lookup (the caller went away), unlike a step's timeout
  signal?: AbortSignal;
};

const DEFAULT_TIMEOUT_MS = 10_000;
// A clientConfig is a few kilobytes; anything much larger is not one.
const MAX_RESPONSE_BYTES = 512 * 1024;

const HOSTNAME_PATTERN =
  /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

export const autoconfigDomainSchema = z
  .string()
  .trim()
  .min(1, "enter a domain, e.g. example.com")
  .transform((input, ctx) => {
    // domainToASCII applies IDNA (例え.jp → xn--r8jz45g.jp) and returns "" for what it rejects.
    const ascii = domainToASCII(input.replace(/\.$/, "").toLowerCase());
    if (!HOSTNAME_PATTERN.test(ascii)) {
      ctx.addIssue({ code: "custom", message: "must be a domain name such as example.com" });
      return z.NEVER;
    }
    return ascii;
  });

export function defaultUrlsFor(domain: string, emailAddress: string): AutoconfigUrls {
  return {
    autoconfig: `https://autoconfig.${domain}/mail/config-v1.1.xml?emailaddress=${encodeURIComponent(emailAddress)}`,
    wellKnown: `https://${domain}/.well-known/autoconfig/mail/config-v1.1.xml`,
    ispdb: `https://autoconfig.thunderbird.net/v1.1/${domain}`,
  };
}

// Second-level registrations under which the registrable domain has three labels. A short,
// hand-kept stand-in for the Public Suffix List, covering the registries our providers use.
const SECOND_LEVEL_SUFFIXES = new Set([
  "co.jp",
  "ne.jp",
  "or.jp",
  "ac.jp",
  "ad.jp",
  "ed.jp",
  "go.jp",
  "gr.jp",
  "lg.jp",
  "co.uk",
  "org.uk",
  "ac.uk",
  "gov.uk",
  "me.uk",
  "net.uk",
  "ltd.uk",
  "plc.uk",
  "com.au",
  "net.au",
  "org.au",
  "edu.au",
  "co.nz",
  "net.nz",
  "org.nz",
  "com.br",
  "net.br",
  "org.br",
  "com.cn",
  "net.cn",
  "org.cn",
  "com.tw",
  "com.hk",
  "co.kr",
  "or.kr",
  "co.in",
  "co.za",
  "com.mx",
  "com.ar",
  "com.tr",
  "co.il",
]);

export function registrableDomain(host: string): string {
  const labels = host.toLowerCase().replace(/\.$/, "").split(".");
  const lastTwo = labels.slice(-2).join(".");
  return SECOND_LEVEL_SUFFIXES.has(lastTwo) && labels.length >= 3 ? labels.slice(-3).join(".") : lastTwo;
}

// The domains whose ISPDB entry may describe an MX host: the host minus its first label, then
// its registrable domain; never the looked-up domain itself, which step 3 already asked about.
export function mxLookupDomains(mxHost: string, domain: string): string[] {
  const host = mxHost.toLowerCase().replace(/\.$/, "");
  const base = registrableDomain(host);
  const parent = host.split(".").slice(1).join(".");
  const candidates = parent.length > base.length ? [parent, base] : [base];
  return [...new Set(candidates)].filter((d) => d !== domain && d.includes("."));
}

export function guessConfig(domain: string): IspdbProvider {
  // Only encrypted settings are guessed: suggesting a cleartext login would be worse than nothing.
  const server = (type: "imap" | "pop3" | "smtp", host: string, port: number, socketType: "SSL" | "STARTTLS") => ({
    type,
    hostname: `${host}.${domain}`,
    port,
    socketType,
    authentication: ["password-cleartext"],
    username: "%EMAILADDRESS%",
  });
  return {
    id: domain,
    domains: [domain],
    displayName: domain,
    incoming: [server("imap", "imap", 993, "SSL"), server("pop3", "pop", 995, "SSL")],
    outgoing: [server("smtp", "smtp", 465, "SSL"), server("smtp", "smtp", 587, "STARTTLS")],
    webServices: [],
    documentation: [],
  };
}

function errorCode(error: unknown): string | undefined {
  const cause = (error as { cause?: { code?: unknown } }).cause;
  const code = (error as { code?: unknown }).code ?? cause?.code;
  return typeof code === "string" ? code : undefined;
}

function isTimeout(error: unknown): boolean {
  return (error as { name?: unknown }).name === "TimeoutError";
}

// AbortSignal.timeout() aborts with a DOMException named TimeoutError, which isTimeout() reads.
function abortReason(signal: AbortSignal): Error {
  return signal.reason instanceof Error ? signal.reason : new Error("aborted");
}

// Settles with the promise, or rejects as soon as the signal aborts, for functions (an injected
// resolver) that may not listen to a signal themselves.
function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(abortReason(signal));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortReason(signal));
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (v) => (signal.removeEventListener("abort", onAbort), resolve(v)),
      (e: unknown) => (
        signal.removeEventListener("abort", onAbort),
        reject(e instanceof Error ? e : new Error(String(e)))
      ),
    );
  });
}

function systemResolveMx(timeoutMs: number) {
  return async (domain: string, signal: AbortSignal): Promise<MxRecord[]> => {
    const resolver = new Resolver({ timeout: timeoutMs, tries: 1 });
    const cancel = () => resolver.cancel();
    signal.addEventListener("abort", cancel, { once: true });
    try {
      return await resolver.resolveMx(domain);
    } finally {
      signal.removeEventListener("abort", cancel);
    }
  };
}

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
  const stepSignal = (step: AutoconfigStep) => {
    const timeout = AbortSignal.timeout(timeoutFor(step));
    return options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
  };
  const attempts: AutoconfigAttempt[] = [];
  const record = (attempt: Omit<AutoconfigAttempt, "ms">, started: number) => {
    attempts.push({ ...attempt, ms: Math.round(performance.now() - started) });
  };

  async function fetchConfig(step: AutoconfigStep, url: string, forDomain: string): Promise<IspdbProvider | undefined> {
    const started = performance.now();
    try {
      const response = await fetchImpl(url, {
        signal: stepSignal(step),
        headers: { accept: "application/xml, text/xml;q=0.9, */*;q=0.1" },
      });
      if (response.status === 404 || response.status === 410) {
        await response.body?.cancel();
        record({ step, url, outcome: "not-found", detail: `HTTP ${response.status}` }, started);
        return undefined;
      }
      if (!response.ok) {
        await response.body?.cancel();
        record({ step, url, outcome: "error", detail: `HTTP ${response.status}` }, started);
        return undefined;
      }
      const body = await readLimitedBody(response, MAX_RESPONSE_BYTES);
      if (!body.ok) {
        const detail =
          body.reason === "too-large"
            ? `larger than ${MAX_RESPONSE_BYTES} bytes`
            : "the Content-Length header is not a valid length";
        record({ step, url, outcome: "invalid", detail }, started);
        return undefined;
      }
      const parsed = safeParseIspdbXml(new TextDecoder().decode(body.bytes), url);
      if (!parsed.ok) {
        const detail = parsed.error.issues.map((i) => `${i.field}: ${i.message}`).join("; ");
        record({ step, url, outcome: "invalid", detail }, started);
        return undefined;
      }
      // %EMAILDOMAIN% is how a hoster's generic config says "any domain we host".
      const listed = parsed.provider.domains.map((d) =>
        d === "%EMAILDOMAIN%" ? forDomain : domainToASCII(d.toLowerCase()),
      );
      if (!listed.includes(forDomain)) {
        record(
          { step, url, outcome: "invalid", detail: `the config does not list ${forDomain} among its domains` },
          started,
        );
        return undefined;
      }
      record({ step, url, outcome: "found", detail: parsed.provider.displayName }, started);
      return parsed.provider;
    } catch (error) {
      if (options.signal?.aborted) throw options.signal.reason;
      if (isTimeout(error)) {
        record({ step, url, outcome: "timeout", detail: `no complete answer within ${timeoutFor(step)} ms` }, started);
      } else if (errorCode(error) === "ENOTFOUND") {
        // Most domains have no autoconfig host at all: that is "not there", not a failure.
        record({ step, url, outcome: "not-found", detail: `${new URL(url).hostname} does not resolve` }, started);
      } else {
        const code = errorCode(error);
        record(
          {
            step,
            url,
            outcome: "error",
            detail: code ? `${code}: ${(error as Error).message}` : (error as Error).message,
          },
          started,
        );
      }
      return undefined;
    }
  }

  async function findMxHosts(): Promise<string[]> {
    const step = "mx";
    const url = `dns:${domain}?type=MX`;
    const started = performance.now();
    const signal = stepSignal(step);
    const resolveMx = options.resolveMx ?? systemResolveMx(timeoutFor(step));
    try {
      const records = await raceAbort(resolveMx(domain, signal), signal);
      // Most preferred first (lowest priority value); the sort is stable, so ties keep DNS order.
      const hosts = [...records]
        .sort((a, b) => a.priority - b.priority)
        .map((r) => r.exchange.toLowerCase().replace(/\.$/, ""))
        .filter((h) => h.length > 0);
      if (hosts.length === 0) {
        record({ step, url, outcome: "not-found", detail: "no MX records" }, started);
      } else {
        record({ step, url, outcome: "found", detail: hosts.join(", ") }, started);
      }
      return hosts;
    } catch (error) {
      if (options.signal?.aborted) throw options.signal.reason;
      const code = errorCode(error);
      if (isTimeout(error) || code === "ETIMEOUT" || code === "ECANCELLED") {
        record({ step, url, outcome: "timeout", detail: `no answer within ${timeoutFor(step)} ms` }, started);
      } else if (code === "ENODATA" || code === "ENOTFOUND") {
        record({ step, url, outcome: "not-found", detail: code }, started);
      } else {
        record(
          {
            step,
            url,
            outcome: "error",
            detail: code ? `${code}: ${(error as Error).message}` : (error as Error).message,
          },
          started,
        );
      }
      return [];
    }
  }

  const urls = urlsFor(domain, emailAddress);
  const direct: Array<[AutoconfigStep, string]> = [
    ["autoconfig", urls.autoconfig],
    ["well-known", urls.wellKnown],
    ["ispdb", urls.ispdb],
  ];
  for (const [step, url] of direct) {
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
